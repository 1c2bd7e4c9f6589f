package com.grow.payments.infra.ledger;

import com.grow.payments.infra.ledger.Step.AccountExpires;
import com.grow.payments.infra.ledger.Step.AccountRequest;
import com.grow.payments.infra.ledger.Step.Advance;
import com.grow.payments.infra.ledger.Step.BuyerDeposits;
import com.grow.payments.infra.ledger.Step.CancelOutcome;
import com.grow.payments.infra.ledger.Step.CancelSize;
import com.grow.payments.infra.ledger.Step.CardCheckout;
import com.grow.payments.infra.ledger.Step.ChargeCycle;
import com.grow.payments.infra.ledger.Step.CompensationRefund;
import com.grow.payments.infra.ledger.Step.Confirm;
import com.grow.payments.infra.ledger.Step.ConfirmOutcome;
import com.grow.payments.infra.ledger.Step.ConsoleCancel;
import com.grow.payments.infra.ledger.Step.DepositError;
import com.grow.payments.infra.ledger.Step.Lookup;
import com.grow.payments.infra.ledger.Step.Redeliver;
import com.grow.payments.infra.ledger.Step.RequestCancel;
import com.grow.payments.infra.ledger.Step.ServiceGivesUp;
import com.grow.payments.infra.ledger.Step.Subscribe;
import com.grow.payments.infra.ledger.Step.TossAnswersCancel;
import com.grow.payments.infra.ledger.Step.TossAnswersConfirm;
import com.grow.payments.infra.ledger.Step.TossOpensAccount;
import com.grow.payments.infra.ledger.Step.Wait;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Seeded generators of ledger runs: one to three opening steps (a checkout, a virtual account or a
 * subscription), then 10 to 60 steps drawn by weight. The same seed always draws the same run.
 */
final class RandomRuns {

    private record Weighted(int weight, Function<SplittableRandom, Step> draw) {}

    private static final List<Weighted> OPENING = List.of(
            new Weighted(3, r -> new CardCheckout(amount(r))),
            new Weighted(2, r -> new AccountRequest(amount(r))),
            new Weighted(2, r -> new Subscribe(amount(r))));

    private static final List<Weighted> ANY_STEP = List.of(
            new Weighted(30, r -> new Advance(order(r), r.nextInt(0, 1_001), seed(r))),
            new Weighted(3, r -> new CardCheckout(amount(r))),
            new Weighted(2, r -> new AccountRequest(amount(r))),
            new Weighted(6, r -> new Confirm(order(r), rarely(r))),
            new Weighted(6, r -> new TossAnswersConfirm(order(r), pick(r, ConfirmOutcome.values()),
                    r.nextLong(1, 5_001))),
            new Weighted(1, r -> new ServiceGivesUp(order(r))),
            new Weighted(4, r -> new Lookup(order(r))),
            new Weighted(6, r -> new RequestCancel(order(r), pick(r, CancelSize.values()), seed(r), rarely(r))),
            new Weighted(6, r -> new TossAnswersCancel(order(r), pick(r, CancelOutcome.values()))),
            new Weighted(1, r -> new ConsoleCancel(order(r), seed(r))),
            new Weighted(2, r -> new CompensationRefund(order(r), rarely(r))),
            new Weighted(4, r -> new TossOpensAccount(order(r))),
            new Weighted(4, r -> new BuyerDeposits(order(r))),
            new Weighted(2, r -> new DepositError(order(r))),
            new Weighted(1, r -> new AccountExpires(order(r))),
            new Weighted(1, r -> new Subscribe(amount(r))),
            new Weighted(3, r -> new ChargeCycle(order(r), r.nextInt(3) != 2)),
            new Weighted(2, r -> new Redeliver(r.nextInt(0, 1_001))),
            new Weighted(2, r -> new Wait(r.nextBoolean() ? r.nextInt(1, 31) : 24 * 60 + 1)));

    private RandomRuns() {
    }

    static List<Step> draw(SplittableRandom random) {
        List<Step> steps = new ArrayList<>();
        int openings = random.nextInt(1, 4);
        for (int i = 0; i < openings; i++) {
            steps.add(pick(random, OPENING));
        }
        int rest = random.nextInt(10, 61);
        for (int i = 0; i < rest; i++) {
            steps.add(pick(random, ANY_STEP));
        }
        return List.copyOf(steps);
    }

    private static Step pick(SplittableRandom random, List<Weighted> choices) {
        int total = choices.stream().mapToInt(Weighted::weight).sum();
        int roll = random.nextInt(total);
        for (Weighted choice : choices) {
            roll -= choice.weight();
            if (roll < 0) {
                return choice.draw().apply(random);
            }
        }
        throw new IllegalStateException("weights exhausted");
    }

    private static <T> T pick(SplittableRandom random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static int order(SplittableRandom random) {
        return random.nextInt(0, 5);
    }

    private static long amount(SplittableRandom random) {
        return random.nextLong(1, 200_001);
    }

    private static long seed(SplittableRandom random) {
        return random.nextLong(0, 1_000_001);
    }

    /** One time in five. */
    private static boolean rarely(SplittableRandom random) {
        return random.nextInt(5) == 0;
    }
}
