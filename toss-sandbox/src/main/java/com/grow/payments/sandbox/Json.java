package com.grow.payments.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.OptionalLong;

/** The sandbox's single ObjectMapper and the field readers that turn bad input into INVALID_REQUEST. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Json() {
    }

    static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Parses a request body that must be a JSON object. */
    static JsonNode parseObject(byte[] body) {
        if (body == null || body.length == 0) {
            throw TossApiException.invalidRequest("요청 본문이 비어 있습니다.");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (IOException e) {
            throw TossApiException.invalidRequest("요청 본문이 올바른 JSON 이 아닙니다.");
        }
        if (node == null || !node.isObject()) {
            throw TossApiException.invalidRequest("요청 본문은 JSON 객체여야 합니다.");
        }
        return node;
    }

    static String requiredText(JsonNode body, String field) {
        String value = optionalText(body, field);
        if (value == null || value.isBlank()) {
            throw TossApiException.invalidRequest(field + " 값이 필요합니다.");
        }
        return value;
    }

    static String optionalText(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw TossApiException.invalidRequest(field + " 값은 문자열이어야 합니다.");
        }
        return node.textValue();
    }

    /** Amounts are whole won: a JSON integer, never a decimal or a string. */
    static OptionalLong optionalLong(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return OptionalLong.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw TossApiException.invalidRequest(field + " 값은 정수여야 합니다.");
        }
        return OptionalLong.of(node.longValue());
    }

    static long requiredPositiveLong(JsonNode body, String field) {
        OptionalLong value = optionalLong(body, field);
        if (value.isEmpty()) {
            throw TossApiException.invalidRequest(field + " 값이 필요합니다.");
        }
        if (value.getAsLong() <= 0) {
            throw TossApiException.invalidRequest(field + " 값은 0보다 커야 합니다.");
        }
        return value.getAsLong();
    }
}
