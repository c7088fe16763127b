package org.ketaminefaq.chatbot.server;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.glassfish.tyrus.spi.ReadHandler;

/**
 * Sits between Grizzly and Tyrus on a WebSocket connection and enforces the frame size limit by the length each
 * frame header declares. A frame over the limit is refused as soon as its header arrives, before its payload is
 * buffered, and the connection is closed with 1009 (too big). Frames within the limit go on to Tyrus unchanged, one
 * frame per call.
 *
 * <p>Why not Tyrus's own incoming buffer limit alone: Tyrus reports a frame over its buffer as an
 * {@code IllegalArgumentException}, logs a warning and closes with 1011 (unexpected condition), and it also fails
 * when one network read holds several small frames that together exceed the buffer. Handing Tyrus one frame at a
 * time avoids both.
 *
 * <p>One instance per connection; Tyrus calls a connection's read handler from one thread at a time.
 */
final class FrameSizeGuard implements ReadHandler {

    private static final int MAX_HEADER_BYTES = 14;

    private final ReadHandler next;
    private final long maxPayloadBytes;
    private final Runnable onTooBig;

    private final byte[] header = new byte[MAX_HEADER_BYTES];
    private int headerRead;
    private long payloadLeft;
    private boolean refused;

    /**
     * @param next Tyrus's read handler
     * @param maxPayloadBytes the largest payload a frame may declare
     * @param onTooBig closes the connection with 1009; called once, for the first frame over the limit
     */
    FrameSizeGuard(ReadHandler next, long maxPayloadBytes, Runnable onTooBig) {
        this.next = Objects.requireNonNull(next, "next");
        this.maxPayloadBytes = maxPayloadBytes;
        this.onTooBig = Objects.requireNonNull(onTooBig, "onTooBig");
    }

    @Override
    public void handle(ByteBuffer data) {
        if (refused || data == null) {
            return; // whatever follows a refused frame is its payload or comes after it: none of it is read
        }
        int frameStart = data.position();
        while (data.hasRemaining()) {
            if (payloadLeft > 0) {
                int skip = (int) Math.min(payloadLeft, data.remaining());
                data.position(data.position() + skip);
                payloadLeft -= skip;
                if (payloadLeft == 0) {
                    frameStart = pass(data, frameStart);
                }
                continue;
            }
            header[headerRead++] = data.get();
            int headerBytes = headerBytes();
            if (headerRead == headerBytes) {
                long payload = payloadBytes();
                headerRead = 0;
                if (payload > maxPayloadBytes) {
                    refused = true;
                    onTooBig.run();
                    return;
                }
                payloadLeft = payload;
                if (payload == 0) {
                    frameStart = pass(data, frameStart);
                }
            }
        }
        pass(data, frameStart); // the beginning of a frame whose rest comes in a later read
    }

    /** Hands Tyrus the bytes from {@code from} to the current position; returns where the next frame starts. */
    private int pass(ByteBuffer data, int from) {
        int to = data.position();
        if (to > from) {
            ByteBuffer frame = data.duplicate();
            frame.limit(to).position(from);
            next.handle(frame.slice());
        }
        return to;
    }

    /** The header's full length once its first two bytes are known (RFC 6455, section 5.2); 0 before. */
    private int headerBytes() {
        if (headerRead < 2) {
            return 0;
        }
        int lengthCode = header[1] & 0x7F;
        int extended = lengthCode == 126 ? 2 : lengthCode == 127 ? 8 : 0;
        boolean masked = (header[1] & 0x80) != 0;
        return 2 + extended + (masked ? 4 : 0);
    }

    private long payloadBytes() {
        int lengthCode = header[1] & 0x7F;
        if (lengthCode < 126) {
            return lengthCode;
        }
        int bytes = lengthCode == 126 ? 2 : 8;
        long length = 0;
        for (int i = 0; i < bytes; i++) {
            length = (length << 8) | (header[2 + i] & 0xFF);
        }
        return length < 0 ? Long.MAX_VALUE : length; // a 64-bit length with the top bit set is invalid: too big
    }
}
