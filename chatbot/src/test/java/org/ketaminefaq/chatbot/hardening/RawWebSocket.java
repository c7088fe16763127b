package org.ketaminefaq.chatbot.hardening;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * A WebSocket client written by hand over a plain {@link Socket} (RFC 6455), for what a well-behaved client library
 * refuses to do: invalid UTF-8, frames whose header lies about their length, never reading, going silent after the
 * handshake. Frames it sends are masked, as a browser's are, unless a test asks otherwise.
 *
 * <pre>{@code
 * try (RawWebSocket ws = RawWebSocket.open(server.chatUri(), "http://127.0.0.1:" + server.port())) {
 *     ws.nextText();                                   // the welcome
 *     ws.sendText("{\"type\":\"message\",\"text\":\"hi\"}");
 *     String reply = ws.nextText();
 * }
 * }</pre>
 *
 * <p>Not thread-safe, except that one thread may send while another reads.
 */
final class RawWebSocket implements AutoCloseable {

    static final int OP_CONTINUATION = 0x0;
    static final int OP_TEXT = 0x1;
    static final int OP_BINARY = 0x2;
    static final int OP_CLOSE = 0x8;
    static final int OP_PING = 0x9;
    static final int OP_PONG = 0xA;

    /** The status {@link #awaitClose()} reports when the connection ended without a close frame (RFC 6455: 1006). */
    static final int NO_CLOSE_FRAME = 1006;

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final int status;
    private final String responseHead;

    private RawWebSocket(Socket socket, InputStream in, int status, String responseHead) throws IOException {
        this.socket = socket;
        this.in = in;
        this.out = socket.getOutputStream();
        this.status = status;
        this.responseHead = responseHead;
    }

    /** Opens a chat and fails unless the server switches protocols (101). */
    static RawWebSocket open(URI chat, String origin) throws IOException {
        RawWebSocket ws = handshake(chat, origin, 0);
        if (ws.status != 101) {
            ws.close();
            throw new IOException("the handshake was answered with " + ws.responseHead);
        }
        return ws;
    }

    /**
     * Sends the upgrade request and reads the response head, whatever its status.
     *
     * @param origin the {@code Origin} header; {@code null} sends none
     * @param receiveBufferBytes a small socket receive buffer for a client that never reads; 0 for the default
     */
    static RawWebSocket handshake(URI chat, String origin, int receiveBufferBytes) throws IOException {
        Socket socket = new Socket();
        try {
            if (receiveBufferBytes > 0) {
                socket.setReceiveBufferSize(receiveBufferBytes); // before connecting, so that the window is small
            }
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(15_000);
            socket.connect(new InetSocketAddress(chat.getHost(), chat.getPort()), 15_000);
            byte[] nonce = new byte[16];
            RANDOM.nextBytes(nonce);
            String key = Base64.getEncoder().encodeToString(nonce);
            StringBuilder request = new StringBuilder()
                    .append("GET ").append(chat.getRawPath()).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(chat.getHost()).append(':').append(chat.getPort()).append("\r\n")
                    .append("Upgrade: websocket\r\n")
                    .append("Connection: Upgrade\r\n")
                    .append("Sec-WebSocket-Key: ").append(key).append("\r\n")
                    .append("Sec-WebSocket-Version: 13\r\n");
            if (origin != null) {
                request.append("Origin: ").append(origin).append("\r\n");
            }
            request.append("\r\n");
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();

            InputStream in = socket.getInputStream();
            String head = readHead(in);
            int status = Integer.parseInt(head.substring(9, 12));
            if (status == 101) {
                String expected = "sec-websocket-accept: " + accept(key).toLowerCase(Locale.ROOT);
                if (!head.toLowerCase(Locale.ROOT).contains(expected)) {
                    throw new IOException("wrong Sec-WebSocket-Accept in " + head);
                }
            }
            return new RawWebSocket(socket, in, status, head);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** The HTTP status of the handshake response. */
    int status() {
        return status;
    }

    Socket socket() {
        return socket;
    }

    /** Sends one masked text frame holding {@code text} as UTF-8. */
    void sendText(String text) throws IOException {
        sendFrame(true, OP_TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends one masked frame. */
    void sendFrame(boolean fin, int opcode, byte[] payload) throws IOException {
        out.write(frame(fin, opcode, payload, true));
        out.flush();
    }

    /** The bytes of one frame, masked as a client's must be unless {@code masked} is false. */
    static byte[] frame(boolean fin, int opcode, byte[] payload, boolean masked) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write((fin ? 0x80 : 0) | opcode);
        int maskBit = masked ? 0x80 : 0;
        if (payload.length < 126) {
            frame.write(maskBit | payload.length);
        } else if (payload.length <= 0xFFFF) {
            frame.write(maskBit | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xFF);
        } else {
            frame.write(maskBit | 127);
            frame.writeBytes(ByteBuffer.allocate(8).putLong(payload.length).array());
        }
        if (!masked) {
            frame.writeBytes(payload);
            return frame.toByteArray();
        }
        byte[] mask = new byte[4];
        RANDOM.nextBytes(mask);
        frame.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i & 3]);
        }
        return frame.toByteArray();
    }

