package org.ketaminefaq.chatbot.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FrameSizeGuardTest {

    private static final int LIMIT = 16 * 1024;

    private final List<byte[]> passed = new ArrayList<>();
    private final AtomicInteger refusals = new AtomicInteger();
    private final FrameSizeGuard guard = new FrameSizeGuard(data -> {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        passed.add(bytes);
    }, LIMIT, refusals::incrementAndGet);

    @Test
    void passesFramesWithinTheLimitUnchangedOneFramePerCallWhateverTheReads() {
        byte[] small = clientFrame(payload(5));
        byte[] medium = clientFrame(payload(300));       // 16-bit length
        byte[] atLimit = clientFrame(payload(LIMIT));
        byte[] empty = clientFrame(new byte[0]);
        byte[] stream = concat(small, medium, empty, atLimit, small);

        Random random = new Random(42);
        for (int offset = 0; offset < stream.length; ) {
            int n = Math.min(stream.length - offset, 1 + random.nextInt(700));
            guard.handle(ByteBuffer.wrap(stream, offset, n));
            offset += n;
        }

        assertEquals(0, refusals.get());
        assertArrayEquals(stream, concat(passed.toArray(new byte[0][])));
        int[] frameEnds = {small.length, small.length + medium.length, small.length + medium.length + empty.length,
            stream.length - small.length, stream.length};
        int end = 0;
        for (byte[] call : passed) {
            int start = end;
            end += call.length;
            boolean withinOneFrame = false;
            int frameStart = 0;
            for (int frameEnd : frameEnds) {
                withinOneFrame |= start >= frameStart && end <= frameEnd;
                frameStart = frameEnd;
            }
            assertTrue(withinOneFrame, "a call spans two frames: bytes " + start + " to " + end);
        }
    }

    @Test
    void refusesAFrameOverTheLimitByItsHeaderAndPassesNoneOfIt() {
        byte[] small = clientFrame(payload(5));
        byte[] tooBig = clientFrame(payload(LIMIT + 1));

        guard.handle(ByteBuffer.wrap(concat(small, java.util.Arrays.copyOf(tooBig, 10))));

        assertEquals(1, refusals.get());
        assertArrayEquals(small, concat(passed.toArray(new byte[0][])));

        guard.handle(ByteBuffer.wrap(tooBig, 10, tooBig.length - 10));
        assertEquals(1, refusals.get(), "refused once");
        assertEquals(1, passed.size(), "nothing after a refused frame is read");
    }

    @Test
    void refusesAHuge64BitLengthWithoutWaitingForThePayload() {
        byte[] header = {(byte) 0x81, (byte) (0x80 | 127), 0x7F, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4};
        guard.handle(ByteBuffer.wrap(header));
        assertEquals(1, refusals.get());
        assertTrue(passed.isEmpty());
    }

    private static byte[] payload(int n) {
        return "x".repeat(n).getBytes(StandardCharsets.UTF_8);
    }

    /** A final, masked text frame as a browser sends it. */
    private static byte[] clientFrame(byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x81);
        if (payload.length < 126) {
            out.write(0x80 | payload.length);
        } else if (payload.length <= 0xFFFF) {
            out.write(0x80 | 126);
            out.write(payload.length >>> 8);
            out.write(payload.length & 0xFF);
        } else {
            out.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) ((long) payload.length >>> shift) & 0xFF);
            }
        }
        byte[] mask = {1, 2, 3, 4};
        out.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            out.write(payload[i] ^ mask[i % 4]);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
