package com.grow.payments.infra.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Toss signs only payout and seller webhooks: {@code v1:<base64>} values (one or more, comma
 * separated) of HMAC-SHA256 over {@code "{raw body}:{transmission time}"} with the payout security
 * key; any one matching is enough. Without a configured key nothing signed is accepted.
 */
@Component
public class WebhookSignatures {

    private final byte[] securityKey;

    public WebhookSignatures(@Value("${toss.webhook-security-key:}") String securityKey) {
        this.securityKey = securityKey.getBytes(StandardCharsets.UTF_8);
    }

    public boolean valid(String body, String transmissionTime, String header) {
        if (securityKey.length == 0 || header == null || transmissionTime == null) {
            return false;
        }
        byte[] expected = hmac(body + ":" + transmissionTime);
        for (String part : header.split(",")) {
            String value = part.strip();
            if (value.startsWith("v1:")) {
                try {
                    if (MessageDigest.isEqual(expected, Base64.getDecoder().decode(value.substring(3)))) {
                        return true;
                    }
                } catch (IllegalArgumentException notBase64) {
                    // one malformed value does not spoil another that may match
                }
            }
        }
        return false;
    }

    byte[] hmac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(securityKey, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
