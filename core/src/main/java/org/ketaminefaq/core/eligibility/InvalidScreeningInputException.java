package org.ketaminefaq.core.eligibility;

import java.util.Optional;

/**
 * Screening answers that cannot be used: an unknown field, a wrong type, a negative number or an unknown diagnosis.
 * The message names the field and the value and says what was expected.
 *
 * <p>Example message: {@code age: -3 is not allowed; expected a whole number of 0 or more}.
 */
public final class InvalidScreeningInputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    InvalidScreeningInputException(String field, String problem) {
        super(field == null ? problem : field + ": " + problem);
        this.field = field;
    }

    /** The JSON field at fault; empty when the input as a whole is at fault, such as JSON that does not parse. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
