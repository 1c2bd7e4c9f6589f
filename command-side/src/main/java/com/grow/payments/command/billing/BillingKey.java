package com.grow.payments.command.billing;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.grow.payments.shared.Caller;
import com.grow.payments.shared.MemberId;
import com.grow.payments.shared.billing.BillingCommands.DeleteBillingKey;
import com.grow.payments.shared.billing.BillingCommands.FlagBillingKeyUnreadable;
import com.grow.payments.shared.billing.BillingCommands.IssueBillingKey;
import com.grow.payments.shared.billing.BillingCommands.RecordBillingKeyDeleted;
import com.grow.payments.shared.billing.BillingCommands.RecordBillingKeyIssueUnknown;
import com.grow.payments.shared.billing.BillingCommands.RecordBillingKeyIssued;
import com.grow.payments.shared.billing.BillingCommands.RecordBillingKeyRefused;
import com.grow.payments.shared.billing.BillingKeyDeleted;
import com.grow.payments.shared.billing.BillingKeyDeletionRequested;
import com.grow.payments.shared.billing.BillingKeyIssueOutcomeUnknown;
import com.grow.payments.shared.billing.BillingKeyIssueRequested;
import com.grow.payments.shared.billing.BillingKeyIssued;
import com.grow.payments.shared.billing.BillingKeyRefused;
import com.grow.payments.shared.billing.BillingKeyUnreadable;
import com.grow.payments.shared.error.ErrorCode;
import com.grow.payments.shared.error.PaymentRejection;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A member's registered card. Its Toss billing key never enters an event: the events name the
 * key by its billingKeyId, and the key itself lives encrypted in the vault until deleted.
 */
public class BillingKey {

    /** UNKNOWN: Toss's answer to the issue never came; a live key may exist there (an operator looks). */
    enum Status { REQUESTED, UNKNOWN, ACTIVE, REFUSED, DELETING, DELETED }

    @AggregateIdentifier
    private String billingKeyId;
    private MemberId memberId;
    private String customerKey;
    private Status status;
    private boolean unreadable;

    protected BillingKey() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    public BillingKey(IssueBillingKey command) {
        apply(new BillingKeyIssueRequested(command.billingKeyId(), command.caller().memberId().value(),
                command.customerKey(), command.merchant()));
    }

    @CommandHandler
    public void handle(RecordBillingKeyIssued command) {
        if (status == Status.REQUESTED || status == Status.UNKNOWN) {
            apply(new BillingKeyIssued(billingKeyId, memberId.value(), customerKey, command.cardCompany(),
                    command.cardNumberMasked(), command.issuedAt()));
        }
    }

    @CommandHandler
    public void handle(RecordBillingKeyRefused command) {
        if (status == Status.REQUESTED) {
            apply(new BillingKeyRefused(billingKeyId, memberId.value(), command.failure()));
        }
    }

    @CommandHandler
    public void handle(RecordBillingKeyIssueUnknown command) {
        if (status == Status.REQUESTED) {
            apply(new BillingKeyIssueOutcomeUnknown(billingKeyId, memberId.value(), command.reason()));
        }
    }

    @CommandHandler
    public void handle(FlagBillingKeyUnreadable command) {
        if (status == Status.ACTIVE && !unreadable) {
            apply(new BillingKeyUnreadable(billingKeyId, memberId.value()));
        }
    }

    @CommandHandler
    public void handle(DeleteBillingKey command) {
        requireOwner(command.caller());
        if (status == Status.ACTIVE || status == Status.DELETING) {
            // asking again while a deletion is unconfirmed sends it to Toss again (Toss's delete is idempotent)
            apply(new BillingKeyDeletionRequested(billingKeyId, memberId.value()));
        } else if (status != Status.DELETED) {
            throw new PaymentRejection(ErrorCode.BILLING_KEY_NOT_FOUND, "no billing key " + billingKeyId);
        }
    }

    @CommandHandler
    public void handle(RecordBillingKeyDeleted command) {
        if (status != Status.DELETED) {
            apply(new BillingKeyDeleted(billingKeyId, memberId.value(), command.reason()));
        }
    }

    private void requireOwner(Caller caller) {
        if (!caller.mayAccess(memberId)) {
            throw new PaymentRejection(ErrorCode.BILLING_KEY_NOT_FOUND, "no billing key " + billingKeyId);
        }
    }

    @EventSourcingHandler
    void on(BillingKeyIssueRequested event) {
        billingKeyId = event.billingKeyId();
        memberId = new MemberId(event.memberId());
        customerKey = event.customerKey();
        status = Status.REQUESTED;
    }

    @EventSourcingHandler
    void on(BillingKeyIssued event) {
        status = Status.ACTIVE;
    }

    @EventSourcingHandler
    void on(BillingKeyIssueOutcomeUnknown event) {
        status = Status.UNKNOWN;
    }

    @EventSourcingHandler
    void on(BillingKeyUnreadable event) {
        unreadable = true;
    }

    @EventSourcingHandler
    void on(BillingKeyRefused event) {
        status = Status.REFUSED;
    }

    @EventSourcingHandler
    void on(BillingKeyDeletionRequested event) {
        status = Status.DELETING;
    }

    @EventSourcingHandler
    void on(BillingKeyDeleted event) {
        status = Status.DELETED;
    }
}
