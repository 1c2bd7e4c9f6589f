package com.grow.payments.infra.web.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes two requests "the same" for an Idempotency-Key: method, path, query and the body —
 * JSON compared by content, so whitespace and key order do not make a retry look different.
 */
final class Fingerprints {

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private Fingerprints() {
    }

    static String of(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String query = request.getQueryString() == null ? "" : request.getQueryString();
            digest.update((request.getMethod() + ' ' + request.getRequestURI() + '?' + query + '\n')
                    .getBytes(StandardCharsets.UTF_8));
            digest.update(canonical(body));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] canonical(byte[] body) {
        try {
            return CANONICAL.writeValueAsBytes(CANONICAL.readValue(body, Object.class));
        } catch (IOException notJson) {
            return body;
        }
    }
}
