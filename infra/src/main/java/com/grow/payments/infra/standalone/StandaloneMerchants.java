package com.grow.payments.infra.standalone;

import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The standalone profile's Toss merchants ({@code payments.standalone.toss-merchants.<name>.secret-key}
 * and {@code .flows}), copied to {@code toss.merchants.<name>.*} when the run names no Toss credentials
 * of its own: so every local run and test exercises two merchants, and a run given a real key uses
 * only that.
 */
final class StandaloneMerchants {

    static final String PREFIX = "payments.standalone.toss-merchants";

    private StandaloneMerchants() {
    }

    static void copyInto(ConfigurableEnvironment env, Map<String, Object> target) {
        Map<String, Object> names = Binder.get(env).bind(PREFIX, Bindable.mapOf(String.class, Object.class))
                .orElseGet(Map::of);
        for (String name : names.keySet()) {
            for (String property : new String[] {"secret-key", "flows"}) {
                String value = env.getProperty(PREFIX + "." + name + "." + property);
                if (value != null) {
                    target.put("toss.merchants." + name + "." + property, value);
                }
            }
        }
    }
}
