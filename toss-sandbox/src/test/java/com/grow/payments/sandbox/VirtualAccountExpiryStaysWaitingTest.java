package com.grow.payments.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The other reading of Toss's docs (docs/toss.md): past the due date the status stays WAITING_FOR_DEPOSIT. */
class VirtualAccountExpiryStaysWaitingTest extends WebhookTestSupport {

    @Override
    SandboxConfig.Builder configure(SandboxConfig.Builder builder) {
        return super.configure(builder).expiredVirtualAccountStatus(PaymentStatus.WAITING_FOR_DEPOSIT);
    }

    @Test
    void past_its_due_date_the_account_is_expired_while_the_status_stays_waiting_for_deposit() {
        String orderId = orderId();
        issueVirtualAccount(orderId, 30_000);
        clock.advance(Duration.ofHours(169));

        JsonNode lookup = get("/v1/payments/orders/" + orderId).json();

        assertThat(lookup.path("status").asText()).isEqualTo("WAITING_FOR_DEPOSIT");
        assertThat(lookup.path("virtualAccount").path("expired").asBoolean()).isTrue();
        assertThatThrownBy(() -> sandbox.deposit(orderId)).isInstanceOf(TossApiException.class);
        assertThat(sandbox.outgoingWebhooks()).hasSize(1);
    }

    @Test
    void only_expired_or_waiting_for_deposit_can_be_chosen() {
        assertThatThrownBy(() -> SandboxConfig.builder().expiredVirtualAccountStatus(PaymentStatus.CANCELED))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
