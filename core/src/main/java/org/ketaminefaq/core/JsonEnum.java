package org.ketaminefaq.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An enum whose constants have a fixed id, the name they have in the data files and in JSON, such as
 * {@code "nasal_spray"}. Use {@link #byId} to read an id of your own JSON.
 *
 * <p>Example: {@code TreatmentForm.NASAL_SPRAY.id()} is {@code "nasal_spray"}.
 */
public interface JsonEnum {

    /** The id this constant has in the data files and the JSON protocol: by default its name in lower case. */
    default String id() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT);
    }

    /**
     * Finds the constant of {@code type} whose id is {@code id}.
     *
     * @return the constant, or empty when no constant has that id
     */
    static <E extends Enum<E> & JsonEnum> Optional<E> byId(Class<E> type, String id) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.id().equals(id)).findFirst();
    }

    /** The ids of all constants of {@code type}, for error messages that say what was expected. */
    static <E extends Enum<E> & JsonEnum> String ids(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(JsonEnum::id).collect(Collectors.joining(", "));
    }
}
