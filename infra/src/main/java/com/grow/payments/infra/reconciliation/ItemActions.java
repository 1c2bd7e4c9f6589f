package com.grow.payments.infra.reconciliation;

import com.grow.payments.sagas.reconciliation.PaymentReconciler;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.payment.PaymentCommands.FlagPaymentForOperator;
import com.grow.payments.shared.subscription.ChargeOrderIds;
import java.util.List;
import java.util.Locale;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Does what an item asks, each action safe to repeat (a resumed run redoes the ones not marked
 * done): a look-up is the janitor's own ({@link PaymentReconciler}, so Toss's record settles the
 * payment by the usual rules and a console cancel ends {@code CANCELED} with its ledger entries);
 * a flag is the aggregate's {@code FlagPaymentForOperator}, which flags a payment once however
 * often it is asked. An order we never saw has no payment to flag: its item is the flag.
 */
@Component
public class ItemActions {

    private static final Logger log = LoggerFactory.getLogger(ItemActions.class);

    private final ReconciliationRuns runs;
    private final PaymentReconciler reconciler;
    private final CommandGateway commands;

    public ItemActions(ReconciliationRuns runs, PaymentReconciler reconciler, CommandGateway commands) {
        this.runs = runs;
        this.reconciler = reconciler;
        this.commands = commands;
    }

    /** Runs every action of the run not done yet, a batch at a time. */
    public void catchUp(String runId) {
        List<ReconciliationRuns.Item> pending;
        while (!(pending = runs.pendingActions(runId, 200)).isEmpty()) {
            pending.forEach(item -> perform(runId, item));
        }
    }

    private void perform(String runId, ReconciliationRuns.Item item) {
        try {
            act(runId, item);
        } catch (RuntimeException e) {
            // one item that cannot be acted on must not hold the run: it is left to an operator
            log.error("reconciliation {}: the action on order {} failed", runId, item.orderId(), e);
            runs.actionDone(item.itemId(), true, "action failed: " + e.getClass().getSimpleName());
        }
    }

    private void act(String runId, ReconciliationRuns.Item item) {
        boolean attention = item.needsAttention();
        String note = item.note();
        // every item but one Toss has for an order we never saw is about an order of ours
        boolean ours = item.action() == ItemAction.LOOKUP || item.status() != ItemStatus.MISSING_HERE;
        if (item.action() == ItemAction.LOOKUP) {
            PaymentReconciler.Resolution resolution = reconciler.reconcile(new OrderId(item.orderId()), 0);
            if (resolution != PaymentReconciler.Resolution.SETTLED) {
                attention = true;
                note = "looked up, still open: " + resolution.name().toLowerCase(Locale.ROOT);
            }
        }
        if (attention && ours && OrderId.isValid(item.orderId()) && ChargeOrderIds.parse(item.orderId()).isEmpty()) {
            try {
                commands.sendAndWait(new FlagPaymentForOperator(new OrderId(item.orderId()),
                        "reconciliation " + runId + ": " + item.status() + (note == null ? "" : " (" + note + ")")));
            } catch (RuntimeException e) {
                // the item itself keeps the flag for the operator
                log.warn("order {} of reconciliation {} could not be flagged: {}", item.orderId(), runId, e.toString());
            }
        }
        runs.actionDone(item.itemId(), attention, note);
    }
}
