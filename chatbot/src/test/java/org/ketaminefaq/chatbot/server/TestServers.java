package org.ketaminefaq.chatbot.server;

import java.io.IOException;
import org.ketaminefaq.core.ClinicProfile;

/** Chat servers of one clinic at the root, as {@code --profile} runs them, for tests. */
public final class TestServers {

    private TestServers() {
    }

    /** A started server of the built-in default profile. */
    public static ChatServer start(ServerConfig config) throws IOException {
        return start(config, ClinicProfile.defaultProfile());
    }

    /** A started server of {@code profile}. */
    public static ChatServer start(ServerConfig config, ClinicProfile profile) throws IOException {
        return ChatServer.create(config).clinicAtRoot(ClinicChat.of(profile)).start();
    }
}
