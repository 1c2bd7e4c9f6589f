package com.grow.payments.infra.toss;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.grow.payments.shared.payment.PgPaymentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Toss's payment type is read once, at the adapter, into an enum; an unknown one is never a guess. */
class TossPaymentTypeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"NORMAL, NORMAL", "BILLING, BILLING", "BRANDPAY, BRANDPAY", "billing, UNRECOGNIZED",
            "SUBSCRIPTION, UNRECOGNIZED", "'', UNRECOGNIZED"})
    void a_payments_type_is_parsed_at_the_adapter(String onTheWire, PgPaymentType parsed) {
        ObjectNode payment = JSON.createObjectNode().put("paymentKey", "tpay_1").put("orderId", "ord_000001")
                .put("status", "DONE").put("totalAmount", 100).put("balanceAmount", 100).put("type", onTheWire);

        assertThat(TossPayments.payment(payment).type()).isEqualTo(parsed);
    }

    @Test
    void a_payment_without_a_type_is_unrecognized() {
        ObjectNode payment = JSON.createObjectNode().put("paymentKey", "tpay_1").put("orderId", "ord_000001")
                .put("status", "DONE").put("totalAmount", 100).put("balanceAmount", 100);

        assertThat(TossPayments.payment(payment).type()).isEqualTo(PgPaymentType.UNRECOGNIZED);
    }
}
