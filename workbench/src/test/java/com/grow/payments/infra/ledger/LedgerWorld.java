package com.grow.payments.infra.ledger;

import com.grow.payments.command.payment.Payment;
import com.grow.payments.command.subscription.Subscription;
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
import com.grow.payments.query.ledger.InMemoryJournal;
import com.grow.payments.query.ledger.JournalEntry;
import com.grow.payments.query.ledger.Postings;
import com.grow.payments.shared.Caller;
import com.grow.payments.shared.MemberId;
import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.error.PaymentRejection;
import com.grow.payments.shared.payment.Failure;
import com.grow.payments.shared.payment.PaymentCommands.CancelPayment;
import com.grow.payments.shared.payment.PaymentCommands.CheckOutPayment;
import com.grow.payments.shared.payment.PaymentCommands.ConfirmPayment;
import com.grow.payments.shared.payment.PaymentCommands.IssueVirtualAccount;
import com.grow.payments.shared.payment.PaymentCommands.ReconcilePayment;
import com.grow.payments.shared.payment.PaymentCommands.RecordCancelOutcomeUnknown;
import com.grow.payments.shared.payment.PaymentCommands.RecordCancelRefusal;
import com.grow.payments.shared.payment.PaymentCommands.RecordCancellation;
import com.grow.payments.shared.payment.PaymentCommands.RecordCompensation;
import com.grow.payments.shared.payment.PaymentCommands.RecordPaymentApproval;
import com.grow.payments.shared.payment.PaymentCommands.RecordPaymentDecline;
import com.grow.payments.shared.payment.PaymentCommands.RecordPaymentExpiry;
import com.grow.payments.shared.payment.PaymentCommands.RecordPaymentOutcomeUnknown;
import com.grow.payments.shared.payment.PaymentCommands.RecordVirtualAccountIssued;
import com.grow.payments.shared.payment.PaymentEvent;
import com.grow.payments.shared.payment.PaymentStatus;
import com.grow.payments.shared.payment.PaymentView;
import com.grow.payments.shared.payment.PgPayment.PgCancel;
import com.grow.payments.shared.payment.RefundAccount;
import com.grow.payments.shared.subscription.Cycle;
import com.grow.payments.shared.subscription.SubscriptionChargeRequested;
import com.grow.payments.shared.subscription.SubscriptionCommands.ChargeDueCycle;
import com.grow.payments.shared.subscription.SubscriptionCommands.RecordCycleChargeFailed;
import com.grow.payments.shared.subscription.SubscriptionCommands.RecordCycleCharged;
import com.grow.payments.shared.subscription.SubscriptionCommands.StartSubscription;
import com.grow.payments.shared.subscription.SubscriptionEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The real Payment and Subscription aggregates on an in-memory Axon, a Toss that keeps its own
 * books (what it holds for each order), and the ledger's posting rules fed with every event the
 * aggregates record. Toss is played truthfully: it never takes back an answer it gave, so once
 * every answer has reached the service, Toss's books and the ledger's must agree to the won.
 */
final class LedgerWorld implements AutoCloseable {

