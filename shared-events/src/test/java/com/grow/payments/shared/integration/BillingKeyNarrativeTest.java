package com.grow.payments.shared.integration;

import static com.grow.payments.shared.integration.Publishing.at;
import static com.grow.payments.shared.integration.Publishing.fold;
import static org.assertj.core.api.Assertions.assertThat;

import com.grow.payments.shared.billing.BillingKeyDeleted;
import com.grow.payments.shared.billing.BillingKeyDeletionRequested;
import com.grow.payments.shared.billing.BillingKeyIssueRequested;
import com.grow.payments.shared.billing.BillingKeyIssued;
import com.grow.payments.shared.billing.BillingKeyRefused;
import com.grow.payments.shared.payment.Failure;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BillingKeyNarrativeTest {

    static final String KEY_ID = "bk_01hx7k0000";
    static final String MEMBER = "member-42";
    static final String CUSTOMER_KEY = "cust_7f3a9c";

    @Test
    void aDeletedKeyIsPublishedAndNothingElseIs() {
        Publishing.Folded folded = fold(
                new BillingKeyIssueRequested(KEY_ID, MEMBER, CUSTOMER_KEY),
                new BillingKeyIssued(KEY_ID, MEMBER, CUSTOMER_KEY, "신한", "4330********123*",
                        Instant.parse("2024-05-01T09:00:10Z")),
                new BillingKeyDeletionRequested(KEY_ID, MEMBER),
                new BillingKeyDeleted(KEY_ID, MEMBER, "member removed the card"));

        assertThat(folded.told().subList(0, 3)).allMatch(Optional::isEmpty);
        assertThat(folded.published()).containsExactly(
                new PaymentsV1.BillingKeyDeleted(KEY_ID, MEMBER, "member removed the card", at(3)));
        assertThat(folded.only().type()).isEqualTo("grow.payments.BillingKeyDeleted");
        assertThat(folded.only().subject()).isEqualTo(KEY_ID);
        assertThat(folded.only().toString()).doesNotContain(CUSTOMER_KEY);
    }

    @Test
    void aRefusedKeyPublishesNothing() {
        assertThat(fold(new BillingKeyIssueRequested(KEY_ID, MEMBER, CUSTOMER_KEY),
                new BillingKeyRefused(KEY_ID, MEMBER, new Failure("INVALID_CARD", "no"))).published()).isEmpty();
    }

    @Test
    void anIssuedKeyPublishesNothing() {
        assertThat(BillingKeyNarrative.INSTANCE.tell(new BillingKeyIssued(KEY_ID, MEMBER, CUSTOMER_KEY, "신한",
                "4330********123*", Instant.parse("2024-05-01T09:00:10Z")), at(0))).isEmpty();
    }

    @Test
    void aBillingKeyEventStartsFromTheBillingKeyNarrative() {
        assertThat(Narrative.of(new BillingKeyIssueRequested(KEY_ID, MEMBER, CUSTOMER_KEY)))
                .isSameAs(BillingKeyNarrative.INSTANCE);
        assertThat(BillingKeyNarrative.INSTANCE.apply(new BillingKeyDeleted(KEY_ID, MEMBER, "x")))
                .isSameAs(BillingKeyNarrative.INSTANCE);
    }
}
