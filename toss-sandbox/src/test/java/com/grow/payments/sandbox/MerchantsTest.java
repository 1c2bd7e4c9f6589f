package com.grow.payments.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MerchantsTest extends MerchantTestSupport {

    @Test
    void each_key_reports_its_own_merchant_and_sees_only_its_payments() {
        String orderId = orderId();
        Answer issued = issueVirtualAccount(virtualAccountBody(orderId, 30_000), asBilling());
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        assertThat(issued.json().path("mId").asText()).isEqualTo(BILLING_MID);
        String paymentKey = issued.json().path("paymentKey").asText();

        assertThat(get("/v1/payments/orders/" + orderId).code()).isEqualTo("NOT_FOUND_PAYMENT");
        assertThat(get("/v1/payments/" + paymentKey).status()).isEqualTo(404);
        assertThat(cancel(paymentKey, Map.of("cancelReason", "x")).code()).isEqualTo("NOT_FOUND_PAYMENT");
        Answer own = get("/v1/payments/orders/" + orderId, asBilling());
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().path("mId").asText()).isEqualTo(BILLING_MID);
        assertThat(sandbox.payment(orderId)).get().extracting(SandboxPayment::status)
                .isEqualTo(PaymentStatus.WAITING_FOR_DEPOSIT);
    }

    @Test
    void requests_are_counted_per_key_and_per_merchant_so_a_test_can_prove_a_key_made_no_look_up() {
        String orderId = orderId();
        String paymentKey = paidCard(orderId, 10_000, 0);
        get("/v1/payments/orders/" + orderId);
        get("/v1/payments/" + paymentKey);
        get("/v1/payments/orders/" + orderId, asBilling());

        SandboxStats stats = sandbox.stats();
        assertThat(stats.requestsByKey(SECRET_KEY, FaultPlan.LOOKUP)).isEqualTo(2);
        assertThat(stats.requestsByKey(SECRET_KEY, FaultPlan.CONFIRM)).isEqualTo(1);
        assertThat(stats.requestsByKey(BILLING_KEY, FaultPlan.LOOKUP)).isEqualTo(1);
        assertThat(stats.requestsByKey(BILLING_KEY, FaultPlan.CANCEL)).isZero();
        assertThat(stats.requestsByMerchant(CARD_MID)).containsEntry(FaultPlan.LOOKUP, 2L).containsEntry("confirm", 1L);
        assertThat(stats.requestsByMerchant(BILLING_MID)).containsOnly(Map.entry(FaultPlan.LOOKUP, 1L));

        Answer json = sandboxGet("/sandbox/admin/stats");
        assertThat(json.json().path("requestsByMerchant").path(BILLING_MID).path("lookup").asLong()).isEqualTo(1);
        assertThat(json.body()).doesNotContain(SECRET_KEY).doesNotContain(BILLING_KEY)
                .contains("test_sk_****0001");
    }

    @Test
    void a_request_refused_by_a_forced_test_code_still_counts_for_its_key() {
        get("/v1/payments/orders/" + orderId(), asBilling("TossPayments-Test-Code", "PROVIDER_ERROR"));

        assertThat(sandbox.stats().requestsByKey(BILLING_KEY, FaultPlan.LOOKUP)).isEqualTo(1);
    }

    @Test
    void a_window_session_belongs_to_the_merchant_that_confirms_it() {
        String orderId = orderId();
        String paymentKey = sandbox.authorize(orderId, "수강료", 5_000, null);
        Answer confirmed = post("/v1/payments/confirm", confirmBody(paymentKey, orderId, 5_000), asBilling());

        assertThat(confirmed.json().path("mId").asText()).isEqualTo(BILLING_MID);
        assertThat(get("/v1/payments/" + paymentKey).code()).isEqualTo("NOT_FOUND_PAYMENT");
        assertThat(sandbox.paymentByKey(paymentKey)).get().extracting(SandboxPayment::mid).isEqualTo(BILLING_MID);
    }

    @Test
    void a_session_opened_for_one_merchant_cannot_be_confirmed_with_another_merchants_key() {
        String orderId = orderId();
        String paymentKey = sandbox.authorize(CARD_MID, orderId, "수강료", 5_000, 0, null);

        Answer foreign = post("/v1/payments/confirm", confirmBody(paymentKey, orderId, 5_000), asBilling());
        Answer own = confirm(paymentKey, orderId, 5_000, newKey());

        assertThat(foreign.code()).isEqualTo("NOT_FOUND_PAYMENT_SESSION");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().path("mId").asText()).isEqualTo(CARD_MID);
    }

    @Test
    void a_billing_key_works_only_with_the_key_of_the_merchant_that_issued_it() {
        String customer = customerKey();
        Answer issued = issue(sandbox.authorizeBilling(customer, null), customer, asBilling());
        assertThat(issued.json().path("mId").asText()).isEqualTo(BILLING_MID);
        String billingKey = issued.json().path("billingKey").asText();

        Answer wrongMerchant = post("/v1/billing/" + billingKey, chargeBody(customer, orderId(), 9_900));
        Answer rightMerchant = post("/v1/billing/" + billingKey, chargeBody(customer, orderId(), 9_900), asBilling());

        assertThat(wrongMerchant.code()).isEqualTo(TossErrors.UNKNOWN_BILLING_KEY);
        assertThat(wrongMerchant.json().path("message").asText()).isEqualTo(TossErrors.UNKNOWN_BILLING_KEY_MESSAGE);
        assertThat(rightMerchant.status()).isEqualTo(200);
        JsonNode payment = rightMerchant.json();
        assertThat(payment.path("mId").asText()).isEqualTo(BILLING_MID);
        assertThat(payment.path("type").asText()).isEqualTo("BILLING");
        assertThat(deleteBillingKey(billingKey).code()).isEqualTo(TossErrors.UNKNOWN_BILLING_KEY);
    }

    @Test
    void two_merchants_may_use_the_same_order_id() {
        String orderId = orderId();
        assertThat(issueVirtualAccount(virtualAccountBody(orderId, 1_000)).status()).isEqualTo(200);
        assertThat(issueVirtualAccount(virtualAccountBody(orderId, 2_000), asBilling()).status()).isEqualTo(200);

        assertThat(get("/v1/payments/orders/" + orderId).json().path("totalAmount").asLong()).isEqualTo(1_000);
        assertThat(get("/v1/payments/orders/" + orderId, asBilling()).json().path("totalAmount").asLong())
                .isEqualTo(2_000);
    }

    @Test
    void an_unknown_key_is_refused_and_the_merchants_are_listed_without_their_keys() {
        Answer unknown = get("/v1/payments/orders/" + orderId(), "Authorization", basic("test_sk_" + "notConfigured1"));
        Answer merchants = sandboxGet("/sandbox/admin/merchants");

        assertThat(unknown.code()).isEqualTo("UNAUTHORIZED_KEY");
        assertThat(merchants.json().path("default").asText()).isEqualTo(CARD_MID);
        assertThat(merchants.json().path("merchants").toString()).contains(CARD_MID, BILLING_MID);
        assertThat(merchants.body()).doesNotContain(BILLING_KEY);
    }

    @Test
    void a_key_cannot_belong_to_two_merchants() {
        assertThatThrownBy(() -> SandboxConfig.builder().merchant("a", "test_sk_" + "shared").merchant("b", "test_sk_" + "shared"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SandboxConfig.builder().secretKey("test_sk_" + "shared").merchant("b", "test_sk_" + "shared"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_command_line_takes_merchants_and_settlement_terms() {
        SandboxConfig config = SandboxCommandLine.parse("--port=0", "--mid=tgrowcard", "--secret-key=test_sk_" + "one",
                "--merchant=tgrowbill:test_sk_" + "two", "--card-fee-bps=250", "--payout-delay-days=3").build();

        assertThat(config.merchantIds()).containsExactly("tgrowcard", "tgrowbill");
        assertThat(config.merchantOf("test_sk_" + "two")).isEqualTo("tgrowbill");
        assertThat(config.merchantOf("test_sk_" + "one")).isEqualTo("tgrowcard");
        assertThat(config.settlementTerms()).isEqualTo(new SettlementTerms(250, 300, 3));
        assertThatThrownBy(() -> SandboxCommandLine.parse("--merchant=nokey")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SandboxCommandLine.parse("--nonsense")).isInstanceOf(IllegalArgumentException.class);
    }
}
