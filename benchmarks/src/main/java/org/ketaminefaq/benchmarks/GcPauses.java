package org.ketaminefaq.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import javax.management.MBeanServerConnection;

/**
 * The stop-the-world garbage collections of one JVM, this one or another through JMX, as its collectors' MXBeans
 * count them. A load round reads them before and after, so that a round whose p99 a collection paused can be told
 * from one whose p99 is the server's own work.
 *
 * <p>G1's young and full collections are pauses, and their beans count them; the beans some collectors have for
 * their concurrent cycles (G1 from JDK 20, ZGC, Shenandoah) count work done alongside the application, which holds
 * up no message, and are left out.
 */
final class GcPauses {

    /** Collections and their time in all, in milliseconds; -1 and -1 where they could not be counted. */
    record Count(long collections, long millis) {
        static final Count UNKNOWN = new Count(-1, -1);

        Count minus(Count earlier) {
            return new Count(collections - earlier.collections, millis - earlier.millis);
        }

        boolean known() {
            return collections >= 0;
        }

        /** Such as {@code 2 (31 ms)}, {@code 0} or {@code ?}. */
        String describe() {
            return !known() ? "?" : collections == 0 ? "0" : collections + " (" + millis + " ms)";
        }
    }

    private final List<GarbageCollectorMXBean> collectors;

    private GcPauses(List<GarbageCollectorMXBean> collectors) {
        this.collectors = collectors.stream().filter(GcPauses::pauses).toList();
    }

    /** This JVM's collections. */
    static GcPauses local() {
        return new GcPauses(ManagementFactory.getGarbageCollectorMXBeans());
    }

    /** The collections of the JVM behind a JMX connection. */
    static GcPauses remote(MBeanServerConnection connection) throws IOException {
        return new GcPauses(ManagementFactory.getPlatformMXBeans(connection, GarbageCollectorMXBean.class));
    }

    /** @throws UncheckedIOException when the other JVM cannot be asked */
    Count now() {
        long collections = 0;
        long millis = 0;
        try {
            for (GarbageCollectorMXBean collector : collectors) {
                collections += Math.max(0, collector.getCollectionCount());
                millis += Math.max(0, collector.getCollectionTime());
            }
        } catch (RuntimeException e) {
            // a proxy's failed JMX call arrives as an UndeclaredThrowableException around the IOException
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException("could not read the garbage collections through JMX", io);
            }
            throw e;
        }
        return new Count(collections, millis);
    }

    private static boolean pauses(GarbageCollectorMXBean collector) {
        String name = collector.getName();
        return !name.contains("Concurrent") && !name.contains("Cycles");
    }
}