    /** Writes bytes as they are: a hand-made frame header, half a frame, anything. */
    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Sends a close frame with {@code code}. */
    void sendClose(int code) throws IOException {
        sendFrame(true, OP_CLOSE, new byte[] {(byte) (code >>> 8), (byte) code});
    }

    /** How long reads wait before they fail. */
    void readTimeout(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
    }

    /**
     * The next text message from the server; fails when the server closes instead, or after the read timeout.
     * Answers pings as a browser would.
     */
    String nextText() throws IOException {
        while (true) {
            Frame frame = nextFrame();
            switch (frame.opcode()) {
                case OP_TEXT:
                    return new String(frame.payload(), StandardCharsets.UTF_8);
                case OP_PING:
                    sendFrame(true, OP_PONG, frame.payload());
                    break;
                case OP_CLOSE:
                    throw new IOException("the server closed the chat with " + frame.closeCode().orElse(1005)
                            + " instead of replying");
                default:
                    throw new IOException("unexpected frame with opcode " + frame.opcode());
            }
        }
    }

    /**
     * Reads until the server's close frame and returns its status code; {@link #NO_CLOSE_FRAME} when the connection
     * ends without one. Replies still on their way are skipped; {@code skipped} counts them when not null.
     */
    int awaitClose(int[] skipped) throws IOException {
        while (true) {
            Frame frame;
            try {
                frame = nextFrame();
            } catch (EOFException | java.net.SocketException e) {
                return NO_CLOSE_FRAME;
            }
            if (frame.opcode() == OP_CLOSE) {
                return frame.closeCode().orElse(1005);
            }
            if (skipped != null) {
                skipped[0]++;
            }
        }
    }

    int awaitClose() throws IOException {
        return awaitClose(null);
    }

    /** Whether the server ended the TCP connection: a read sees the end of the stream (or a reset). */
    boolean awaitEndOfStream() throws IOException {
        try {
            byte[] buffer = new byte[8192];
            while (in.read(buffer) != -1) {
                // drain whatever the server still sent
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (java.net.SocketException e) {
            return true; // reset by the server: ended, too
        }
    }

    /** One frame from the server, unmasked. */
    Frame nextFrame() throws IOException {
        int b0 = readByte();
        int b1 = readByte();
        long length = b1 & 0x7F;
        if (length == 126) {
            length = (readByte() << 8) | readByte();
        } else if (length == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) {
                length = (length << 8) | readByte();
            }
        }
        if ((b1 & 0x80) != 0) {
            throw new IOException("the server masked a frame, which RFC 6455 forbids");
        }
        if (length > 16 * 1024 * 1024) {
            throw new IOException("a frame of " + length + " bytes from the server");
        }
        byte[] payload = in.readNBytes((int) length);
        if (payload.length != length) {
            throw new EOFException("the connection ended inside a frame");
        }
        return new Frame((b0 & 0x80) != 0, b0 & 0x0F, payload);
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b == -1) {
            throw new EOFException("the server ended the connection");
        }
        return b;
    }

    /** Cuts the TCP connection without a close handshake. */
    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** A frame the server sent. */
    record Frame(boolean fin, int opcode, byte[] payload) {
        Optional<Integer> closeCode() {
            return opcode == OP_CLOSE && payload.length >= 2
                    ? Optional.of(((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF)) : Optional.empty();
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b == -1) {
                throw new EOFException("the server ended the connection during the handshake: " + head);
            }
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : (b == '\r' ? 1 : 0);
            if (head.size() > 16 * 1024) {
                throw new IOException("a handshake response head over 16 KB");
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static String accept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1")
                    .digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}
