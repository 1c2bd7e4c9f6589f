package com.grow.payments.infra.metrics;

import com.grow.payments.infra.support.AggregateFoldCache;
import com.grow.payments.shared.payment.Failure;
import com.grow.payments.shared.payment.FailureCode;
import com.grow.payments.shared.payment.PaymentApproved;
import com.grow.payments.shared.payment.PaymentCancelOutcomeUnknown;
import com.grow.payments.shared.payment.PaymentCancelRefused;
import com.grow.payments.shared.payment.PaymentCancelRequested;
import com.grow.payments.shared.payment.PaymentCancelled;
import com.grow.payments.shared.payment.PaymentCheckedOut;
import com.grow.payments.shared.payment.PaymentCompensated;
import com.grow.payments.shared.payment.PaymentDeclined;
import com.grow.payments.shared.payment.PaymentEvent;
import com.grow.payments.shared.payment.PaymentExpired;
import com.grow.payments.shared.payment.PaymentOutcomeUnknown;
import com.grow.payments.shared.payment.PaymentView;
import com.grow.payments.shared.subscription.SubscriptionChargeFailed;
import com.grow.payments.shared.subscription.SubscriptionChargeOutcomeUnknown;
import com.grow.payments.shared.subscription.SubscriptionCharged;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Counts payment facts from the event store, on the instance that holds each segment, once per
 * event: approvals, declines, cancels, state transitions, compensations, Toss's error codes and
 * subscription charges; and logs each payment's status changes. A tracking processor of its own, never replayed (a replay would count
 * again). Label values are bounded: statuses, method kinds, outcome words, Toss's error codes —
 * never order or member ids.
 */
@Component
@ProcessingGroup(PaymentMetrics.PROCESSING_GROUP)
@DisallowReplay
public class PaymentMetrics {

    public static final String PROCESSING_GROUP = "payment-metrics";

    private static final Logger log = LoggerFactory.getLogger(PaymentMetrics.class);

    private static final String APPROVAL = "Confirmations answered by Toss, by payment method and result";
    private static final String CANCEL = "Cancels answered by Toss, by kind (full or partial) and result";
    private static final String COMPENSATION = "Approved payments refunded because they could not stand";
    private static final String SUBSCRIPTION_CHARGE = "Subscription cycles charged, declined or left unknown";
    private static final String ERROR = "Toss's error codes on declined payments, cancels and charges";
    private static final String TRANSITION = "Payments moving from one status to another";

    private static final Pattern ERROR_CODE = Pattern.compile("[A-Z0-9_]{1,64}");
    private static final Map<String, String> METHODS = Map.of("카드", "CARD", "가상계좌", "VIRTUAL_ACCOUNT",
            "간편결제", "EASY_PAY", "계좌이체", "TRANSFER", "휴대폰", "MOBILE_PHONE", "문화상품권", "GIFT_CERTIFICATE");

    /** What counting needs to remember of a payment: its view, and whether its open cancel is for all of it. */
    record Counted(PaymentView view, boolean fullCancelPending) {
        Counted apply(Object event) {
            if (event instanceof PaymentCheckedOut checkout) {
                return new Counted(PaymentView.checkedOut(checkout), false);
            }
            if (view == null || !(event instanceof PaymentEvent)) {
                return this;
            }
            boolean full = event instanceof PaymentCancelRequested requested
                    ? requested.cancelAmount().amount() >= view.balanceAmount() : fullCancelPending;
            return new Counted(view.apply(event), full);
        }
    }

    private final MeterRegistry registry;
    private final AggregateFoldCache<Counted> payments;

