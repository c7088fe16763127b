package org.ketaminefaq.core;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * Teaches Jackson to read every {@link JsonEnum} by its id ({@code "nasal_spray"}), so that the public enums carry
 * no Jackson annotations. An unknown id fails as an invalid format, which {@link DataFiles} words as "unknown value
 * "x"; expected one of ...".
 */
final class JsonEnumIds extends SimpleModule {

    private static final long serialVersionUID = 1L;

    JsonEnumIds() {
        super("ketamine-faq-enum-ids");
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                              BeanDescription description,
                                                              JsonDeserializer<?> standard) {
                return JsonEnum.class.isAssignableFrom(type.getRawClass()) ? new ById(type.getRawClass()) : standard;
            }
        });
    }

    /** Reads one enum type by id. */
    private static final class ById extends StdDeserializer<Object> {

        private static final long serialVersionUID = 1L;

        ById(Class<?> type) {
            super(type);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return context.handleUnexpectedToken(handledType(), parser);
            }
            String id = parser.getText();
            for (Object constant : handledType().getEnumConstants()) {
                if (((JsonEnum) constant).id().equals(id)) {
                    return constant;
                }
            }
            return context.handleWeirdStringValue(handledType(), id, "unknown id");
        }
    }
}
