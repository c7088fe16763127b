package org.ketaminefaq.chatbot.server;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ketaminefaq.chatbot.dialogue.DialogueEngine;
import org.ketaminefaq.chatbot.nlp.IntentRecognizer;
import org.ketaminefaq.chatbot.nlp.NativeLibraries;
import org.ketaminefaq.chatbot.nlp.QuietLibraries;
import org.ketaminefaq.core.ClinicKnowledge;
import org.ketaminefaq.core.ClinicProfile;
import org.ketaminefaq.core.KnowledgeBase;
import org.ketaminefaq.core.DataFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar ketamine-faq-chatbot.jar [--host 127.0.0.1] [--port 8025] [--profile clinic.json | --clinics DIR]}:
 * runs the chat server until the process is stopped (Ctrl+C or SIGTERM), then closes every open chat with 1001
 * (going away). Main builds the clinics: the knowledge base and the recognizer once, and a dialogue engine per clinic
 * over them.
 */
@Command(name = "ketamine-faq-chatbot", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs the ketamine-faq chat server: the chat WebSocket, the screening API and a demo page.")
public final class Main implements Callable<Integer> {

    private static final Logger LOG = Logger.getLogger(Main.class.getName());

    @Spec
    CommandSpec spec;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to listen on (default: ${DEFAULT-VALUE}, "
            + "this machine only; 0.0.0.0 for every address).")
    String host = ServerConfig.DEFAULT_HOST;

    @Option(names = "--port", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port = ServerConfig.DEFAULT_PORT;

    @Option(names = "--profile", paramLabel = "FILE", description = "The clinic's profile (JSON). Without it, the "
            + "built-in default profile: no clinic-specific claims, United States crisis resources.")
    Path profile;

    @Option(names = "--clinics", paramLabel = "DIR", description = "Serve every clinic profile in DIR: the file "
            + "name without .json is the clinic's id, and its chat is at /c/<id>/chat, its screening API at "
            + "/c/<id>/api/screening and a test page at /c/<id>/. Pages pick it with data-clinic=\"<id>\".")
    Path clinicsDir;

    @Option(names = "--public-origin", paramLabel = "URL", description = "The origin browsers reach this server "
            + "under when it sits behind a reverse proxy, such as https://chat.clinic.example, so that chats from its "
            + "own chat panel and demo page are not refused.")
    String publicOrigin;

    /** The environment variable that names the resume key file when the option does not. */
    static final String RESUME_KEY_FILE_ENV = "KETAMINE_FAQ_RESUME_KEY_FILE";

    @Option(names = "--resume-key-file", paramLabel = "FILE", description = "A file of at least 32 random bytes "
            + "that every server of a clinic group shares, so that a conversation goes on on another server (or after a "
            + "restart). Default: the file named by $" + RESUME_KEY_FILE_ENV + ", else a random key of this process.")
    Path resumeKeyFile;

    @Option(names = "--metrics-port", paramLabel = "PORT", description = "Serve /metrics (Prometheus) on this port "
            + "of the same host, instead of on the main port.")
    Integer metricsPort;

    @Option(names = "--no-metrics", description = "Serve no /metrics at all.")
    boolean noMetrics;

    @Option(names = "--max-message-length", paramLabel = "CHARS",
            description = "Longest chat message, in characters (default: ${DEFAULT-VALUE}).")
    int maxMessageLength = ServerConfig.DEFAULT_MAX_MESSAGE_LENGTH;

    @Option(names = "--max-frame-bytes", paramLabel = "BYTES",
            description = "Largest WebSocket frame; a bigger one closes the chat with 1009 (default: ${DEFAULT-VALUE}).")
    int maxFrameBytes = ServerConfig.DEFAULT_MAX_FRAME_BYTES;

    @Option(names = "--messages-per-second", paramLabel = "RATE",
            description = "Steady frame rate allowed per chat (default: ${DEFAULT-VALUE}).")
    double messagesPerSecond = ServerConfig.DEFAULT_MESSAGES_PER_SECOND;

    @Option(names = "--message-burst", paramLabel = "FRAMES",
            description = "Frames a chat may send at once before the rate applies (default: ${DEFAULT-VALUE}).")
    int messageBurst = ServerConfig.DEFAULT_MESSAGE_BURST;

    @Option(names = "--max-sessions", paramLabel = "CHATS",
            description = "Chats open at once; more are closed with 1013 (default: ${DEFAULT-VALUE}).")
    int maxSessions = ServerConfig.DEFAULT_MAX_SESSIONS;

    @Option(names = "--idle-timeout-seconds", paramLabel = "SECONDS",
            description = "Closes a chat silent for this long (default: ${DEFAULT-VALUE}).")
    long idleTimeoutSeconds = ServerConfig.DEFAULT_IDLE_TIMEOUT.toSeconds();

    @Option(names = "--max-request-bytes", paramLabel = "BYTES",
            description = "Largest screening API request body (default: ${DEFAULT-VALUE}).")
    int maxRequestBytes = ServerConfig.DEFAULT_MAX_REQUEST_BYTES;

    @Option(names = "--read-timeout-seconds", paramLabel = "SECONDS",
            description = "How long to wait for the rest of a request body (default: ${DEFAULT-VALUE}).")
    long readTimeoutSeconds = ServerConfig.DEFAULT_READ_TIMEOUT.toSeconds();

    @Option(names = "--max-unread-reply-bytes", paramLabel = "BYTES",
            description = "Cuts off a chat that leaves this many reply bytes unread (default: ${DEFAULT-VALUE}).")
    int maxUnreadReplyBytes = ServerConfig.DEFAULT_MAX_UNREAD_REPLY_BYTES;

    @Option(names = "--max-unread-stall-seconds", paramLabel = "SECONDS",
            description = "Cuts off a chat whose unread replies wait this long (default: ${DEFAULT-VALUE}).")
    long maxUnreadStallSeconds = ServerConfig.DEFAULT_MAX_UNREAD_STALL.toSeconds();

    @Option(names = "--max-waiting-messages", paramLabel = "FRAMES",
            description = "Messages of one chat that may wait for an answer; more close it with 1013 (default: "
                    + "${DEFAULT-VALUE}).")
    int maxWaitingMessages = ServerConfig.DEFAULT_MAX_WAITING_MESSAGES;

    @Option(names = "--native-dir", paramLabel = "DIR", description = "Where ONNX Runtime's native library is "
            + "unpacked for the sentence-embedding model (default: ${DEFAULT-VALUE}).")
    Path nativeDir = NativeLibraries.defaultDirectory();

    public static void main(String[] args) {
        int code = new CommandLine(new Main()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        QuietLibraries.apply();
        if (profile != null && clinicsDir != null) {
            err.println("Invalid option: give --profile for one clinic or --clinics for many, not both");
            return 2;
        }
        ServerConfig config;
        Map<String, ClinicProfile> profiles;
        try {
            profiles = clinicsDir != null ? ClinicDirectory.load(clinicsDir)
                    : Map.of(ChatServer.ROOT_CLINIC_ID,
                            profile == null ? ClinicProfile.defaultProfile() : ClinicProfile.load(profile));
            ServerConfig.Builder builder = ServerConfig.builder();
            if (publicOrigin != null) {
                builder.publicOrigin(publicOrigin);
            }
            builder.metrics(!noMetrics);
            if (metricsPort != null) {
                builder.metricsPort(metricsPort);
            }
            Optional<Path> keyFile = Optional.ofNullable(resumeKeyFile)
                    .or(() -> Optional.ofNullable(System.getenv(RESUME_KEY_FILE_ENV)).filter(s -> !s.isBlank())
                            .map(Path::of));
            keyFile.ifPresent(builder::resumeKeyFile);
            config = builder
                    .host(host)
                    .port(port)
                    .maxMessageLength(maxMessageLength)
                    .maxFrameBytes(maxFrameBytes)
                    .messagesPerSecond(messagesPerSecond)
                    .messageBurst(messageBurst)
                    .maxSessions(maxSessions)
                    .idleTimeout(Duration.ofSeconds(idleTimeoutSeconds))
                    .maxRequestBytes(maxRequestBytes)
                    .readTimeout(Duration.ofSeconds(readTimeoutSeconds))
                    .maxUnreadReplyBytes(maxUnreadReplyBytes)
                    .maxUnreadStall(Duration.ofSeconds(maxUnreadStallSeconds))
                    .maxWaitingMessages(maxWaitingMessages)
                    .build();
        } catch (DataFileException e) {
            err.println("Cannot use the clinic profile: " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("Invalid option: " + e.getMessage());
            return 2;
        }

        IntentRecognizer recognizer;
        try {
            Path loadedFrom = NativeLibraries.prepare(nativeDir);
            recognizer = IntentRecognizer.shipped();
            LOG.log(Level.INFO, "Recognizer loaded: crisis lexicon, OpenNLP n-gram and sentence-embedding models "
                    + "(e5-small-v2 on ONNX Runtime, native library in {0})", loadedFrom);
        } catch (IllegalStateException | UncheckedIOException e) {
            err.println("Cannot load the recognizer: " + e.getMessage());
            return 1;
        }
        ChatServer server = ChatServer.create(config);
        KnowledgeBase facts = KnowledgeBase.load();
        profiles.forEach((id, clinic) -> {
            ClinicChat chat = ClinicChat.of(DialogueEngine.create(ClinicKnowledge.of(facts, clinic), recognizer,
                    config.maxMessageLength()));
            if (clinicsDir != null) {
                server.clinic(id, chat);
            } else {
                server.clinicAtRoot(chat);
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            err.println(e.getMessage() + ". Is another server running there? Choose another port with --port.");
            return 1;
        } catch (IllegalArgumentException e) {
            // a resume key file that is missing, unreadable or too short
            err.println("Cannot start: " + e.getMessage());
            return 2;
        }
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM and Ctrl+C run shutdown hooks: close the chats with 1001 before the JVM exits
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            out.println("Stopped.");
            out.flush();
            stopped.countDown();
        }, "ketamine-faq-shutdown"));

        if (clinicsDir != null) {
            for (String id : server.clinicIds()) {
                out.println("Clinic " + id + ": test page " + server.uri(id) + ", chat " + server.chatUri(id));
            }
        } else {
            out.println("Demo page:  " + server.uri());
            out.println("Chat:       " + server.chatUri());
            out.println("Screening:  POST " + server.uri().resolve(ChatServer.SCREENING_PATH));
        }
        out.println("Stop with Ctrl+C.");
        out.flush();
        stopped.await();
        return 0;
    }
}
