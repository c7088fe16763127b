package org.ketaminefaq.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The machine the figures come from: processors, memory, CPU model, JDK, operating system and open-file limit.
 *
 * @param processors what {@code nproc} reports: the processors this JVM may use
 * @param memoryBytes physical memory
 * @param cpu the CPU model, from {@code /proc/cpuinfo}
 * @param jdk the JDK that runs the tools and the servers
 * @param os the operating system and kernel
 * @param openFiles the soft limit on open files ({@code ulimit -n}), which bounds sessions per process
 */
record Machine(int processors, long memoryBytes, String cpu, String jdk, String os, String openFiles) {

    static Machine describe() {
        long memory = ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getTotalMemorySize() : -1;
        return new Machine(Runtime.getRuntime().availableProcessors(), memory,
                firstValue(Path.of("/proc/cpuinfo"), "model name").orElse(System.getProperty("os.arch")),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                        + System.getProperty("java.vendor") + ")",
                osRelease() + ", kernel " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                openFileLimit());
    }

    /** Physical memory in GiB, one decimal. */
    String memory() {
        return memoryBytes < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f GiB", memoryBytes / (double) (1L << 30));
    }

    private static java.util.Optional<String> firstValue(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(key)) {
                    return java.util.Optional.of(line.substring(line.indexOf(':') + 1).trim());
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return java.util.Optional.empty();
    }

    private static String osRelease() {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
                if (line.startsWith("PRETTY_NAME=")) {
                    return line.substring("PRETTY_NAME=".length()).replace("\"", "");
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return System.getProperty("os.name");
    }

    private static String openFileLimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    String[] f = line.substring("Max open files".length()).trim().split("\\s+");
                    return f[0] + " (hard " + f[1] + ")";
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return "unknown";
    }
}
