package com.grow.payments.infra.ledger;

import static org.assertj.core.api.Assertions.assertThat;

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
import com.grow.payments.query.ledger.Account;
import com.grow.payments.query.ledger.EntryKind;
import com.grow.payments.query.ledger.JournalEntry;
import com.grow.payments.query.ledger.TrialBalance;
import com.grow.payments.shared.payment.PaymentCompensationStarted;
import com.grow.payments.shared.payment.PaymentView;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Random runs of payments, cancels, compensations, virtual accounts and subscription charges
 * through the real aggregates, every recorded event posted by the ledger's rules (some twice).
 * After every step:
 * <ul>
 *   <li>every entry balances, and so do all of them together (total debits = total credits);</li>
 *   <li>for each order whose money stands (approved or deposited: {@code approvedAt} set), what it
 *       took in less what its cancels gave back is its {@code balanceAmount}: customer_payments
 *       credits − debits = balanceAmount, and the CANCEL entries' debits = totalAmount − balanceAmount
 *       (what was cancelled so far); for any other order customer_payments nets to zero;</li>
 *   <li>compensation_refunds_payable holds the approved amount of an order exactly while its
 *       compensation is under way, zero otherwise.</li>
 * </ul>
 * Once every answer Toss gave has reached the service, toss_receivable of each order is what Toss
 * holds for it, to the won.
 */
class LedgerPropertyTest {

    @Property(tries = 200)
    void the_ledger_balances_and_agrees_with_every_payment_and_with_toss(@ForAll("runs") List<Step> steps) {
        try (LedgerWorld world = new LedgerWorld()) {
            for (Step step : steps) {
                world.run(step);
                assertTheBooksAgree(world);
            }
            world.settle();
            assertTheBooksAgree(world);
            assertTossHoldsWhatTheLedgerSays(world);
            collectStatistics(world);
        }
    }

    private static void collectStatistics(LedgerWorld world) {
        world.journal.entries().stream().map(JournalEntry::kind).distinct()
                .forEach(kind -> Statistics.label("entry kinds").collect(kind));
        Statistics.label("entry kinds").coverage(coverage -> {
            for (EntryKind kind : EntryKind.values()) {
                coverage.check(kind).percentage(p -> p >= 3);
            }
        });
    }

    private static void assertTheBooksAgree(LedgerWorld world) {
        List<JournalEntry> entries = world.journal.entries();
        for (JournalEntry entry : entries) {
            long debits = entry.lines().stream().mapToLong(line -> line.debit().amount()).sum();
            long credits = entry.lines().stream().mapToLong(line -> line.credit().amount()).sum();
            assertThat(debits).as("entry of %s", entry.eventId()).isEqualTo(credits);
        }
        TrialBalance trial = TrialBalance.ofEntries(entries);
        assertThat(trial.totalDebits()).isEqualTo(trial.totalCredits());
        assertThat(trial.balanced()).isTrue();

        for (TossBooks.Order order : world.orders) {
            List<JournalEntry> own = world.entriesOf(order.orderId.value());
            PaymentView view = order.view();
            if (view == null) {
                assertThat(own).isEmpty(); // the checkout was refused
                continue;
            }
            long customerPayments = -net(own, Account.CUSTOMER_PAYMENTS);
            long cancelled = own.stream().filter(entry -> entry.kind() == EntryKind.CANCEL)
                    .mapToLong(entry -> entry.netDebit(Account.CUSTOMER_PAYMENTS)).sum();
            String about = order.orderId + " " + view.status() + " after " + order.events.stream()
                    .map(event -> event.getClass().getSimpleName()).toList();
            if (view.approvedAt() != null) {
                assertThat(customerPayments).as("customer_payments of %s", about).isEqualTo(view.balanceAmount());
                assertThat(cancelled).as("cancelled so far of %s", about)
                        .isEqualTo(view.totalAmount() - view.balanceAmount());
            } else {
                assertThat(customerPayments).as("customer_payments of %s", about).isZero();
            }
            long owedBack = order.compensating() ? order.events.stream()
                    .filter(PaymentCompensationStarted.class::isInstance).map(PaymentCompensationStarted.class::cast)
                    .mapToLong(started -> started.approvedAmount().amount()).sum() : 0;
            assertThat(-net(own, Account.COMPENSATION_REFUNDS_PAYABLE)).as("compensation owed on %s", about)
                    .isEqualTo(owedBack);
            assertThat(net(own, Account.SUBSCRIPTION_PAYMENTS)).isZero();
        }
    }

