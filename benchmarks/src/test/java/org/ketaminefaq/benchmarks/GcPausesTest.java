package org.ketaminefaq.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The GC pauses a load round reports must count the collections that happen during it. */
class GcPausesTest {

    @Test
    void aCollectionDuringTheRoundIsCounted() {
        GcPauses gc = GcPauses.local();
        GcPauses.Count before = gc.now();

        System.gc();

        GcPauses.Count during = gc.now().minus(before);
        assertTrue(during.collections() >= 1, "collections counted: " + during);
    }

    @Test
    void aServerWhosePausesWereNotCountedIsNotShownAsPauseFree() {
        assertEquals("?", GcPauses.Count.UNKNOWN.describe());
        assertEquals("0", new GcPauses.Count(0, 0).describe());
        assertEquals("2 (31 ms)", new GcPauses.Count(2, 31).describe());
    }
}
