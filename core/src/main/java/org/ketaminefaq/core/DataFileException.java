package org.ketaminefaq.core;

/**
 * A data or profile file that cannot be used: it says which file, where in it, and what was expected.
 *
 * <p>Example message: {@code facts.json at $.facts[3].topic: unknown value "prices"; expected one of what_is_ketamine, ...}
 */
public final class DataFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final String jsonPath;

    public DataFileException(String file, String jsonPath, String problem, Throwable cause) {
        super(file + " at " + jsonPath + ": " + problem, cause);
        this.file = file;
        this.jsonPath = jsonPath;
    }

    public DataFileException(String file, String jsonPath, String problem) {
        this(file, jsonPath, problem, null);
    }

    /** The name or path of the file. */
    public String file() {
        return file;
    }

    /** Where in the file, as a JSON path such as {@code $.facts[3].topic}. */
    public String jsonPath() {
        return jsonPath;
    }
}
