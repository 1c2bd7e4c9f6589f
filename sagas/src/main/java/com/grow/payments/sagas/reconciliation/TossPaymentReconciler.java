package com.grow.payments.sagas.reconciliation;

import com.grow.payments.sagas.billing.DunningPolicy;
import com.grow.payments.sagas.gateway.LookupOutcome;
import com.grow.payments.sagas.gateway.MerchantOf;
import com.grow.payments.sagas.gateway.PaymentGateway;
import com.grow.payments.sagas.payment.CompensatingRefund;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.payment.PaymentCommands.FlagPaymentForOperator;
import com.grow.payments.shared.payment.PaymentCommands.ReconcilePayment;
import com.grow.payments.shared.payment.PgPayment;
import com.grow.payments.shared.payment.ReconciliationVerdict;
import com.grow.payments.shared.subscription.ChargeOrderIds;
import com.grow.payments.shared.subscription.SubscriptionCommands.ReconcileCycleCharge;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The janitor (after Kill Bill's): asks Toss what became of a payment whose answer is not known,
 * lets the aggregate settle what Toss's answer tells, and tries again on a back-off schedule
 * (default 10 s, 1 min, 5 min, then hourly, about 24 h in all). Still unknown after the last
 * attempt: the payment is flagged for an operator. It never guesses.
 */
public class TossPaymentReconciler implements PaymentReconciler {

    private static final Logger log = LoggerFactory.getLogger(TossPaymentReconciler.class);

    private final PaymentGateway gateway;
    private final MerchantOf merchants;
    private final CommandGateway commands;
    private final ReconciliationSchedule schedule;
    private final Clock clock;
    private final List<Duration> backoff;
    private final int maxAttempts;
    private final DunningPolicy dunning;
    private final CompensatingRefund compensatingRefund;

    public TossPaymentReconciler(PaymentGateway gateway, MerchantOf merchants, CommandGateway commands,
                                 ReconciliationSchedule schedule, Clock clock, List<Duration> backoff, int maxAttempts,
                                 DunningPolicy dunning, CompensatingRefund compensatingRefund) {
        this.merchants = merchants;
        this.dunning = dunning;
        this.compensatingRefund = compensatingRefund;
        this.gateway = gateway;
        this.commands = commands;
        this.schedule = schedule;
        this.clock = clock;
        this.backoff = List.copyOf(backoff);
        this.maxAttempts = maxAttempts;
    }

    @Override
    public Resolution reconcile(OrderId orderId, int attempt) {
        ReconciliationVerdict verdict;
        try {
            // a job thread, not an event handler: waiting here, bounded, holds nothing else up
            verdict = check(orderId).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("look-up {} of order {} failed: {}", attempt, orderId, e.toString());
            verdict = ReconciliationVerdict.UNRESOLVED;
        }
        if (verdict == ReconciliationVerdict.SETTLED) {
            log.info("order {} settled by look-up {}", orderId, attempt);
            return Resolution.SETTLED;
        }
        if (attempt == 0) {
            // a webhook's hint: whatever is still open stays on the janitor's own timetable
            log.info("hinted look-up of order {} left it {}", orderId, verdict);
            return Resolution.HINT_OPEN;
        }
        if (attempt >= maxAttempts) {
            log.error("order {} still unresolved after {} look-ups: flagged for an operator", orderId, attempt);
            commands.sendAndWait(new FlagPaymentForOperator(orderId, "unresolved after " + attempt + " look-ups"));
            return Resolution.FLAGGED;
        }
        Duration delay = backoff.get(Math.min(attempt - 1, backoff.size() - 1));
        schedule.scheduleCheck(orderId, attempt + 1, clock.instant().plus(delay));
        return Resolution.RESCHEDULED;
    }

    private CompletableFuture<ReconciliationVerdict> check(OrderId orderId) {
        // asked with the key of the merchant the order was made at: another merchant's key would not find it
        String merchant = merchants.order(orderId);
        return gateway.lookup(merchant, orderId).thenCompose(lookup -> {
            if (lookup instanceof LookupOutcome.Unknown) {
                return CompletableFuture.completedFuture(ReconciliationVerdict.UNRESOLVED);
            }
            PgPayment pg = lookup instanceof LookupOutcome.Found found ? found.payment() : null;
            Optional<ChargeOrderIds.ChargedCycle> cycle = ChargeOrderIds.parse(orderId.value());
            if (cycle.isPresent()) {
                // a subscription cycle's charge: its subscription decides, on the same dunning terms
                return commands.<ReconciliationVerdict>send(new ReconcileCycleCharge(cycle.get().subscriptionId(),
                        cycle.get().cycleNo(), pg, clock.instant(), dunning.retryDelays()));
            }
            return commands.<ReconciliationVerdict>send(new ReconcilePayment(orderId, pg, clock.instant()))
                    .thenCompose(verdict -> verdict == ReconciliationVerdict.RETRY_COMPENSATION
                            ? compensatingRefund.refund(orderId, pg.paymentKey(), "retried by the janitor")
                                    .thenApply(done -> ReconciliationVerdict.UNRESOLVED)
                            : CompletableFuture.completedFuture(verdict));
        });
    }
}
