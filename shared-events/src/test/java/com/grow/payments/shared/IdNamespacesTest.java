package com.grow.payments.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.grow.payments.shared.subscription.ChargeOrderIds;
import org.junit.jupiter.api.Test;

class IdNamespacesTest {

    @Test
    void the_services_own_order_ids_are_reserved_whatever_their_case() {
        assertThat(IdNamespaces.isReservedOrderId(ChargeOrderIds.of("s01abc", 2))).isTrue();
        assertThat(IdNamespaces.isReservedOrderId(Ids.sortable(IdNamespaces.BILLING_KEY))).isTrue();
        assertThat(IdNamespaces.isReservedOrderId("SUB_s01abc_2")).isTrue();
        assertThat(IdNamespaces.isReservedOrderId("Bk_000001")).isTrue();
    }

    @Test
    void a_callers_own_order_ids_are_not() {
        assertThat(IdNamespaces.isReservedOrderId(OrderId.generate().value())).isFalse();
        assertThat(IdNamespaces.isReservedOrderId("shop-000123")).isFalse();
        assertThat(IdNamespaces.isReservedOrderId("subscription-gift-1")).isFalse();
        assertThat(IdNamespaces.isReservedOrderId(null)).isFalse();
    }
}
