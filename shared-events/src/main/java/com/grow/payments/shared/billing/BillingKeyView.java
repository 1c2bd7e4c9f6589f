package com.grow.payments.shared.billing;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A billing key as its owner sees it (POST and GET /billing-keys): never the key itself, only the card's
 * company and masked number. The owner's member id is kept for access checks and never shown.
 * The read model and the command side's answers fold the same events with {@link #apply}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BillingKeyView(String billingKeyId, String cardCompany, String cardNumberMasked, Instant createdAt,
                             BillingKeyStatus status, @JsonIgnore String memberId) {

    public static BillingKeyView issued(BillingKeyIssued e) {
        return new BillingKeyView(e.billingKeyId(), e.cardCompany(), e.cardNumberMasked(), e.issuedAt(),
                BillingKeyStatus.ACTIVE, e.memberId());
    }

    /** Folds one billing key's events, oldest first; empty until Toss issued the key (or when it refused). */
    public static Optional<BillingKeyView> fold(List<?> events) {
        BillingKeyView view = null;
        for (Object event : events) {
            if (event instanceof BillingKeyIssued issued) {
                view = issued(issued);
            } else if (view != null) {
                view = view.apply(event);
            }
        }
        return Optional.ofNullable(view);
    }

    /** The view after one more event; a deletion confirmed by Toss is final. */
    public BillingKeyView apply(Object event) {
        if (event instanceof BillingKeyDeletionRequested && status == BillingKeyStatus.ACTIVE) {
            return withStatus(BillingKeyStatus.DELETING);
        }
        if (event instanceof BillingKeyDeleted) {
            return withStatus(BillingKeyStatus.DELETED);
        }
        return this;
    }

    private BillingKeyView withStatus(BillingKeyStatus next) {
        return new BillingKeyView(billingKeyId, cardCompany, cardNumberMasked, createdAt, next, memberId);
    }
}
