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

    DataFileException(String file, String jsonPath, String problem, Throwable cause) {
        super(file + " at " + jsonPath + ": " + problem, cause);
        this.file = file;
        this.jsonPath = jsonPath;
    }

    /**
     * A problem in a file: for applications that check data files of their own the way the library checks its
     * files, as the chatbot does with its answers.
     *
     * @param file the name or path of the file
     * @param jsonPath where in it, such as {@code $.answers[2].intent}
     * @param problem what is wrong and what was expected
     */
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
