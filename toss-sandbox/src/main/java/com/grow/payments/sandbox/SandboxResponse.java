package com.grow.payments.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fully rendered answer. Immutable, so the idempotency cache can replay it byte for byte.
 */
record SandboxResponse(int status, String contentType, byte[] body, Map<String, String> headers) {

    static final String JSON = "application/json; charset=utf-8";
    static final String HTML = "text/html; charset=utf-8";

    SandboxResponse {
        headers = Map.copyOf(headers);
    }

    static SandboxResponse json(int status, Object value) {
        return new SandboxResponse(status, JSON, Json.bytes(value), Map.of());
    }

    static SandboxResponse error(String code) {
        return new TossApiException(code).toResponse();
    }

    static SandboxResponse error(int status, String code, String message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        return json(status, body);
    }

    static SandboxResponse html(int status, String html) {
        return new SandboxResponse(status, HTML, html.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static SandboxResponse redirect(String location) {
        return new SandboxResponse(302, null, new byte[0], Map.of("Location", location));
    }
}
