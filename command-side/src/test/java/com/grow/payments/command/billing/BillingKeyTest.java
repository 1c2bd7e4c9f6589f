package com.grow.payments.command.billing;

import static com.grow.payments.command.Rejections.rejectedWith;

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
import com.grow.payments.shared.payment.Failure;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BillingKeyTest {

    private static final String ID = "bk_test_0001";
    private static final MemberId OWNER = new MemberId("member-owner");
    private static final MemberId STRANGER = new MemberId("member-stranger");
    private static final String CUSTOMER_KEY = "cust_owner_0001";
    private static final String CARD_COMPANY = "현대";
    private static final String MASKED = "433012******1234";
    private static final Instant ISSUED_AT = Instant.parse("2025-03-01T10:00:00Z");
    private static final Failure INVALID_CARD = new Failure("INVALID_CARD_NUMBER", "카드번호를 다시 확인해주세요.");

    private FixtureConfiguration<BillingKey> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BillingKey.class);
    }

    // --- issuing

    @Test
    void a_card_registered_in_the_billing_window_asks_toss_for_its_billing_key() {
        fixture.givenNoPriorActivity()
                .when(new IssueBillingKey(ID, owner(), CUSTOMER_KEY))
                .expectEvents(new BillingKeyIssueRequested(ID, OWNER.value(), CUSTOMER_KEY));
    }

    @Test
    void an_issued_key_is_recorded_with_the_card_facts_and_the_customer_key_of_the_request() {
        fixture.given(issueRequested())
                .when(new RecordBillingKeyIssued(ID, CARD_COMPANY, MASKED, ISSUED_AT))
                .expectEvents(issued());
    }

    @Test
    void an_issued_key_recorded_again_changes_nothing() {
        fixture.given(issueRequested(), issued())
                .when(new RecordBillingKeyIssued(ID, CARD_COMPANY, MASKED, ISSUED_AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_refusal_is_recorded_with_tosss_failure() {
        fixture.given(issueRequested())
                .when(new RecordBillingKeyRefused(ID, INVALID_CARD))
                .expectEvents(new BillingKeyRefused(ID, OWNER.value(), INVALID_CARD));
    }

    @Test
    void no_answer_from_toss_is_recorded_as_an_unknown_outcome_not_as_a_refusal() {
        fixture.given(issueRequested())
                .when(new RecordBillingKeyIssueUnknown(ID, "TIMEOUT"))
                .expectEvents(new BillingKeyIssueOutcomeUnknown(ID, OWNER.value(), "TIMEOUT"));
    }

    @Test
    void a_key_whose_issue_was_unknown_can_still_be_recorded_as_issued() {
        fixture.given(issueRequested(), new BillingKeyIssueOutcomeUnknown(ID, OWNER.value(), "TIMEOUT"))
                .when(new RecordBillingKeyIssued(ID, CARD_COMPANY, MASKED, ISSUED_AT))
                .expectEvents(issued());
    }

    @Test
    void an_unreadable_key_is_flagged_once() {
        fixture.given(issueRequested(), issued(), new BillingKeyUnreadable(ID, OWNER.value()))
                .when(new FlagBillingKeyUnreadable(ID))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(issueRequested(), issued())
                .when(new FlagBillingKeyUnreadable(ID))
                .expectEvents(new BillingKeyUnreadable(ID, OWNER.value()));
    }

    @Test
    void a_refused_key_is_never_recorded_as_issued_afterwards() {
        fixture.given(issueRequested(), refused())
                .when(new RecordBillingKeyIssued(ID, CARD_COMPANY, MASKED, ISSUED_AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // --- deleting

    @Test
    void the_owner_deleting_an_active_key_asks_toss_to_delete_it() {
        fixture.given(issueRequested(), issued())
                .when(new DeleteBillingKey(ID, owner()))
                .expectEvents(deletionRequested());
    }

    @Test
    void another_member_deleting_the_key_is_answered_as_not_found() {
        fixture.given(issueRequested(), issued())
                .when(new DeleteBillingKey(ID, new Caller(STRANGER, false)))
                .expectException(rejectedWith(ErrorCode.BILLING_KEY_NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void deleting_again_while_tosss_answer_is_outstanding_asks_toss_again() {
        fixture.given(issueRequested(), issued(), deletionRequested())
                .when(new DeleteBillingKey(ID, owner()))
                .expectEvents(deletionRequested());
    }

    @Test
    void deleting_a_key_already_deleted_changes_nothing() {
        fixture.given(issueRequested(), issued(), deletionRequested(), deleted())
                .when(new DeleteBillingKey(ID, owner()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void tosss_deletion_is_recorded_once() {
        fixture.given(issueRequested(), issued(), deletionRequested())
                .when(new RecordBillingKeyDeleted(ID, "deleted by the member"))
                .expectEvents(deleted());

        fixture.given(issueRequested(), issued(), deletionRequested(), deleted())
                .when(new RecordBillingKeyDeleted(ID, "deleted by the member"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_refused_key_cannot_be_deleted_because_there_is_none() {
        fixture.given(issueRequested(), refused())
                .when(new DeleteBillingKey(ID, owner()))
                .expectException(rejectedWith(ErrorCode.BILLING_KEY_NOT_FOUND))
                .expectNoEvents();
    }

    private static Caller owner() {
        return new Caller(OWNER, false);
    }

    private static BillingKeyIssueRequested issueRequested() {
        return new BillingKeyIssueRequested(ID, OWNER.value(), CUSTOMER_KEY);
    }

    private static BillingKeyIssued issued() {
        return new BillingKeyIssued(ID, OWNER.value(), CUSTOMER_KEY, CARD_COMPANY, MASKED, ISSUED_AT);
    }

    private static BillingKeyRefused refused() {
        return new BillingKeyRefused(ID, OWNER.value(), INVALID_CARD);
    }

    private static BillingKeyDeletionRequested deletionRequested() {
        return new BillingKeyDeletionRequested(ID, OWNER.value());
    }

    private static BillingKeyDeleted deleted() {
        return new BillingKeyDeleted(ID, OWNER.value(), "deleted by the member");
    }
}
