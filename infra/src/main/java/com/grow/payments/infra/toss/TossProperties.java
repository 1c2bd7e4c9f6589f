package com.grow.payments.infra.toss;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where Toss is and how long to wait for it. The secret key is never printed. */
@ConfigurationProperties("toss")
public record TossProperties(
        @DefaultValue("https://api.tosspayments.com") URI baseUrl,
        String secretKey,
        @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout) {

    @Override
    public String toString() {
        return "TossProperties[baseUrl=" + baseUrl + ", secretKey=" + mask(secretKey) + ", connectTimeout="
                + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }

    /** Shows the key's kind (test_sk_/live_sk_) and nothing else. */
    static String mask(String key) {
        if (key == null) {
            return "null";
        }
        int prefix = key.startsWith("test_") || key.startsWith("live_") ? key.indexOf('_', 5) + 1 : 0;
        return key.substring(0, Math.max(prefix, 0)) + "****";
    }
}