    private static void assertTossHoldsWhatTheLedgerSays(LedgerWorld world) {
        long heldByToss = 0;
        for (TossBooks.Order order : world.orders) {
            String about = order.orderId + " " + order.status + " after " + order.events.stream()
                    .map(event -> event.getClass().getSimpleName()).toList();
            assertThat(net(world.entriesOf(order.orderId.value()), Account.TOSS_RECEIVABLE))
                    .as("toss_receivable of %s", about).isEqualTo(order.held);
            heldByToss += order.held;
        }
        for (Map.Entry<String, Long> charge : world.chargesHeld.entrySet()) {
            List<JournalEntry> own = world.entriesOf(charge.getKey());
            assertThat(net(own, Account.TOSS_RECEIVABLE)).as("toss_receivable of %s", charge.getKey())
                    .isEqualTo(charge.getValue());
            assertThat(-net(own, Account.SUBSCRIPTION_PAYMENTS)).isEqualTo(charge.getValue());
            heldByToss += charge.getValue();
        }
        TrialBalance trial = TrialBalance.ofEntries(world.journal.entries());
        assertThat(trial.accounts()).allSatisfy(account ->
                assertThat(account.balance()).as(account.account()).isNotNegative());
        assertThat(trial.accounts().get(0).account()).isEqualTo("toss_receivable");
        assertThat(trial.accounts().get(0).balance()).isEqualTo(heldByToss);
    }

    private static Arbitrary<Step> step(Arbitrary<? extends Step> steps) {
        return steps.map(Step.class::cast);
    }

    private static long net(List<JournalEntry> entries, Account account) {
        return entries.stream().mapToLong(entry -> entry.netDebit(account)).sum();
    }

    @Provide
    Arbitrary<List<Step>> runs() {
        Arbitrary<Integer> order = Arbitraries.integers().between(0, 4);
        Arbitrary<Long> amount = Arbitraries.longs().between(1, 200_000);
        Arbitrary<Long> seed = Arbitraries.longs().between(0, 1_000_000);
        Arbitrary<Boolean> rarely = Arbitraries.integers().between(0, 4).map(i -> i == 0);
        Arbitrary<Step> opening = Arbitraries.frequencyOf(
                Tuple.of(3, step(amount.map(CardCheckout::new))),
                Tuple.of(2, step(amount.map(AccountRequest::new))),
                Tuple.of(2, step(amount.map(Subscribe::new))));
        Arbitrary<Step> anyStep = Arbitraries.frequencyOf(
                Tuple.of(30, step(Combinators.combine(order, Arbitraries.integers().between(0, 1_000), seed)
                        .as(Advance::new))),
                Tuple.of(3, step(amount.map(CardCheckout::new))),
                Tuple.of(2, step(amount.map(AccountRequest::new))),
                Tuple.of(6, step(Combinators.combine(order, rarely).as(Confirm::new))),
                Tuple.of(6, step(Combinators.combine(order, Arbitraries.of(ConfirmOutcome.class),
                        Arbitraries.longs().between(1, 5_000)).as(TossAnswersConfirm::new))),
                Tuple.of(1, step(order.map(ServiceGivesUp::new))),
                Tuple.of(4, step(order.map(Lookup::new))),
                Tuple.of(6, step(Combinators.combine(order, Arbitraries.of(CancelSize.class), seed, rarely)
                        .as(RequestCancel::new))),
                Tuple.of(6, step(Combinators.combine(order, Arbitraries.of(CancelOutcome.class)).as(TossAnswersCancel::new))),
                Tuple.of(1, step(Combinators.combine(order, seed).as(ConsoleCancel::new))),
                Tuple.of(2, step(Combinators.combine(order, rarely).as(CompensationRefund::new))),
                Tuple.of(4, step(order.map(TossOpensAccount::new))),
                Tuple.of(4, step(order.map(BuyerDeposits::new))),
                Tuple.of(2, step(order.map(DepositError::new))),
                Tuple.of(1, step(order.map(AccountExpires::new))),
                Tuple.of(1, step(amount.map(Subscribe::new))),
                Tuple.of(3, step(Combinators.combine(order, Arbitraries.of(true, true, false)).as(ChargeCycle::new))),
                Tuple.of(2, step(Arbitraries.integers().between(0, 1_000).map(Redeliver::new))),
                Tuple.of(2, step(Arbitraries.oneOf(Arbitraries.integers().between(1, 30),
                        Arbitraries.just(24 * 60 + 1)).map(Wait::new)))
        );
        return Combinators.combine(opening.list().ofMinSize(1).ofMaxSize(3), anyStep.list().ofMinSize(10).ofMaxSize(60))
                .as((first, then) -> java.util.stream.Stream.concat(first.stream(), then.stream()).toList());
    }
}
