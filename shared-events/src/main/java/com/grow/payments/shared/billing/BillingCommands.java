package com.grow.payments.shared.billing;

import com.grow.payments.shared.Caller;
import com.grow.payments.shared.payment.Failure;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands to the BillingKey aggregate, keyed by the service's own billingKeyId (never Toss's key). */
public final class BillingCommands {

    private BillingCommands() {
    }

    /**
     * The buyer registered a card in Toss's billing window: ask Toss for the billing key, at the
     * billing merchant. The window's authKey is already in custody under billingKeyId; it never
     * travels in a message.
     */
    public record IssueBillingKey(@TargetAggregateIdentifier String billingKeyId, Caller caller, String customerKey,
                                  String merchant) {

        public IssueBillingKey(String billingKeyId, Caller caller, String customerKey) {
            this(billingKeyId, caller, customerKey, null);
        }
    }

    /** Toss issued the key; its value is already in the vault under billingKeyId. */
    public record RecordBillingKeyIssued(@TargetAggregateIdentifier String billingKeyId, String cardCompany,
                                         String cardNumberMasked, Instant issuedAt) {
    }

    /** Toss refused to issue the key. */
    public record RecordBillingKeyRefused(@TargetAggregateIdentifier String billingKeyId, Failure failure) {
    }

    /** Toss's answer to the issue never came: the outcome is unknown, not a refusal. */
    public record RecordBillingKeyIssueUnknown(@TargetAggregateIdentifier String billingKeyId, String reason) {
    }

    /** A charge found the stored key unreadable: flag the billing key for an operator. */
    public record FlagBillingKeyUnreadable(@TargetAggregateIdentifier String billingKeyId) {
    }

    /** The member removes the card: delete it at Toss and destroy the stored key. */
    public record DeleteBillingKey(@TargetAggregateIdentifier String billingKeyId, Caller caller) {
    }

    /** Toss deleted the key on its side (BILLING_DELETED), or our deletion there went through. */
    public record RecordBillingKeyDeleted(@TargetAggregateIdentifier String billingKeyId, String reason) {
    }
}
