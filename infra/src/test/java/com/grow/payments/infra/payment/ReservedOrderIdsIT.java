package com.grow.payments.infra.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.grow.payments.infra.IntegrationTest;
import org.junit.jupiter.api.Test;

/** The order ids the service makes for its own charges are never a caller's to choose. */
class ReservedOrderIdsIT extends IntegrationTest {

    private static final String ACCOUNT = ",\"bank\":\"20\",\"customerName\":\"Kim\"}";

    @Test
    void a_checkout_under_a_subscription_cycles_order_id_is_refused_and_changes_nothing() {
        String token = token("member-reserved-1");
        long events = eventCount();

        Reply reply = post("/api/v1/payments", token,
                "{\"orderId\":\"sub_s01jq0000000000000000000000_2\",\"orderName\":\"Cycle two\",\"amount\":100}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.code()).isEqualTo("ORDER_ID_RESERVED");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void the_namespaces_are_reserved_whatever_their_case_on_checkout_and_virtual_accounts() {
        String token = token("member-reserved-2");

        assertThat(post("/api/v1/payments", token,
                "{\"orderId\":\"SUB_anything_1\",\"orderName\":\"x\",\"amount\":100}").code())
                .isEqualTo("ORDER_ID_RESERVED");
        assertThat(post("/api/v1/payments", token,
                "{\"orderId\":\"bk_01jq00000000000000000000\",\"orderName\":\"x\",\"amount\":100}").code())
                .isEqualTo("ORDER_ID_RESERVED");
        Reply account = post("/api/v1/virtual-accounts", token,
                "{\"orderId\":\"sub_s01jq0000000000000000000000_3\",\"orderName\":\"x\",\"amount\":100" + ACCOUNT);
        assertThat(account.status()).as(account.body()).isEqualTo(400);
        assertThat(account.code()).isEqualTo("ORDER_ID_RESERVED");
        assertThat(sandbox().stats().approvals("sub_s01jq0000000000000000000000_3")).isZero();
    }

    @Test
    void a_callers_own_order_ids_still_work() {
        String token = token("member-reserved-3");

        Reply reply = post("/api/v1/payments", token,
                "{\"orderId\":\"subscription-gift-" + System.nanoTime() + "\",\"orderName\":\"Gift\",\"amount\":100}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }
}
