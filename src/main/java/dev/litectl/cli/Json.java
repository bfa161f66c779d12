package dev.litectl.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** JSON for reports; Jackson is loaded only when a report asks for JSON. */
final class Json {
    private static final class Holder {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    private Json() {}

    static String write(Object value) {
        try {
            return Holder.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report is not serialisable", e);
        }
    }
}
