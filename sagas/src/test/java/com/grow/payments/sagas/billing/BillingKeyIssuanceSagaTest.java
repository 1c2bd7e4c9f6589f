package com.grow.payments.sagas.billing;

import static com.grow.payments.sagas.billing.BillingKeyTestData.AUTH_KEY;
import static com.grow.payments.sagas.billing.BillingKeyTestData.BILLING_KEY_ID;
import static com.grow.payments.sagas.billing.BillingKeyTestData.CARD_COMPANY;
import static com.grow.payments.sagas.billing.BillingKeyTestData.CUSTOMER_KEY;
import static com.grow.payments.sagas.billing.BillingKeyTestData.INVALID_CARD;
import static com.grow.payments.sagas.billing.BillingKeyTestData.ISSUED_AT;
import static com.grow.payments.sagas.billing.BillingKeyTestData.MASKED;
import static com.grow.payments.sagas.billing.BillingKeyTestData.TOSS_KEY;
import static com.grow.payments.sagas.billing.BillingKeyTestData.issueRequested;
import static com.grow.payments.sagas.billing.BillingKeyTestData.issued;
import static com.grow.payments.sagas.billing.BillingKeyTestData.refused;
import static org.assertj.core.api.Assertions.assertThat;

import com.grow.payments.sagas.gateway.FakePaymentGateway;
import com.grow.payments.sagas.gateway.FakePaymentGateway.IssueCall;
import com.grow.payments.sagas.gateway.IssueOutcome;
import com.grow.payments.sagas.gateway.StepKeys;
import com.grow.payments.shared.billing.BillingCommands.RecordBillingKeyIssueUnknown;
import com.grow.payments.shared.billing.BillingCommands.RecordBillingKeyIssued;
import com.grow.payments.shared.billing.BillingCommands.RecordBillingKeyRefused;
import com.grow.payments.shared.billing.BillingKeyIssueOutcomeUnknown;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

