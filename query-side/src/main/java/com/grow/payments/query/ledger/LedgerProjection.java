package com.grow.payments.query.ledger;

import com.grow.payments.shared.payment.PaymentEvent;
import com.grow.payments.shared.settlement.SettlementRecorded;
import com.grow.payments.shared.subscription.SubscriptionCharged;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

/**
 * Turns money facts into journal entries ({@link Postings}), each linked to its event. Idempotent
 * by event id: an event delivered twice (a crash before the token commit, or a read-model database
 * of its own that commits apart from the token) finds its entry there and adds nothing. Entries
 * are never changed; only a reset empties the journal, so that a replay rebuilds it.
 */
@Component
@ProcessingGroup(LedgerProjection.NAME)
public class LedgerProjection {

    public static final String NAME = "ledger";

    private final LedgerRepository journal;

    public LedgerProjection(LedgerRepository journal) {
        this.journal = journal;
    }

    @EventHandler
    void on(PaymentEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        post(eventId, at, event);
    }

    @EventHandler
    void on(SubscriptionCharged event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        post(eventId, at, event);
    }

    @EventHandler
    void on(SettlementRecorded event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        post(eventId, at, event);
    }

    private void post(String eventId, Instant at, Object event) {
        if (Postings.isMoneyFact(event)) {
            // the entry and its lines in one transaction: the book read and the entry written agree
            journal.inTransaction(() -> Postings.post(journal, eventId, at, event));
        }
    }

    @ResetHandler
    void reset() {
        journal.deleteAll();
    }
}
