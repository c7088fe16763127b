package org.ketaminefaq.chatbot.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * Puts ONNX Runtime's native libraries, which the jar carries for a few platforms, into a directory the operator
 * chooses, and points ONNX Runtime there; left to itself it would unpack them into a new temporary directory at every
 * start. Nothing is ever downloaded: on a platform the jar does not carry, {@link #prepare} says so and fails.
 *
 * <pre>{@code
 * NativeLibraries.prepare(NativeLibraries.defaultDirectory());   // before the first SentenceEncoder
 * }</pre>
 */
public final class NativeLibraries {

    /** The platforms whose libraries the jar carries, in ONNX Runtime's names. */
    public static final List<String> PLATFORMS = List.of("linux-x64", "linux-aarch64", "osx-aarch64");

    private static final String RESOURCE_DIR = "/ai/onnxruntime/native/";
    private static final String NATIVE_PATH_PROPERTY = "onnxruntime.native.path";

    private NativeLibraries() {
    }

    /** Whether {@link #prepare} has chosen a directory in this process. */
    private static boolean prepared() {
        return System.getProperty(NATIVE_PATH_PROPERTY) != null;
    }

    /** Prepares the {@link #defaultDirectory()} unless a directory has been chosen already in this process. */
    public static void ensurePrepared() {
        if (!prepared()) {
            prepare(defaultDirectory());
        }
    }

    /** {@code ketamine-faq-native} in the system's temporary directory. */
    public static Path defaultDirectory() {
        return Path.of(System.getProperty("java.io.tmpdir"), "ketamine-faq-native");
    }

    /**
     * Copies this platform's libraries into a subdirectory of {@code directory} named after the platform and a
     * checksum of the libraries (once; later starts find them there), and tells ONNX Runtime to load them from it.
     *
     * @return the directory the libraries are loaded from
     * @throws IllegalStateException naming the platform and what the jar carries, when it carries nothing for it
     * @throws UncheckedIOException naming the directory, when it cannot be written
     */
    public static Path prepare(Path directory) {
        return prepare(directory, platform());
    }

    static synchronized Path prepare(Path directory, String platform) {
        List<String> files = List.of(file(platform, "onnxruntime"), file(platform, "onnxruntime4j_jni"));
        if (!carries(platform)) {
            List<String> carried = PLATFORMS.stream().filter(NativeLibraries::carries).toList();
            throw new IllegalStateException(carried.isEmpty()
                    ? "ONNX Runtime's native libraries are not on the class path "
                            + "(com.microsoft.onnxruntime:onnxruntime is missing)"
                    : "The sentence-embedding stage needs ONNX Runtime for " + platform
                            + ", which this jar does not carry; it carries " + String.join(", ", carried) + ".");
        }
        Path target = directory.resolve("onnxruntime-" + fingerprint(platform) + "-" + platform);
        try {
            Files.createDirectories(target);
            for (String file : files) {
                Path path = target.resolve(file);
                if (!Files.exists(path)) {
                    copy(RESOURCE_DIR + platform + "/" + file, path);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write ONNX Runtime's native libraries to " + target
                    + " (choose another directory with --native-dir)", e);
        }
        System.setProperty(NATIVE_PATH_PROPERTY, target.toAbsolutePath().toString());
        return target;
    }

    private static boolean carries(String platform) {
        return NativeLibraries.class.getResource(RESOURCE_DIR + platform + "/" + file(platform, "onnxruntime")) != null;
    }

    /** A library's file name on a platform, such as {@code libonnxruntime.so} on Linux. */
    private static String file(String platform, String library) {
        if (platform.startsWith("win")) {
            return library + ".dll";
        }
        return "lib" + library + (platform.startsWith("osx") ? ".dylib" : ".so");
    }

    /** Copies through a temporary file, so that a second process starting at once never loads half a file. */
    private static void copy(String resource, Path path) throws IOException {
        Path partial = Files.createTempFile(path.getParent(), path.getFileName().toString(), ".part");
        try (InputStream in = NativeLibraries.class.getResourceAsStream(resource)) {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, path, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** This machine in ONNX Runtime's naming, such as {@code linux-x64}. */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String osName = os.contains("mac") || os.contains("darwin") ? "osx" : os.contains("win") ? "win" : "linux";
        String archName = switch (arch) {
            case "amd64", "x86_64" -> "x64";
            case "aarch64", "arm64" -> "aarch64";
            default -> arch;
        };
        return osName + "-" + archName;
    }

    /**
     * A checksum of the platform's JNI library, which every ONNX Runtime release builds anew: the directory changes
     * with the libraries, so a jar with another release never loads the files an older one left. (The release's
     * version number is not readable once the jar is shaded: its manifest is the chatbot's.)
     */
    private static String fingerprint(String platform) {
        String resource = RESOURCE_DIR + platform + "/" + file(platform, "onnxruntime4j_jni");
        CRC32 crc = new CRC32();
        try (InputStream in = NativeLibraries.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("ONNX Runtime's JNI library for " + platform + " is not in the jar ("
                        + resource + ")");
            }
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                crc.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource + " from the jar", e);
        }
        return String.format(Locale.ROOT, "%08x", crc.getValue());
    }
}
