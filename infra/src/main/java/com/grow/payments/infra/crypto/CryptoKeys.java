package com.grow.payments.infra.crypto;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 keys that protect billing keys at rest: the current one, which every write uses,
 * and retired ones still read for rows written under them (rotation). Each is known by the id
 * stored with the row. Parsing fails with a message naming the property and the fault, never the
 * value; {@link #toString} shows key ids only.
 */
public final class CryptoKeys {

    public static final String DEFAULT_KEY_ID = "k1";

    static final int KEY_BYTES = 32;
    /** The width of {@code billing_key_secret.key_id}. */
    static final int MAX_KEY_ID_LENGTH = 32;

    private final String currentKeyId;
    private final Map<String, SecretKey> byId;

    private CryptoKeys(String currentKeyId, Map<String, SecretKey> byId) {
        this.currentKeyId = currentKeyId;
        this.byId = Map.copyOf(byId);
    }

    public static CryptoKeys from(CryptoProperties properties) {
        return of(properties.key(), properties.keyId(), properties.previousKeys());
    }

    /**
     * @param key          base64 of 32 bytes, the current key
     * @param keyId        its name; null means {@value #DEFAULT_KEY_ID}
     * @param previousKeys retired keys by name, base64 of 32 bytes each; may be null
     * @throws IllegalArgumentException naming the property at fault
     */
    public static CryptoKeys of(String key, String keyId, Map<String, String> previousKeys) {
        String currentId = checkKeyId(keyId == null ? DEFAULT_KEY_ID : keyId, "payments.crypto.key-id");
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        keys.put(currentId, parseKey(key, "payments.crypto.key"));
        if (previousKeys != null) {
            previousKeys.forEach((id, value) -> {
                String property = "payments.crypto.previous-keys." + id;
                checkKeyId(id, property);
                if (id.equals(currentId)) {
                    throw new IllegalArgumentException(property + " reuses the current key id '" + currentId
                            + "' (payments.crypto.key-id): a retired key needs a name of its own");
                }
                keys.put(id, parseKey(value, property));
            });
        }
        return new CryptoKeys(currentId, keys);
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    public SecretKey current() {
        return byId.get(currentKeyId);
    }

    /** Every configured key, current and retired. */
    public Collection<SecretKey> all() {
        return List.copyOf(byId.values());
    }

    /** The key a row names, current or retired; empty if it is not configured. */
    public Optional<SecretKey> byId(String keyId) {
        return Optional.ofNullable(byId.get(keyId));
    }

    @Override
    public String toString() {
        return "CryptoKeys[current=" + currentKeyId + ", previous="
                + byId.keySet().stream().filter(id -> !id.equals(currentKeyId)).sorted().toList() + ", keys=****]";
    }

    private static SecretKey parseKey(String base64, String property) {
        byte[] bytes = KeyText.decode(base64, property, "the base64 of " + KEY_BYTES + " random bytes (AES-256)");
        try {
            if (bytes.length != KEY_BYTES) {
                throw new IllegalArgumentException(property + " decodes to " + bytes.length + " bytes; AES-256 needs "
                        + KEY_BYTES + " (the base64 of 32 random bytes, e.g. from `openssl rand -base64 32`)");
            }
            return new SecretKeySpec(bytes, "AES"); // copies the bytes
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static String checkKeyId(String keyId, String property) {
        if (keyId.isBlank() || keyId.length() > MAX_KEY_ID_LENGTH) {
            throw new IllegalArgumentException(property + ": a key id is 1 to " + MAX_KEY_ID_LENGTH
                    + " characters (it is stored with every row), got '" + keyId + "'");
        }
        return keyId;
    }
}