    private static final List<Duration> RETRY_DELAYS = List.of(Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7));
    private static final RefundAccount REFUND_ACCOUNT = new RefundAccount("20", "1234567890", "김그로");
    private static final MemberId OWNER = new MemberId("member-ledger");
    private static final Caller OWNER_CALLER = new Caller(OWNER, false);
    private static final Caller ADMIN_CALLER = new Caller(new MemberId("admin-ledger"), true);

    private static final Set<PaymentStatus> CANCELLABLE = Set.of(PaymentStatus.DONE, PaymentStatus.PARTIAL_CANCELED,
            PaymentStatus.WAITING_FOR_DEPOSIT);
    private static final List<EventMessage<?>> PUBLISHED = new ArrayList<>();
    private static final FreshEventStorage STORAGE = new FreshEventStorage();
    private static Configuration axon;

    final List<TossBooks.Order> orders = new ArrayList<>();
    final List<TossBooks.Subscription> subscriptions = new ArrayList<>();
    /** What Toss holds per charge order of a subscription cycle. */
    final Map<String, Long> chargesHeld = new LinkedHashMap<>();
    final List<EventMessage<?>> delivered = new ArrayList<>();
    final InMemoryJournal journal = new InMemoryJournal();
    private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    private Duration offset = Duration.ZERO;
    private int ids;

    /**
     * A world of its own: the aggregates (one Axon, started once) on an event store emptied for it,
     * so each run reads only its own events.
     */
    LedgerWorld() {
        start();
        STORAGE.empty();
        PUBLISHED.clear();
    }

    private static synchronized void start() {
        if (axon == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
            System.setProperty("disable-axoniq-console-message", "true");
            axon = DefaultConfigurer.defaultConfiguration()
                    .configureEmbeddedEventStore(c -> STORAGE)
                    .configureSerializer(c -> JacksonSerializer.defaultSerializer())
                    .configureAggregate(Payment.class)
                    .configureAggregate(Subscription.class)
                    .buildConfiguration();
            axon.start();
            axon.eventBus().subscribe(PUBLISHED::addAll);
        }
    }

    @Override
    public void close() {
        STORAGE.empty();
    }

    Instant now() {
        return Instant.now().plus(offset);
    }

    private String nextId(String prefix) {
        return prefix + run + "_" + (++ids);
    }

    // --- running steps

    void run(Step step) {
        if (step instanceof CardCheckout s) {
            TossBooks.Order order = new TossBooks.Order(new OrderId(nextId("ord_")), false, s.amount());
            orders.add(order);
            send(new CheckOutPayment(order.orderId, OWNER, "Hobby class", Money.won(s.amount()), now()));
        } else if (step instanceof AccountRequest s) {
            TossBooks.Order order = new TossBooks.Order(new OrderId(nextId("ord_")), true, s.amount());
            orders.add(order);
            send(new IssueVirtualAccount(order.orderId, OWNER, "Ceramics class", Money.won(s.amount()), "20", "김그로",
                    24, now()));
        } else if (step instanceof Subscribe s) {
            TossBooks.Subscription subscription = new TossBooks.Subscription(nextId("s"));
            subscriptions.add(subscription);
            send(new StartSubscription(subscription.subscriptionId, OWNER_CALLER, "bk_" + run, "ck_" + run, "plan",
                    "Membership", Money.won(s.amount()), Cycle.DAILY, now()));
        } else if (step instanceof Wait s) {
            offset = offset.plusMinutes(s.minutes());
        } else if (step instanceof Redeliver s) {
            redeliver(s.event());
        } else if (step instanceof ChargeCycle s) {
            if (!subscriptions.isEmpty()) {
                chargeCycle(subscriptions.get(s.subscription() % subscriptions.size()), s.approved());
            }
        } else if (!orders.isEmpty()) {
            runOnOrder(step);
        }
    }

    private void runOnOrder(Step step) {
        if (step instanceof Advance s) {
            advance(pick(s.order(), TossBooks.Order::open), s.choice(), s.seed());
        } else if (step instanceof Confirm s) {
            confirm(pick(s.order(), o -> !o.virtualAccount && o.view().status() == PaymentStatus.READY), s.tampered());
        } else if (step instanceof TossAnswersConfirm s) {
            answerConfirm(pick(s.order(), o -> !o.virtualAccount && o.status != null), s.outcome(),
                    s.otherAmountDelta());
        } else if (step instanceof ServiceGivesUp s) {
            TossBooks.Order order = pick(s.order(), o -> !o.virtualAccount && o.status != null && !o.decided);
            if (!order.virtualAccount && !order.decided) {
                send(new RecordPaymentExpiry(order.orderId, order.key,
                        new Failure("NOT_FOUND_PAYMENT_SESSION", "the buyer's window closed")));
            }
        } else if (step instanceof Lookup s) {
            lookup(order(s.order()));
        } else if (step instanceof RequestCancel s) {
            requestCancel(pick(s.order(), o -> CANCELLABLE.contains(o.view().status()) && !o.view().cancelInProgress()),
                    s.size(), s.seed(), s.admin());
        } else if (step instanceof TossAnswersCancel s) {
            answerCancel(pick(s.order(), o -> o.pendingCancelId() != null), s.outcome());
        } else if (step instanceof ConsoleCancel s) {
            consoleCancel(pick(s.order(), o -> o.held > 0 && o.pendingCancelId() == null), s.seed());
        } else if (step instanceof CompensationRefund s) {
            refundCompensation(pick(s.order(), TossBooks.Order::compensating), s.answerLost());
        } else if (step instanceof TossOpensAccount s) {
            openAccount(pick(s.order(), o -> o.virtualAccount && o.status == null));
        } else if (step instanceof BuyerDeposits s) {
            TossBooks.Order order = pick(s.order(), o -> o.virtualAccount && "WAITING_FOR_DEPOSIT".equals(o.status));
            if (order.virtualAccount && "WAITING_FOR_DEPOSIT".equals(order.status)) {
                order.status = "DONE";
                order.held = order.amount;
                order.approvedAt = now();
                order.lastTransactionKey = nextId("tx_deposit_");
            }
        } else if (step instanceof DepositError s) {
            TossBooks.Order order = pick(s.order(), o -> o.virtualAccount && "DONE".equals(o.status));
            if (order.virtualAccount && "DONE".equals(order.status) && order.pendingCancelId() == null) {
                order.status = "WAITING_FOR_DEPOSIT";
                order.held = 0;
                order.approvedAt = null;
                // Toss's DEPOSIT_CALLBACK makes the service look it up — or the account expires at Toss
                // first, and a later look-up finds it EXPIRED
                if (s.order() % 2 == 0) {
                    lookup(order);
                }
            }
        } else if (step instanceof AccountExpires s) {
            TossBooks.Order order = pick(s.order(), o -> o.virtualAccount && "WAITING_FOR_DEPOSIT".equals(o.status));
            if (order.virtualAccount && "WAITING_FOR_DEPOSIT".equals(order.status)) {
                order.status = "EXPIRED";
            }
        }
    }

    private void advance(TossBooks.Order order, int choice, long seed) {
        PaymentView view = order.view();
        if (view == null) {
            return;
        }
        PaymentStatus status = view.status();
        if (order.pendingCancelId() != null) {
            answerCancel(order, CancelOutcome.values()[choice % CancelOutcome.values().length]);
        } else if (order.compensating()) {
            refundCompensation(order, choice % 4 == 0);
        } else if (!order.virtualAccount && status == PaymentStatus.READY) {
            confirm(order, choice % 10 == 0);
        } else if (!order.virtualAccount && "IN_PROGRESS".equals(order.status) && !order.decided) {
            ConfirmOutcome[] outcomes = {ConfirmOutcome.APPROVED, ConfirmOutcome.APPROVED, ConfirmOutcome.APPROVED,
                    ConfirmOutcome.APPROVED_OTHER_AMOUNT, ConfirmOutcome.DECLINED, ConfirmOutcome.ANSWER_LOST};
            answerConfirm(order, outcomes[choice % outcomes.length], 1 + seed % 5_000);
        } else if (order.virtualAccount && order.status == null) {
            openAccount(order);
        } else if (order.virtualAccount && "WAITING_FOR_DEPOSIT".equals(order.status)
                && status == PaymentStatus.WAITING_FOR_DEPOSIT) {
            if (choice % 5 == 0) {
                requestCancel(order, CancelSize.WHOLE_BALANCE, seed, false); // the buyer withdraws
            } else {
                runOnOrder(new BuyerDeposits(orders.indexOf(order)));
                lookup(order); // the deposit callback's hint
            }
        } else if (status == PaymentStatus.DONE || status == PaymentStatus.PARTIAL_CANCELED) {
            if (order.virtualAccount && choice % 6 == 0) {
                runOnOrder(new DepositError(orders.indexOf(order)));
            } else if (choice % 9 == 1) {
                consoleCancel(order, seed);
            } else {
                requestCancel(order, CancelSize.values()[choice % CancelSize.values().length], seed, choice % 4 == 0);
            }
        } else {
            lookup(order);
        }
    }

    private TossBooks.Order order(int index) {
        return orders.get(index % orders.size());
    }

    /**
     * One of the orders the step can do something to (so that runs go deep), or, when there is
     * none, any order: the step may then be refused or change nothing, which must hold too.
     */
    private TossBooks.Order pick(int index, Predicate<TossBooks.Order> applicable) {
        List<TossBooks.Order> candidates = orders.stream().filter(applicable).toList();
        return candidates.isEmpty() ? order(index) : candidates.get(index % candidates.size());
    }

    private void confirm(TossBooks.Order order, boolean tampered) {
        if (order.virtualAccount) {
            return;
        }
        send(new ConfirmPayment(order.orderId, OWNER_CALLER, order.key, Money.won(order.amount + (tampered ? 1 : 0))));
        if (order.status == null && order.view().status() == PaymentStatus.IN_PROGRESS) {
            order.status = "IN_PROGRESS"; // the buyer authenticated; Toss now waits for our confirmation
            order.total = order.amount;
            order.balance = order.amount;
        }
    }

    private void answerConfirm(TossBooks.Order order, ConfirmOutcome outcome, long otherAmountDelta) {
        if (order.virtualAccount || order.status == null) {
            return;
        }
        if (!order.decided) {
            order.decided = true;
            if (outcome == ConfirmOutcome.DECLINED) {
                order.status = "ABORTED";
            } else {
                order.total = order.amount + (outcome == ConfirmOutcome.APPROVED_OTHER_AMOUNT ? otherAmountDelta : 0);
                order.balance = order.total;
                order.held = order.total;
                order.status = "DONE";
                order.approvedAt = now();
                order.lastTransactionKey = nextId("tx_approve_");
            }
            if (outcome == ConfirmOutcome.ANSWER_LOST) {
                send(new RecordPaymentOutcomeUnknown(order.orderId, order.key, "read timeout"));
                return;
            }
        }
        tellConfirmAnswer(order);
    }

    /** Toss's answer to the confirmation, as it stands (again, if it was given before). */
    private void tellConfirmAnswer(TossBooks.Order order) {
        if ("ABORTED".equals(order.status)) {
            send(new RecordPaymentDecline(order.orderId, order.key, new Failure("REJECT_CARD_PAYMENT", "limit")));
        } else if (order.approvedAt != null) {
            send(new RecordPaymentApproval(order.orderId, order.key, Money.won(order.total), "카드", TossBooks.CARD,
                    "https://receipt.example/" + order.orderId, order.lastTransactionKey, order.approvedAt));
        }
    }

    private void lookup(TossBooks.Order order) {
        send(new ReconcilePayment(order.orderId, order.pg(), now()));
    }

    private void requestCancel(TossBooks.Order order, CancelSize size, long seed, boolean admin) {
        long balance = order.view().balanceAmount();
        Money amount = switch (size) {
            case WHOLE_BALANCE -> null;
            case PART -> Money.won(1 + seed % Math.max(1, balance));
            case OVER_BALANCE -> Money.won(balance + 1 + seed % 1_000);
        };
        send(new CancelPayment(order.orderId, admin ? ADMIN_CALLER : OWNER_CALLER, nextId("cancel_"), "변심", amount,
                order.virtualAccount ? REFUND_ACCOUNT : null, now(), Duration.ofDays(7)));
    }

    private void answerCancel(TossBooks.Order order, CancelOutcome outcome) {
        String cancelId = order.pendingCancelId();
        if (cancelId == null) {
            return;
        }
        if (order.answeredCancels.contains(cancelId)) {
            // a late or repeated answer: what Toss did stands
            PgCancel done = order.doneCancels.get(cancelId);
            if (done != null) {
                send(new RecordCancellation(order.orderId, cancelId, done, Money.won(order.balance),
                        List.copyOf(order.cancels)));
            }
            return;
        }
        order.answeredCancels.add(cancelId);
        if (outcome == CancelOutcome.REFUSED) {
            send(new RecordCancelRefusal(order.orderId, cancelId, new Failure("NOT_CANCELABLE_PAYMENT", "refused")));
            return;
        }
        if (outcome == CancelOutcome.NOT_PROCESSED_ANSWER_LOST) {
            send(new RecordCancelOutcomeUnknown(order.orderId, cancelId, "read timeout"));
            return;
        }
        PgCancel done = cancelAtToss(order, order.pendingCancelAmount());
        if (done == null) {
            send(new RecordCancelRefusal(order.orderId, cancelId, new Failure("NOT_CANCELABLE_AMOUNT", "refused")));
            return;
        }
        order.doneCancels.put(cancelId, done);
        if (outcome == CancelOutcome.DONE_ANSWER_LOST) {
            send(new RecordCancelOutcomeUnknown(order.orderId, cancelId, "read timeout"));
        } else {
            send(new RecordCancellation(order.orderId, cancelId, done, Money.won(order.balance),
                    List.copyOf(order.cancels)));
        }
    }

    /** Toss's own rule for a cancel: within the balance; an unpaid account only as a whole. Null: refused. */
    private PgCancel cancelAtToss(TossBooks.Order order, long amount) {
        boolean paid = "DONE".equals(order.status) || "PARTIAL_CANCELED".equals(order.status);
        boolean unpaidAccount = "WAITING_FOR_DEPOSIT".equals(order.status);
        if (!(paid && amount <= order.balance || unpaidAccount && amount == order.balance) || amount <= 0) {
            return null;
        }
        order.balance -= amount;
        if (paid) {
            order.held -= amount;
        }
        order.status = order.balance == 0 ? "CANCELED" : "PARTIAL_CANCELED";
        PgCancel cancel = new PgCancel(nextId("tx_cancel_"), Money.won(amount), "변심", now());
        order.cancels.add(cancel);
        order.lastTransactionKey = cancel.transactionKey();
        return cancel;
    }

    private void consoleCancel(TossBooks.Order order, long seed) {
        PaymentStatus status = order.view().status();
        boolean serviceHoldsIt = status == PaymentStatus.DONE || status == PaymentStatus.PARTIAL_CANCELED;
        if (serviceHoldsIt && order.pendingCancelId() == null && order.held > 0) {
            cancelAtToss(order, 1 + seed % order.balance);
            // Toss's PAYMENT_STATUS_CHANGED webhook makes the service look it up (ADR 0007) — or a
            // cancel of ours is answered first, and Toss's answer lists the console's cancel too
            if (seed % 3 != 0) {
                lookup(order);
            }
        }
    }

    private void refundCompensation(TossBooks.Order order, boolean answerLost) {
        if (!order.compensating()) {
            return;
        }
        if (order.compensationRefund == null) {
            PgCancel refund = cancelAtToss(order, order.balance);
            if (refund == null) {
                return;
            }
            order.compensationRefund = refund;
            if (answerLost) {
                return;
            }
        }
        send(new RecordCompensation(order.orderId, order.compensationRefund));
    }

    private void openAccount(TossBooks.Order order) {
        PaymentStatus status = order.view().status();
        if (order.virtualAccount && order.status == null
                && (status == PaymentStatus.IN_PROGRESS || status == PaymentStatus.UNKNOWN)) {
            order.status = "WAITING_FOR_DEPOSIT";
            order.total = order.amount;
            order.balance = order.amount;
            send(new RecordVirtualAccountIssued(order.orderId, order.pg()));
        }
    }

    private void chargeCycle(TossBooks.Subscription subscription, boolean approved) {
        send(new ChargeDueCycle(subscription.subscriptionId, now()));
        SubscriptionChargeRequested requested = subscription.inFlight();
        if (requested == null) {
            return;
        }
        if (approved) {
            chargesHeld.merge(requested.orderId(), requested.amount().amount(), Long::sum);
            send(new RecordCycleCharged(subscription.subscriptionId, requested.cycleNo(), requested.orderId(),
                    "tbill_" + requested.orderId(), requested.amount(), now(),
                    com.grow.payments.shared.payment.PgPaymentType.BILLING));
        } else {
            send(new RecordCycleChargeFailed(subscription.subscriptionId, requested.cycleNo(),
                    new Failure("REJECT_CARD_PAYMENT", "limit"), false, now(), RETRY_DELAYS));
        }
    }

    private void redeliver(int index) {
        if (delivered.isEmpty()) {
            return;
        }
        EventMessage<?> event = delivered.get(index % delivered.size());
        int before = journal.entries().size();
        Postings.post(journal, event.getIdentifier(), event.getTimestamp(), event.getPayload());
        if (journal.entries().size() != before) {
            throw new AssertionError("a redelivered " + event.getPayloadType().getSimpleName() + " posted again");
        }
    }

    /**
     * Every answer Toss gave reaches the service at last: late confirmation answers, then
     * look-ups after the windows have passed (as the janitor does).
     */
    void settle() {
        for (TossBooks.Order order : orders) {
            if (!order.virtualAccount && order.decided) {
                tellConfirmAnswer(order);
            }
        }
        offset = offset.plusMinutes(15);
        for (int round = 0; round < 3; round++) {
            orders.forEach(this::lookup);
        }
    }

    // --- the service and the ledger

    private void send(Object command) {
        try {
            axon.commandGateway().sendAndWait(command);
        } catch (PaymentRejection refused) {
            // a rule said no (an over-balance cancel, a tampered amount, ...): nothing was recorded
        } finally {
            deliverPublished();
        }
    }

    /** Hands what the aggregates recorded to the ledger, in order, as its processor would. */
    private void deliverPublished() {
        List<EventMessage<?>> fresh = new ArrayList<>(PUBLISHED);
        PUBLISHED.clear();
        for (EventMessage<?> event : fresh) {
            delivered.add(event);
            Object payload = event.getPayload();
            if (payload instanceof PaymentEvent e) {
                orders.stream().filter(o -> o.orderId.equals(e.orderId())).findFirst()
                        .ifPresent(o -> o.events.add(payload));
            } else if (payload instanceof SubscriptionEvent e) {
                subscriptions.stream().filter(s -> s.subscriptionId.equals(e.subscriptionId())).findFirst()
                        .ifPresent(s -> s.events.add(payload));
            }
            Postings.post(journal, event.getIdentifier(), event.getTimestamp(), payload);
        }
    }

    List<JournalEntry> entriesOf(String subject) {
        return journal.entriesOf(subject);
    }
}
