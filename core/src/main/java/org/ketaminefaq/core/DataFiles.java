package org.ketaminefaq.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    private DataFiles() {
    }

    static <T> T read(Path file, Class<T> type) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.toString(), in, type);
        } catch (NoSuchFileException e) {
            throw new DataFileException(file.toString(), "$", "the file does not exist", e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
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
        try {
            return MAPPER.readValue(in, type);
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof StreamReadException broken) {
                throw notJson(name, broken);
            }
            throw new DataFileException(name, jsonPath(e), problem(e), e);
        } catch (JsonProcessingException e) {
            throw notJson(name, e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + name, e);
        }
    }

    private static DataFileException notJson(String name, JsonProcessingException e) {
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return new DataFileException(name, "$", "not valid JSON: " + e.getOriginalMessage() + where, e);
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

    private static String problem(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field \"" + u.getPropertyName() + "\"; expected one of " + u.getKnownPropertyIds();
        }
        if (e instanceof InvalidFormatException f && f.getTargetType().isEnum()
                && JsonEnum.class.isAssignableFrom(f.getTargetType())) {
            return "unknown value " + quoted(f.getValue()) + "; expected one of " + enumIds(f.getTargetType());
        }
        if (e instanceof InvalidFormatException f) {
            Throwable cause = f.getCause();
            String expected = cause instanceof IllegalArgumentException ? cause.getMessage()
                    : "expected a " + f.getTargetType().getSimpleName();
            return "value " + quoted(f.getValue()) + " is not accepted: " + expected;
        }
        if (e instanceof ValueInstantiationException v) {
            Throwable cause = v.getCause();
            if (cause instanceof NullPointerException) {
                return "missing required field \"" + cause.getMessage() + "\"";
            }
            return cause == null ? v.getOriginalMessage() : cause.getMessage();
        }
        Throwable cause = e.getCause();
        if (cause instanceof IllegalArgumentException) {
            return cause.getMessage();
        }
        return e.getOriginalMessage();
    }

    private static String enumIds(Class<?> type) {
        return java.util.Arrays.stream(type.getEnumConstants()).map(c -> ((JsonEnum) c).id())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static String quoted(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }
}
