package com.grow.payments.infra.toss;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Toss is, how long to wait for it, and the merchants whose keys the service holds: either
 * {@code toss.secret-key} alone (one merchant, {@code default}, serving every flow) or named ones under
 * {@code toss.merchants.<name>} (see {@link TossMerchants}). No secret key is ever printed.
 */
@ConfigurationProperties("toss")
public record TossProperties(
        @DefaultValue("https://api.tosspayments.com") URI baseUrl,
        String secretKey,
        @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        Map<String, Merchant> merchants) {

    public TossProperties {
        merchants = merchants == null ? Map.of() : Map.copyOf(merchants);
    }

    /** One named merchant: its secret key and the flows it serves ({@code card}, {@code billing}, ...). */
    public record Merchant(String secretKey, List<String> flows) {

        public Merchant {
            flows = flows == null ? List.of() : List.copyOf(flows);
        }

        @Override
        public String toString() {
            return "Merchant[secretKey=" + mask(secretKey) + ", flows=" + flows + "]";
        }
    }

    @Override
    public String toString() {
        return "TossProperties[baseUrl=" + baseUrl + ", secretKey=" + mask(secretKey) + ", connectTimeout="
                + connectTimeout + ", readTimeout=" + readTimeout + ", merchants=" + merchants + "]";
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
