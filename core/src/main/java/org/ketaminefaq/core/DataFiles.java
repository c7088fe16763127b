package org.ketaminefaq.core;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the JSON data and profile files into records, turning every failure into a {@link DataFileException}. */
final class DataFiles {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .addModule(new JsonEnumIds())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            // a number or true/false where text is expected is a mistake in the file, not text
            .withCoercionConfig(LogicalType.Textual, text -> text
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    private DataFiles() {
    }

    static <T> T read(Path file, Class<T> type) {
        if (Files.isDirectory(file)) {
            throw new DataFileException(file.toString(), "$", "is a directory; expected a JSON file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.toString(), in, type);
        } catch (NoSuchFileException e) {
            throw new DataFileException(file.toString(), "$", "the file does not exist", e);
        } catch (IOException e) {
            throw new DataFileException(file.toString(), "$", "could not be read (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + ")", e);
        }
    }

    static <T> T readResource(String resource, Class<T> type) {
        InputStream in = DataFiles.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new DataFileException(resource, "$",
                    "not found on the classpath; is the ketamine-faq-data jar on the classpath?");
        }
        try (in) {
            return read(resource, in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + resource, e);
        }
    }

    /** Reads {@code in} fully; {@code name} is the file name that error messages give. */
    static <T> T read(String name, InputStream in, Class<T> type) {
        // the parser stays open until the message is written, so that it can say which value was wrong
        try (JsonParser parser = MAPPER.createParser(in)) {
            try {
                return MAPPER.readValue(parser, type);
            } catch (JsonMappingException e) {
                if (e.getCause() instanceof StreamReadException broken) {
                    throw notJson(name, broken);
                }
                throw new DataFileException(name, jsonPath(e), problem(e, parser), e);
            }
        } catch (JsonProcessingException e) {
            throw notJson(name, e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + name, e);
        }
    }

    private static DataFileException notJson(String name, JsonProcessingException e) {
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        // Jackson's own note on where the input came from ("[Source: REDACTED ...]") says nothing to a reader
        String problem = e.getOriginalMessage().replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*][^)]*\\)", "");
        return new DataFileException(name, "$", "not valid JSON: " + problem + where, e);
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder("$");
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String problem(JsonMappingException e, JsonParser parser) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field \"" + u.getPropertyName() + "\"; expected one of " + u.getKnownPropertyIds();
        }
        if (e instanceof InvalidFormatException f && f.getTargetType().isEnum()
                && JsonEnum.class.isAssignableFrom(f.getTargetType())) {
            return "unknown value " + quoted(f.getValue()) + "; expected one of " + enumIds(f.getTargetType());
        }
        if (e instanceof InvalidFormatException f) {
            Throwable cause = f.getCause();
            return quoted(f.getValue()) + " is not allowed; " + (cause instanceof IllegalArgumentException
                    ? cause.getMessage() : "expected " + expected(f.getTargetType()));
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return found(parser) + " is not allowed; expected " + expected(m.getTargetType());
        }
        if (e instanceof ValueInstantiationException v) {
            Throwable cause = v.getCause();
            if (cause instanceof NullPointerException) {
                // the records say "min must not be null", or just "min"
                return "missing required field \"" + String.valueOf(cause.getMessage()).replace(" must not be null", "")
                        + "\"";
            }
            return cause == null ? v.getOriginalMessage() : cause.getMessage();
        }
        Throwable cause = e.getCause();
        if (cause instanceof IllegalArgumentException) {
            return cause.getMessage();
        }
        return e.getOriginalMessage();
    }

    /** The value the file had where it was wrong, as JSON writes it, from the parser's current token. */
    private static String found(JsonParser parser) {
        if (parser.currentToken() == null) {
            return "this value";
        }
        try {
            return switch (parser.currentToken()) {
                case VALUE_STRING -> "\"" + parser.getText() + "\"";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> parser.getText();
                case START_ARRAY -> "an array";
                case START_OBJECT -> "an object";
                default -> "this value";
            };
        } catch (IOException unreadable) {
            return "this value";
        }
    }

    /** What a Java type is called in a JSON file. */
    private static String expected(Class<?> type) {
        if (type == String.class) {
            return "text";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type.isEnum() && JsonEnum.class.isAssignableFrom(type)) {
            return "one of " + enumIds(type);
        }
        return "an object";
    }

    private static String enumIds(Class<?> type) {
        return java.util.Arrays.stream(type.getEnumConstants()).map(c -> ((JsonEnum) c).id())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static String quoted(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }
}
