package com.grow.payments.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Hides values whose names say they are secret, wherever they sit in a document. */
final class SecretMasking {

    static final String MASK = "****";
    private static final Set<String> SECRET_NAMES = Set.of(
            "secret", "billingkey", "authkey", "customerkey", "cardnumber", "password", "accountnumber");

    private SecretMasking() {
    }

    static boolean isSecret(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return SECRET_NAMES.stream().anyMatch(lower::contains);
    }

    static JsonNode mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> {
                if (isSecret(name) && !object.get(name).isNull()) {
                    object.put(name, MASK);
                } else {
                    mask(object.get(name));
                }
            });
        } else if (node != null && node.isArray()) {
            node.forEach(SecretMasking::mask);
        }
        return node;
    }

    static Map<String, Object> maskValues(Map<String, ?> metadata) {
        Map<String, Object> masked = new LinkedHashMap<>();
        metadata.forEach((name, value) -> masked.put(name, isSecret(name) ? MASK : value));
        return masked;
    }
}
