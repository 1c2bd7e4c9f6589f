package com.grow.payments.sagas.billing;

import static com.grow.payments.sagas.billing.BillingKeyTestData.BILLING_KEY_ID;
import static com.grow.payments.sagas.billing.BillingKeyTestData.TOSS_KEY;
import static com.grow.payments.sagas.billing.BillingKeyTestData.deleted;
import static com.grow.payments.sagas.billing.BillingKeyTestData.deletionRequested;
import static org.assertj.core.api.Assertions.assertThat;

import com.grow.payments.sagas.gateway.FakePaymentGateway;
import com.grow.payments.shared.billing.BillingCommands.RecordBillingKeyDeleted;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.test.saga.FixtureExecutionResult;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

// A handler that waits on the PG would hang the build: each test fails at the timeout instead.
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BillingKeyDeletionSagaTest {

    private static final RecordBillingKeyDeleted RECORDED =
            new RecordBillingKeyDeleted(BILLING_KEY_ID, "deleted by the member");

    private SagaTestFixture<BillingKeyDeletionSaga> fixture;
    private FakePaymentGateway gateway;
    private InMemoryBillingKeyVault vault;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(BillingKeyDeletionSaga.class);
        gateway = new FakePaymentGateway();
        vault = new InMemoryBillingKeyVault();
        fixture.registerResource(gateway);
        fixture.registerResource(new com.grow.payments.sagas.gateway.FixedMerchantOf());
        fixture.registerResource(vault);
        fixture.registerCommandGateway(CommandGateway.class);
    }

    @Test
    void a_key_toss_deletes_is_destroyed_in_the_vault_and_recorded_as_deleted() {
        vault.store(BILLING_KEY_ID, TOSS_KEY);
        gateway.answersDelete(true);

        fixture.givenNoPriorActivity()
                .whenPublishingA(deletionRequested())
                .expectAssociationWith("billingKeyId", BILLING_KEY_ID)
                .expectDispatchedCommands(RECORDED);

        assertThat(gateway.deleteRequests()).containsExactly(TOSS_KEY);
        assertThat(vault.reveal(BILLING_KEY_ID)).isEmpty();
    }

    @Test
    void a_deletion_toss_does_not_confirm_keeps_the_key_for_another_try_and_records_nothing() {
        vault.store(BILLING_KEY_ID, TOSS_KEY);
        gateway.answersDelete(false);

        fixture.givenNoPriorActivity()
                .whenPublishingA(deletionRequested())
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);

        assertThat(vault.reveal(BILLING_KEY_ID)).contains(TOSS_KEY);
    }

    @Test
    void asking_again_after_an_unconfirmed_deletion_asks_toss_again_with_the_kept_key() {
        vault.store(BILLING_KEY_ID, TOSS_KEY);
        gateway.answersDelete(false);
        var unconfirmed = fixture.givenAPublished(deletionRequested());

        gateway.answersDelete(true);
        FixtureExecutionResult result = unconfirmed.whenPublishingA(deletionRequested());

        result.expectDispatchedCommands(RECORDED);
        assertThat(gateway.deleteRequests()).containsExactly(TOSS_KEY, TOSS_KEY);
        assertThat(vault.reveal(BILLING_KEY_ID)).isEmpty();
    }

    @Test
    void a_key_already_gone_from_the_vault_is_recorded_as_deleted_without_asking_toss() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(deletionRequested())
                .expectDispatchedCommands(RECORDED);

        assertThat(gateway.deleteRequests()).isEmpty();
    }

    @Test
    void a_pg_that_never_answers_neither_blocks_the_handler_nor_destroys_the_key() {
        vault.store(BILLING_KEY_ID, TOSS_KEY);

        fixture.givenNoPriorActivity()
                .whenPublishingA(deletionRequested())
                .expectSuccessfulHandlerExecution()
                .expectNoDispatchedCommands();

        assertThat(vault.reveal(BILLING_KEY_ID)).contains(TOSS_KEY);
    }

    @Test
    void the_saga_ends_once_the_deletion_is_recorded() {
        fixture.givenAPublished(deletionRequested())
                .whenPublishingA(deleted(BILLING_KEY_ID))
                .expectActiveSagas(0);
    }

    @Test
    void another_keys_deletion_does_not_end_the_saga() {
        fixture.givenAPublished(deletionRequested())
                .whenPublishingA(deleted("bk_test_0002"))
                .expectActiveSagas(1);
    }
}