    public PaymentMetrics(MeterRegistry registry, EventStore eventStore,
                          @Value("${payments.metrics.cache-size:10000}") int cacheSize) {
        this.registry = registry;
        this.payments = new AggregateFoldCache<>(eventStore, cacheSize, payload -> new Counted(null, false),
                Counted::apply);
        // the series dashboards and alerts divide by exist from the start, at zero
        // Toss names the method only when it approves: other results carry method UNKNOWN
        meter("payment_approval", APPROVAL, "method", "CARD", "result", "approved");
        for (String result : List.of("declined", "expired", "unknown")) {
            meter("payment_approval", APPROVAL, "method", "UNKNOWN", "result", result);
        }
        for (String kind : List.of("full", "partial")) {
            for (String result : List.of("succeeded", "refused", "unknown")) {
                meter("payment_cancel", CANCEL, "kind", kind, "result", result);
            }
        }
        for (String reason : List.of(FailureCode.AMOUNT_MISMATCH.name(), FailureCode.APPROVED_AFTER_ABORTED.name(),
                FailureCode.APPROVED_AFTER_EXPIRED.name())) {
            meter("compensation", COMPENSATION, "reason", reason);
        }
        for (String result : List.of("charged", "declined", "declined_final", "unknown")) {
            meter("subscription_charge", SUBSCRIPTION_CHARGE, "result", result);
        }
    }

    @EventHandler
    void on(PaymentEvent event, DomainEventMessage<?> message) {
        Counted before = payments.before(message);
        Counted after = payments.after(message, before);
        PaymentView view = after.view();
        if (view == null) {
            return;
        }
        if (before.view() != null && before.view().status() != view.status()) {
            // one line per status change: the log's record of each payment (its order, member and trace are in the MDC)
            log.info("payment {} -> {}", before.view().status(), view.status());
            count("payment_state_transition", TRANSITION, "from", before.view().status().name(), "to", view.status().name());
        }
        if (event instanceof PaymentApproved approved) {
            approval(method(approved.method()), "approved");
        } else if (event instanceof PaymentDeclined declined) {
            approval(method(view.method()), "declined");
            error(declined.failure());
        } else if (event instanceof PaymentExpired expired) {
            approval(method(view.method()), "expired");
            error(expired.failure());
        } else if (event instanceof PaymentOutcomeUnknown) {
            approval(method(view.method()), "unknown");
        } else if (event instanceof PaymentCancelled) {
            cancel(view.balanceAmount() == 0, "succeeded");
        } else if (event instanceof PaymentCancelRefused refused) {
            cancel(before.fullCancelPending(), "refused");
            error(refused.failure());
        } else if (event instanceof PaymentCancelOutcomeUnknown) {
            cancel(before.fullCancelPending(), "unknown");
        } else if (event instanceof PaymentCompensated compensated) {
            count("compensation", COMPENSATION, "reason", code(compensated.reason()));
        }
    }

    @EventHandler
    void on(SubscriptionCharged event) {
        subscriptionCharge("charged");
    }

    @EventHandler
    void on(SubscriptionChargeFailed event) {
        subscriptionCharge(event.nextRetryAt() == null ? "declined_final" : "declined");
        error(event.failure());
    }

    @EventHandler
    void on(SubscriptionChargeOutcomeUnknown event) {
        subscriptionCharge("unknown");
    }

    private void approval(String method, String result) {
        count("payment_approval", APPROVAL, "method", method, "result", result);
    }

    private void cancel(boolean full, String result) {
        count("payment_cancel", CANCEL, "kind", full ? "full" : "partial", "result", result);
    }

    private void subscriptionCharge(String result) {
        count("subscription_charge", SUBSCRIPTION_CHARGE, "result", result);
    }

    private void error(Failure failure) {
        if (failure != null) {
            count("payment_error", ERROR, "code", code(failure.code()));
        }
    }

    private void count(String name, String description, String... tags) {
        meter(name, description, tags).increment();
    }

    private Counter meter(String name, String description, String... tags) {
        return Counter.builder(name).description(description).tags(tags).register(registry);
    }

    /** A Toss error code as a label: its own words when they look like one, else OTHER (never free text). */
    static String code(String code) {
        return code != null && ERROR_CODE.matcher(code).matches() ? code : "OTHER";
    }

    static String method(String tossMethod) {
        if (tossMethod == null) {
            return "UNKNOWN";
        }
        String known = METHODS.get(tossMethod);
        return known != null ? known : tossMethod.toUpperCase(Locale.ROOT).matches("[A-Z_]{1,32}")
                ? tossMethod.toUpperCase(Locale.ROOT) : "OTHER";
    }
}
