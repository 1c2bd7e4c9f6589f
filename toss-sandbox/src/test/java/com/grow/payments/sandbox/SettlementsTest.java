package com.grow.payments.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettlementsTest extends MerchantTestSupport {

    Answer settlements(String query, String... headers) {
        return get("/v1/settlements?" + query, headers);
    }

    @Test
    void a_card_sale_pays_out_its_amount_less_the_fee_and_the_fees_vat_two_days_later() {
        String orderId = orderId();
        String paymentKey = paidCard(orderId, 10_000, 0);

        Answer answer = settlements("startDate=2026-11-25&endDate=2026-11-25");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode row = answer.json().get(0);
        assertThat(answer.json()).hasSize(1);
        assertThat(row.path("mId").asText()).isEqualTo(CARD_MID);
        assertThat(row.path("paymentKey").asText()).isEqualTo(paymentKey);
        assertThat(row.path("orderId").asText()).isEqualTo(orderId);
        assertThat(row.path("transactionKey").asText()).isNotBlank();
        assertThat(row.path("currency").asText()).isEqualTo("KRW");
        assertThat(row.path("method").asText()).isEqualTo("카드");
        assertThat(row.path("amount").asLong()).isEqualTo(10_000);
        assertThat(row.path("interestFee").asLong()).isZero();
        assertThat(row.path("fees").get(0).path("type").asText()).isEqualTo("BASE");
        assertThat(row.path("fees").get(0).path("fee").asLong()).isEqualTo(352);
        assertThat(row.path("supplyAmount").asLong()).isEqualTo(320);
        assertThat(row.path("vat").asLong()).isEqualTo(32);
        assertThat(row.path("payOutAmount").asLong()).isEqualTo(9_648);
        assertThat(row.path("approvedAt").asText()).isEqualTo("2026-11-25T14:03:22+09:00");
        assertThat(row.path("soldDate").asText()).isEqualTo("2026-11-25");
        assertThat(row.path("paidOutDate").asText()).isEqualTo("2026-11-27");
        assertThat(row.path("cancel").isNull()).isTrue();
    }

    @Test
    void a_cancel_is_a_negative_row_that_gives_back_its_share_of_the_card_fee() {
        String paymentKey = paidCard(orderId(), 10_000, 0);
        clock.advance(Duration.ofDays(1));
        cancel(paymentKey, Map.of("cancelReason", "일부", "cancelAmount", 5_000));

        JsonNode rows = settlements("startDate=2026-11-25&endDate=2026-11-26").json();

        assertThat(rows).hasSize(2);
        JsonNode cancel = rows.get(1);
        assertThat(cancel.path("amount").asLong()).isEqualTo(-5_000);
        assertThat(cancel.path("supplyAmount").asLong()).isEqualTo(-160);
        assertThat(cancel.path("vat").asLong()).isEqualTo(-16);
        assertThat(cancel.path("payOutAmount").asLong()).isEqualTo(-4_824);
        assertThat(cancel.path("soldDate").asText()).isEqualTo("2026-11-26");
        assertThat(cancel.path("approvedAt").asText()).isEqualTo("2026-11-25T14:03:22+09:00");
        assertThat(cancel.path("cancel").path("cancelAmount").asLong()).isEqualTo(5_000);
    }

    @Test
    void a_virtual_account_deposit_pays_a_flat_fee() {
        String orderId = orderId();
        issueVirtualAccount(virtualAccountBody(orderId, 30_000));
        sandbox.deposit(orderId);

        JsonNode row = settlements("startDate=2026-11-25&endDate=2026-11-25").json().get(0);

        assertThat(row.path("method").asText()).isEqualTo("가상계좌");
        assertThat(row.path("supplyAmount").asLong()).isEqualTo(300);
        assertThat(row.path("vat").asLong()).isEqualTo(30);
        assertThat(row.path("payOutAmount").asLong()).isEqualTo(29_670);
    }

    @Test
    void the_period_can_be_read_by_payout_date_and_paged() {
        for (int i = 0; i < 5; i++) {
            paidCard(orderId(), 1_000, 0);
        }

        assertThat(settlements("startDate=2026-11-27&endDate=2026-11-27").json()).isEmpty();
        assertThat(settlements("startDate=2026-11-27&endDate=2026-11-27&dateType=paidOutDate").json()).hasSize(5);
        assertThat(settlements("startDate=2026-11-25&endDate=2026-11-25&page=1&size=2").json()).hasSize(2);
        assertThat(settlements("startDate=2026-11-25&endDate=2026-11-25&page=3&size=2").json()).hasSize(1);
        assertThat(settlements("startDate=2026-11-25&endDate=2026-11-25&page=4&size=2").json()).isEmpty();
        assertThat(settlements("startDate=2026-11-25&endDate=2026-11-25&dateType=approvedAt").code())
                .isEqualTo("INVALID_REQUEST");
        assertThat(settlements("startDate=2026-11-25").code()).isEqualTo("INVALID_REQUEST");
    }

    @Test
    void each_merchant_sees_only_its_own_settlements() {
        paidCard(orderId(), 1_000, 0);
        sandbox.createStrayPayment(BILLING_MID, orderId(), "x", 2_000, 0);

        JsonNode billing = settlements("startDate=2026-11-25&endDate=2026-11-25", asBilling()).json();
        assertThat(billing).hasSize(1);
        assertThat(billing.get(0).path("amount").asLong()).isEqualTo(2_000);
        assertThat(billing.get(0).path("mId").asText()).isEqualTo(BILLING_MID);
    }
}
