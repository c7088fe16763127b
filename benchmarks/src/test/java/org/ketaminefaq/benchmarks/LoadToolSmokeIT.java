package org.ketaminefaq.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ketaminefaq.chatbot.server.ChatServer;
import org.ketaminefaq.chatbot.server.ClinicChat;
import org.ketaminefaq.chatbot.server.ServerConfig;
import org.ketaminefaq.core.ClinicProfile;

/**
 * A small run of the load tool, paced and closed-loop, against a real chat server and the echo server in this JVM,
 * so that the tool keeps working and the servers keep answering every message. No timing is asserted: figures come
 * from {@code benchmarks/run-all} on a quiet machine, not from a test.
 */
class LoadToolSmokeIT {

    @Test
    void pacedChatsAreEachAnsweredOnceAndNothingIsLost() throws Exception {
        try (ChatServer chat = ChatServer.create(ServerConfig.builder().port(0).build())
                .clinicAtRoot(ClinicChat.of(ClinicProfile.defaultProfile())).start()) {
            LoadTool.Spec paced = new LoadTool.Spec(20, 3, 60, 20, 80, Workload.SEED, 10_000);
            LoadTool.Result result = LoadTool.run(chat.chatUri(), paced);
            assertEquals(60, result.sent(), result.toString());
            assertEquals(60, result.answered(), result.toString());
            assertTrue(result.clean(), result.toString());
            assertTrue(result.meanReplyChars() > 100, "chat replies are sentences: " + result);
        }
    }

    @Test
    void aClosedLoopAgainstTheEchoServerIsAnsweredInFull() throws Exception {
        try (EchoServer echo = EchoServer.start(0)) {
            LoadTool.Result result = LoadTool.run(echo.uri(), LoadTool.Spec.closed(20, 10));
            assertEquals(200, result.answered(), result.toString());
            assertTrue(result.clean(), result.toString());
        }
    }

    @Test
    void aChatServerThatIsGoneCountsEveryChatAsNotConnected() throws Exception {
        int port = ServerProcess.freePort();
        LoadTool.Result result = LoadTool.run(java.net.URI.create("ws://127.0.0.1:" + port + "/chat"),
                LoadTool.Spec.closed(3, 2));
        assertEquals(0, result.connected());
        assertTrue(!result.clean(), result.toString());
    }
}
