package com.grow.payments.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class SettlementTermsTest extends SandboxTestSupport {

    @Override
    SandboxConfig.Builder configure(SandboxConfig.Builder builder) {
        return builder.settlementTerms(new SettlementTerms(250, 400, 5));
    }

    @Test
    void configured_terms_set_the_fee_and_the_payout_day() {
        String orderId = orderId();
        sandbox.createStrayPayment(null, orderId, "x", 20_000, 0);

        JsonNode row = get("/v1/settlements?startDate=2026-11-25&endDate=2026-11-25").json().get(0);

        assertThat(row.path("supplyAmount").asLong()).isEqualTo(500);
        assertThat(row.path("vat").asLong()).isEqualTo(50);
        assertThat(row.path("payOutAmount").asLong()).isEqualTo(19_450);
        assertThat(row.path("paidOutDate").asText()).isEqualTo("2026-11-30");
    }

    @Test
    void terms_must_be_sensible() {
        assertThatThrownBy(() -> new SettlementTerms(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SettlementTerms(10_001, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SettlementTerms(0, 0, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
