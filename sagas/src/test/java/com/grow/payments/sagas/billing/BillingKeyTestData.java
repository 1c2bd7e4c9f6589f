package com.grow.payments.sagas.billing;

import com.grow.payments.shared.Money;
import com.grow.payments.shared.billing.BillingKeyDeleted;
import com.grow.payments.shared.billing.BillingKeyDeletionRequested;
import com.grow.payments.shared.billing.BillingKeyIssueRequested;
import com.grow.payments.shared.billing.BillingKeyIssued;
import com.grow.payments.shared.billing.BillingKeyRefused;
import com.grow.payments.shared.payment.Failure;
import com.grow.payments.shared.subscription.Cycle;
import com.grow.payments.shared.subscription.SubscriptionCanceled;
import com.grow.payments.shared.subscription.SubscriptionStarted;
import java.time.Instant;

/** One member's billing key, as the billing sagas' tests share it. */
final class BillingKeyTestData {

    static final String BILLING_KEY_ID = "bk_test_0001";
    static final String MEMBER = "member-owner";
    static final String AUTH_KEY = "auth_key_from_the_billing_window";
    static final String CUSTOMER_KEY = "cust_owner_0001";
    /** Toss's billing key itself: a secret that belongs in the vault only. */
    static final String TOSS_KEY = "tbk_Secret_9f8e7d6c5b4a";
    static final String CARD_COMPANY = "현대";
    static final String MASKED = "433012******1234";
    static final Instant ISSUED_AT = Instant.parse("2025-03-01T10:00:00Z");
    static final Failure INVALID_CARD = new Failure("INVALID_CARD_NUMBER", "카드번호를 다시 확인해주세요.");

    private BillingKeyTestData() {
    }

    static BillingKeyIssueRequested issueRequested() {
        return new BillingKeyIssueRequested(BILLING_KEY_ID, MEMBER, CUSTOMER_KEY);
    }

    static BillingKeyIssued issued(String billingKeyId) {
        return new BillingKeyIssued(billingKeyId, MEMBER, CUSTOMER_KEY, CARD_COMPANY, MASKED, ISSUED_AT);
    }

    static BillingKeyRefused refused() {
        return new BillingKeyRefused(BILLING_KEY_ID, MEMBER, INVALID_CARD);
    }

    static BillingKeyDeletionRequested deletionRequested() {
        return new BillingKeyDeletionRequested(BILLING_KEY_ID, MEMBER);
    }

    static BillingKeyDeleted deleted(String billingKeyId) {
        return new BillingKeyDeleted(billingKeyId, MEMBER, "deleted by the member");
    }

    static SubscriptionStarted subscriptionStarted(String subscriptionId, String billingKeyId) {
        return new SubscriptionStarted(subscriptionId, MEMBER, billingKeyId, CUSTOMER_KEY, "plan-monthly",
                "GROW 월간 멤버십", Money.won(9_900), Cycle.MONTHLY, ISSUED_AT);
    }

    static SubscriptionCanceled subscriptionCanceled(String subscriptionId) {
        return new SubscriptionCanceled(subscriptionId, MEMBER, "더 이상 필요 없음");
    }
}
