package org.ketaminefaq.chatbot.server;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.ketaminefaq.core.ClinicProfile;

/**
 * The clinics of {@code --clinics DIR}: every {@code *.json} file in the directory is a clinic's profile, and its
 * name without {@code .json} is the clinic's id, such as {@code harbor-light.json} for {@code /c/harbor-light/}.
 */
final class ClinicDirectory {

    private ClinicDirectory() {
    }

    /**
     * Every profile in {@code dir}, by clinic id in id order. All of them load, or none: a server that silently left
     * out one clinic would answer its visitors with 404s.
     *
     * @throws IllegalArgumentException naming the directory or file, when the directory cannot be read, holds no
     *     profile, or a file's name is not a clinic id
     * @throws org.ketaminefaq.core.DataFileException naming the file, the field and the problem, when a profile does
     *     not load
     */
    static Map<String, ClinicProfile> load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " is not a directory; --clinics takes a directory of clinic "
                    + "profiles, one <id>.json file each");
        }
        Map<String, ClinicProfile> clinics = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String id = name.substring(0, name.length() - ".json".length());
                try {
                    ClinicChat.requireId(id);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + ": the file name makes the clinic's id, and " + e.getMessage()
                            + ".json", e);
                }
                clinics.put(id, ClinicProfile.load(file));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the clinics directory " + dir + " (" + e + ")", e);
        }
        if (clinics.isEmpty()) {
            throw new IllegalArgumentException(dir + " holds no clinic profile; put one <id>.json file in it for each "
                    + "clinic, such as harbor-light.json");
        }
        return clinics;
    }
}
