package com.grow.payments.infra.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start a service that signs dev tokens while holding a live Toss key: anyone able to
 * reach {@code /dev/token} could then mint an ADMIN token and move real money. Checked whenever
 * dev tokens are enabled, whatever the profile, so that a profile slip cannot open that door.
 */
@Component
@ConditionalOnProperty(name = DevTokenGuard.ENABLED, havingValue = "true")
public class DevTokenGuard {

    static final String ENABLED = "payments.security.dev-tokens.enabled";
    private static final String LIVE_KEY_PREFIX = "live_sk_";

    public DevTokenGuard(Environment environment) {
        List<String> live = liveKeyProperties(environment);
        if (!live.isEmpty()) {
            throw new IllegalStateException(ENABLED + "=true next to a live Toss key (" + String.join(", ", live)
                    + "): dev tokens are for local runs with test keys only; turn them off or use a test_sk_ key");
        }
    }

    /** The names (never the values) of the Toss secret-key properties that hold a live key. */
    static List<String> liveKeyProperties(Environment environment) {
        List<String> live = new ArrayList<>();
        if (isLive(environment.getProperty("toss.secret-key"))) {
            live.add("toss.secret-key");
        }
        Binder.get(environment).bind("toss.merchants", Bindable.mapOf(String.class, MerchantKey.class))
                .ifBound(merchants -> merchants.forEach((name, merchant) -> {
                    if (isLive(merchant.secretKey())) {
                        live.add("toss.merchants." + name + ".secret-key");
                    }
                }));
        return live;
    }

    /** Only the one property of a named merchant this check reads. */
    record MerchantKey(String secretKey) {
    }

    private static boolean isLive(String key) {
        return key != null && key.strip().startsWith(LIVE_KEY_PREFIX);
    }
}
