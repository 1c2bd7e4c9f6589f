package com.grow.payments.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One received HTTP request, fully read, with the path variables of the route it matched. */
final class SandboxRequest {

    private final String method;
    private final String path;
    private final String rawQuery;
    private final Headers headers;
    private final byte[] body;
    private Map<String, String> pathParams = Map.of();
    private String secretKey;
    private String mid;
    private JsonNode json;

    SandboxRequest(String method, String path, String rawQuery, Headers headers, byte[] body) {
        this.method = method;
        this.path = path;
        this.rawQuery = rawQuery;
        this.headers = headers;
        this.body = body;
    }

    String method() {
        return method;
    }

    String path() {
        return path;
    }

    String header(String name) {
        return headers.getFirst(name);
    }

    byte[] body() {
        return body;
    }

    void pathParams(Map<String, String> params) {
        this.pathParams = Map.copyOf(params);
    }

    String pathParam(String name) {
        return pathParams.get(name);
    }

    /** The authenticated secret key; only set on /v1 routes. Never log it. */
    String secretKey() {
        return secretKey;
    }

    void secretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    /** The merchant ({@code mId}) the authenticated key belongs to; only set on /v1 routes. */
    String mid() {
        return mid;
    }

    void mid(String mid) {
        this.mid = mid;
    }

    String query(String name) {
        return decodeForm(rawQuery).get(name);
    }

    /** Body as application/x-www-form-urlencoded (first value of each name wins). */
    Map<String, String> form() {
        return decodeForm(new String(body, StandardCharsets.UTF_8));
    }

    /** Body as a JSON object; INVALID_REQUEST when it is not one. */
    JsonNode json() {
        if (json == null) {
            json = Json.parseObject(body);
        }
        return json;
    }

    /** Body as JSON if it parses, else null: for observers that must never fail the request. */
    JsonNode jsonOrNull() {
        try {
            return json();
        } catch (TossApiException e) {
            return null;
        }
    }

    private static Map<String, String> decodeForm(String encoded) {
        Map<String, String> out = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return out;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                out.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformed) {
                throw TossApiException.invalidRequest("잘못 인코딩된 파라미터가 있습니다.");
            }
        }
        return out;
    }
}
