package com.grow.payments.infra.crypto;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code payments.crypto.*} as written in the configuration, unchecked: binding text
 * never fails, so Spring's binding report (which prints the offending value) never shows a key.
 * {@link CryptoKeys#from} checks it and says what is wrong without echoing it.
 *
 * @param key          base64 of the current 32-byte AES key; every new write uses it
 * @param keyId        the current key's name, stored with each row (default {@code k1})
 * @param previousKeys retired keys by name, base64, still read for rows written under them
 */
@ConfigurationProperties("payments.crypto")
public record CryptoProperties(
        String key,
        @DefaultValue(CryptoKeys.DEFAULT_KEY_ID) String keyId,
        Map<String, String> previousKeys) {

    @Override
    public String toString() {
        return "CryptoProperties[key=" + (key == null ? "null" : "****") + ", keyId=" + keyId
                + ", previousKeys=" + (previousKeys == null ? "{}" : previousKeys.keySet() + "=****") + "]";
    }
}
