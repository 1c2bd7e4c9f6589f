package com.grow.payments.sagas.gateway;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Idempotency keys derived from the business step, so that the same step always carries the same
 * key (Toss keeps keys 15 days and replays the first answer) and different steps never share one.
 */
public final class StepKeys {

    private StepKeys() {
    }

    public static String of(String step, Object... parts) {
        StringBuilder name = new StringBuilder("grow-payments|").append(step);
        for (Object part : parts) {
            // length-prefixed, so ("a|b") and ("a", "b") can never name the same step
            String text = String.valueOf(part);
            name.append('|').append(text.length()).append(':').append(text);
        }
        return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8)).toString();
    }
}
