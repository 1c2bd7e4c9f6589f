package com.grow.payments.workbench;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;

/**
 * The standalone profile's Toss merchants ({@code payments.standalone.toss-merchants.<name>.secret-key}
 * and {@code .flows}), copied to {@code toss.merchants.<name>.*} when the run names no Toss credentials
 * of its own: so every local run and test exercises two merchants, and a run given a real key uses
 * only that.
 */
final class StandaloneMerchants {

    static final String PREFIX = "payments.standalone.toss-merchants.";

    private StandaloneMerchants() {
    }

    static void copyInto(ConfigurableEnvironment env, Map<String, Object> target) {
        Set<String> names = new TreeSet<>();
        env.getPropertySources().forEach(source -> {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String property : enumerable.getPropertyNames()) {
                    if (property.startsWith(PREFIX) && property.indexOf('.', PREFIX.length()) > 0) {
                        names.add(property.substring(PREFIX.length(), property.indexOf('.', PREFIX.length())));
                    }
                }
            }
        });
        for (String name : names) {
            for (String property : new String[] {"secret-key", "flows"}) {
                String value = env.getProperty(PREFIX + name + "." + property);
                if (value != null) {
                    target.put("toss.merchants." + name + "." + property, value);
                }
            }
        }
    }
}
