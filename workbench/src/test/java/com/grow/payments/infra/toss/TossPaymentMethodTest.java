package com.grow.payments.infra.toss;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.grow.payments.shared.payment.PgPayment;
import com.grow.payments.shared.payment.PgPaymentMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Toss's payment method is read once, at the adapter, into an enum; an unknown one is never a
 * guess, and Toss's word travels on as Toss sent it.
 */
class TossPaymentMethodTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode payment() {
        return JSON.createObjectNode().put("paymentKey", "tpay_1").put("orderId", "ord_000001")
                .put("status", "DONE").put("totalAmount", 100).put("balanceAmount", 100);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"카드, CARD", "가상계좌, VIRTUAL_ACCOUNT", "간편결제, EASY_PAY", "휴대폰, MOBILE_PHONE",
            "계좌이체, TRANSFER", "문화상품권, CULTURE_GIFT_CERTIFICATE", "도서문화상품권, BOOK_GIFT_CERTIFICATE",
            "게임문화상품권, GAME_GIFT_CERTIFICATE", "CARD, UNRECOGNIZED", "포인트, UNRECOGNIZED", "'', UNRECOGNIZED"})
    void a_payments_method_is_parsed_at_the_adapter_and_its_word_kept(String onTheWire, PgPaymentMethod parsed) {
        PgPayment read = TossPayments.payment(payment().put("method", onTheWire));

        assertThat(read.paymentMethod()).isEqualTo(parsed);
        assertThat(read.method()).isEqualTo(onTheWire);
    }

    @Test
    void a_payment_without_a_method_is_unrecognized() {
        PgPayment read = TossPayments.payment(payment());

        assertThat(read.paymentMethod()).isEqualTo(PgPaymentMethod.UNRECOGNIZED);
        assertThat(read.method()).isNull();
    }
}
