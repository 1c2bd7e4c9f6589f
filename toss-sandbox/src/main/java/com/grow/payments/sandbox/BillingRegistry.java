package com.grow.payments.sandbox;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Billing auths (what the buyer's billing-auth window grants) and the billing keys issued from them.
 * Not thread-safe on its own: every call happens under the {@link PaymentStore} lock, so a charge sees
 * a key and records its payment in one step, and a deletion can never slip in between.
 */
final class BillingRegistry {

    /** The sandbox's one billing test card: a Shinhan (신한, code 41) credit card. */
    static final PaymentRecord.CardProfile CARD = new PaymentRecord.CardProfile("41", "41", "43301234****123*", "신한");

    /** An authKey from the window; it can be exchanged for a billing key once. */
    private static final class Grant {
        final String customerKey;
        final String cardOutcome;
        final Instant authenticatedAt;
        boolean used;

        Grant(String customerKey, String cardOutcome, Instant authenticatedAt) {
            this.customerKey = customerKey;
            this.cardOutcome = cardOutcome;
            this.authenticatedAt = authenticatedAt;
        }
    }

    /**
     * An issued billing key. {@code cardOutcome} is null for a card that approves, else the Toss error
     * code every charge with it answers.
     */
    record BillingKey(String billingKey, String customerKey, String cardOutcome, Instant authenticatedAt,
                      PaymentRecord.CardProfile card, String mid) {
    }

    private final Map<String, Grant> grants = new HashMap<>();
    private final Map<String, BillingKey> active = new HashMap<>();

    /** Records a registered card for the customer and returns the authKey for it. */
    String grant(String customerKey, String cardOutcome, Instant now) {
        String authKey;
        do {
            authKey = TossFormats.authKey();
        } while (grants.containsKey(authKey));
        grants.put(authKey, new Grant(customerKey, cardOutcome, now));
        return authKey;
    }

    /** The active billing key Toss issued to the customer, if any (what a merchant must keep secret). */
    Optional<String> activeKeyOf(String customerKey) {
        return active.values().stream().filter(key -> key.customerKey().equals(customerKey))
                .map(BillingKey::billingKey).findFirst();
    }

    /** Exchanges an unused authKey for a new billing key; INVALID_REQUEST if it is unknown, used or another customer's. */
    BillingKey issue(String authKey, String customerKey, String mid) {
        Grant grant = grants.get(authKey);
        if (grant == null || grant.used) {
            throw TossApiException.invalidRequest("존재하지 않거나 이미 사용된 authKey 입니다. (authKey unknown or already used)");
        }
        if (!grant.customerKey.equals(customerKey)) {
            // The authKey stays usable: the mistake was the merchant's, not the buyer's.
            throw TossApiException.invalidRequest(
                    "authKey 를 발급받은 customerKey 와 일치하지 않습니다. (customerKey does not match the authKey)");
        }
        grant.used = true;
        String billingKey;
        do {
            billingKey = TossFormats.billingKey();
        } while (active.containsKey(billingKey));
        BillingKey issued = new BillingKey(billingKey, customerKey, grant.cardOutcome, grant.authenticatedAt, CARD,
                mid);
        active.put(billingKey, issued);
        return issued;
    }

    /**
     * The live billing key, or the unknown-billing-key error if it never existed, was deleted, or belongs to
     * another merchant than {@code mid} (null: any merchant).
     */
    BillingKey active(String billingKey, String mid) {
        BillingKey key = billingKey == null ? null : active.get(billingKey);
        if (key == null || (mid != null && !mid.equals(key.mid()))) {
            throw unknownBillingKey();
        }
        return key;
    }

    /** Deletes a live billing key for good; a deleted key is indistinguishable from one never issued. */
    BillingKey delete(String billingKey, String mid) {
        BillingKey key = active(billingKey, mid);
        active.remove(billingKey);
        return key;
    }

    void clear() {
        grants.clear();
        active.clear();
    }

    static TossApiException unknownBillingKey() {
        return new TossApiException(TossErrors.UNKNOWN_BILLING_KEY, TossErrors.UNKNOWN_BILLING_KEY_MESSAGE);
    }
}
