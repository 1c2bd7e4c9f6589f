package com.grow.payments.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Toss's secret-key auth: {@code Authorization: Basic base64(secretKey + ":")}. */
final class BasicAuth {

    private BasicAuth() {
    }

    /** Returns the accepted secret key, or throws the error Toss would answer with. */
    static String secretKey(String authorization, SandboxConfig config) {
        if (authorization == null || authorization.isBlank()) {
            throw new TossApiException("UNAUTHORIZED_KEY");
        }
        String value = authorization.trim();
        int space = value.indexOf(' ');
        if (space < 0 || !value.substring(0, space).equalsIgnoreCase("Basic")) {
            throw new TossApiException("UNAUTHORIZED_KEY");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(value.substring(space + 1).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw new TossApiException("UNAUTHORIZED_KEY");
        }
        // The colon separates an (empty) password; forgetting it is the classic integration mistake.
        if (!decoded.endsWith(":")) {
            throw new TossApiException("INCORRECT_BASIC_AUTH_FORMAT");
        }
        String secretKey = decoded.substring(0, decoded.length() - 1);
        if (config.merchantOf(secretKey) == null) {
            throw new TossApiException("UNAUTHORIZED_KEY");
        }
        return secretKey;
    }
}