// A handler that waits on the PG would hang the build: each test fails at the timeout instead.
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BillingKeyIssuanceSagaTest {

    private SagaTestFixture<BillingKeyIssuanceSaga> fixture;
    private FakePaymentGateway gateway;
    private InMemoryBillingKeyVault vault;
    private InMemoryAuthKeys authKeys;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(BillingKeyIssuanceSaga.class);
        gateway = new FakePaymentGateway();
        vault = new InMemoryBillingKeyVault();
        authKeys = new InMemoryAuthKeys().keep(BILLING_KEY_ID, AUTH_KEY);
        fixture.registerResource(gateway);
        fixture.registerResource(vault);
        fixture.registerResource(authKeys);
        fixture.registerCommandGateway(CommandGateway.class);
    }

    @Test
    void an_issue_request_starts_a_saga_for_the_key_and_asks_toss_under_the_steps_idempotency_key() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(issueRequested())
                .expectActiveSagas(1)
                .expectAssociationWith("billingKeyId", BILLING_KEY_ID)
                .expectNoDispatchedCommands();

        assertThat(gateway.issueRequests()).containsExactly(
                new IssueCall(AUTH_KEY, CUSTOMER_KEY, StepKeys.of("issue-billing-key", BILLING_KEY_ID)));
    }

    @Test
    void without_an_authkey_in_custody_toss_is_not_asked_and_the_issuance_is_refused() {
        authKeys.discard(BILLING_KEY_ID);

        fixture.givenNoPriorActivity()
                .whenPublishingA(issueRequested())
                .expectDispatchedCommands(
                        new RecordBillingKeyRefused(BILLING_KEY_ID, BillingKeyIssuanceSaga.AUTH_KEY_UNAVAILABLE));

        assertThat(gateway.issueRequests()).isEmpty();
    }

    @Test
    void once_the_key_is_issued_the_authkey_is_no_longer_kept() {
        fixture.givenAPublished(issueRequested())
                .whenPublishingA(issued(BILLING_KEY_ID))
                .expectActiveSagas(0);

        assertThat(authKeys.reveal(BILLING_KEY_ID)).isEmpty();
    }

    @Test
    void once_the_key_is_refused_the_authkey_is_no_longer_kept() {
        fixture.givenAPublished(issueRequested())
                .whenPublishingA(refused())
                .expectActiveSagas(0);

        assertThat(authKeys.reveal(BILLING_KEY_ID)).isEmpty();
    }

    @Test
    void an_issued_key_is_put_in_the_vault_under_its_id_and_recorded_with_the_cards_public_facts() {
        gateway.answersIssue(new IssueOutcome.Issued(TOSS_KEY, CARD_COMPANY, MASKED, ISSUED_AT));

        fixture.givenNoPriorActivity()
                .whenPublishingA(issueRequested())
                .expectDispatchedCommands(new RecordBillingKeyIssued(BILLING_KEY_ID, CARD_COMPANY, MASKED, ISSUED_AT));

        assertThat(vault.reveal(BILLING_KEY_ID)).contains(TOSS_KEY);
    }

    @Test
    void no_dispatched_command_carries_the_billing_key_itself() {
        gateway.answersIssue(new IssueOutcome.Issued(TOSS_KEY, CARD_COMPANY, MASKED, ISSUED_AT));

        fixture.givenNoPriorActivity().whenPublishingA(issueRequested());

        List<Object> dispatched = fixture.getCommandBus().getDispatchedCommands().stream()
                .map(CommandMessage::getPayload).map(Object.class::cast).toList();
        assertThat(dispatched).hasSize(1);
        assertThat(dispatched).flatMap(BillingKeyIssuanceSagaTest::fieldValues)
                .noneMatch(value -> String.valueOf(value).contains(TOSS_KEY));
        assertThat(dispatched.get(0).toString()).doesNotContain(TOSS_KEY);
    }

    @Test
    void a_refusal_is_recorded_with_tosss_failure_and_nothing_is_stored() {
        gateway.answersIssue(new IssueOutcome.Refused(INVALID_CARD));

        fixture.givenNoPriorActivity()
                .whenPublishingA(issueRequested())
                .expectDispatchedCommands(new RecordBillingKeyRefused(BILLING_KEY_ID, INVALID_CARD));

        assertThat(vault.reveal(BILLING_KEY_ID)).isEmpty();
    }

    @Test
    void no_answer_from_toss_is_recorded_as_unknown_never_as_a_refusal() {
        gateway.answersIssue(new IssueOutcome.Unknown("TIMEOUT"));

        fixture.givenNoPriorActivity()
                .whenPublishingA(issueRequested())
                .expectDispatchedCommands(new RecordBillingKeyIssueUnknown(BILLING_KEY_ID, "TIMEOUT"));
    }

    @Test
    void a_pg_that_never_answers_neither_blocks_the_handler_nor_dispatches_a_command() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(issueRequested())
                .expectSuccessfulHandlerExecution()
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @ParameterizedTest
    @MethodSource("recordedOutcomes")
    void the_saga_ends_once_the_answer_is_recorded(Object recorded) {
        fixture.givenAPublished(issueRequested())
                .whenPublishingA(recorded)
                .expectActiveSagas(0);
    }

    @Test
    void another_keys_answer_does_not_end_the_saga() {
        fixture.givenAPublished(issueRequested())
                .whenPublishingA(issued("bk_test_0002"))
                .expectActiveSagas(1);
    }

    static Stream<Object> recordedOutcomes() {
        return Stream.of(issued(BILLING_KEY_ID), refused(),
                new BillingKeyIssueOutcomeUnknown(BILLING_KEY_ID, "member-1", "TIMEOUT"));
    }

    private static Stream<Object> fieldValues(Object command) {
        RecordComponent[] components = command.getClass().getRecordComponents();
        assertThat(components).as("commands are records").isNotNull();
        return Arrays.stream(components).map(component -> {
            try {
                return component.getAccessor().invoke(command);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("cannot read " + component.getName(), e);
            }
        });
    }
}
