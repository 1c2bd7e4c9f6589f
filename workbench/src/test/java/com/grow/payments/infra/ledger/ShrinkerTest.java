package com.grow.payments.infra.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShrinkerTest {

    @Test
    void keeps_only_the_steps_the_failure_needs() {
        List<Integer> run = IntStream.range(0, 50).boxed().toList();
        List<Integer> smallest = Shrinker.shrink(run, steps -> steps.contains(7) && steps.contains(31));
        assertThat(smallest).containsExactly(7, 31);
    }

    @Test
    void the_same_seed_draws_the_same_run() {
        assertThat(RandomRuns.draw(new SplittableRandom(42))).isEqualTo(RandomRuns.draw(new SplittableRandom(42)));
        assertThat(RandomRuns.draw(new SplittableRandom(42))).isNotEqualTo(RandomRuns.draw(new SplittableRandom(43)));
    }
}
