package com.grow.payments.shared.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.grow.payments.shared.payment.Failure;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BillingKeyViewTest {

    private static final Instant ISSUED_AT = Instant.parse("2026-11-25T05:03:22Z");
    private final BillingKeyIssueRequested requested = new BillingKeyIssueRequested("bk_1", "member-1", "ck");
    private final BillingKeyIssued issued = new BillingKeyIssued("bk_1", "member-1", "ck", "신한", "43301234****123*",
            ISSUED_AT);

    @Test
    void an_issued_key_is_active_with_its_card_and_owner() {
        BillingKeyView view = BillingKeyView.fold(List.of(requested, issued)).orElseThrow();
        assertThat(view).isEqualTo(new BillingKeyView("bk_1", "신한", "43301234****123*", ISSUED_AT,
                BillingKeyStatus.ACTIVE, "member-1"));
    }

    @Test
    void a_key_is_deleting_until_toss_confirms_then_deleted_for_good() {
        BillingKeyDeletionRequested deletion = new BillingKeyDeletionRequested("bk_1", "member-1");
        BillingKeyDeleted deleted = new BillingKeyDeleted("bk_1", "member-1", "member removed the card");
        assertThat(BillingKeyView.fold(List.of(requested, issued, deletion)).orElseThrow().status())
                .isEqualTo(BillingKeyStatus.DELETING);
        assertThat(BillingKeyView.fold(List.of(requested, issued, deletion, deleted, deletion)).orElseThrow().status())
                .isEqualTo(BillingKeyStatus.DELETED);
    }

    @Test
    void a_key_toss_never_issued_has_no_view() {
        BillingKeyRefused refused = new BillingKeyRefused("bk_1", "member-1", new Failure("INVALID_CARD", "refused"));
        assertThat(BillingKeyView.fold(List.of(requested))).isEmpty();
        assertThat(BillingKeyView.fold(List.of(requested, refused))).isEmpty();
    }
}
