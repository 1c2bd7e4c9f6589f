package com.grow.payments.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.BiPredicate;

/**
 * A transition table's expected matrix, written out so that every pair is allowed or refused on
 * purpose: one row per status (from), one column per status (to), both in the enum's order;
 * {@code +} allowed, {@code .} refused.
 */
public final class TransitionMatrix {

    private TransitionMatrix() {
    }

    /** Fails unless {@code allows} answers every pair exactly as {@code matrix} says. */
    public static <S extends Enum<S>> void assertTableIs(String[] matrix, Class<S> statuses, BiPredicate<S, S> allows) {
        S[] all = statuses.getEnumConstants();
        assertThat(matrix).as("one row per status").hasSize(all.length);
        for (S from : all) {
            String[] cells = matrix[from.ordinal()].trim().split("\\s+");
            assertThat(cells).as("one column per status in the row of %s", from).hasSize(all.length);
            for (S to : all) {
                assertThat(cells[to.ordinal()]).as("%s -> %s", from, to).isIn("+", ".");
                assertThat(allows.test(from, to)).as("%s -> %s", from, to).isEqualTo(cells[to.ordinal()].equals("+"));
            }
        }
    }
}
