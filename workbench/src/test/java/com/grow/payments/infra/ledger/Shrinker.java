package com.grow.payments.infra.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Shrinks a failing run by removing chunks of steps, halving the chunk size down to single steps,
 * while the run still fails: a cheap delta-debugging pass that keeps the first failure readable.
 */
final class Shrinker {

    private Shrinker() {
    }

    static <T> List<T> shrink(List<T> failing, Predicate<List<T>> stillFails) {
        List<T> current = List.copyOf(failing);
        for (int chunk = Math.max(1, current.size() / 2); chunk >= 1; chunk /= 2) {
            int start = 0;
            while (start < current.size()) {
                List<T> candidate = new ArrayList<>(current.subList(0, start));
                candidate.addAll(current.subList(Math.min(current.size(), start + chunk), current.size()));
                if (!candidate.isEmpty() && stillFails.test(candidate)) {
                    current = List.copyOf(candidate);
                } else {
                    start += chunk;
                }
            }
        }
        return current;
    }
}
