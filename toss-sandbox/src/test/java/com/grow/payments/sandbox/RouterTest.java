package com.grow.payments.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RouterTest {

    private static final Router.Handler OK = request -> SandboxResponse.json(200, "ok");

    @Test
    void a_template_with_more_literal_segments_wins_whatever_the_registration_order() {
        Router router = new Router()
                .toss("POST", "/v1/billing/{billingKey}", "billing-charge", OK)
                .toss("POST", "/v1/billing/authorizations", "billing-issue", OK);

        Router.Lookup lookup = router.find("POST", "/v1/billing/authorizations");

        assertThat(lookup).isInstanceOf(Router.Found.class);
        assertThat(((Router.Found) lookup).route().endpoint()).isEqualTo("billing-issue");
    }

    @Test
    void path_variables_are_decoded() {
        Router router = new Router().toss("GET", "/v1/payments/orders/{orderId}", "lookup", OK);

        Router.Found found = (Router.Found) router.find("GET", "/v1/payments/orders/order%2D01+x");

        assertThat(found.params()).containsEntry("orderId", "order-01+x");
    }

    @Test
    void a_known_path_with_another_method_is_method_not_allowed_and_an_unknown_path_is_not_found() {
        Router router = new Router().toss("POST", "/v1/payments/confirm", "confirm", OK);

        assertThat(router.find("GET", "/v1/payments/confirm")).isInstanceOf(Router.MethodNotAllowed.class);
        assertThat(router.find("POST", "/v1/payments/confirm/extra")).isInstanceOf(Router.NotFound.class);
        assertThat(router.find("POST", "/v1/payments/confirm/")).isInstanceOf(Router.Found.class);
    }

    @Test
    void toss_endpoints_list_what_faults_can_target() {
        Router router = new Router()
                .toss("POST", "/v1/payments/confirm", "confirm", OK)
                .sandbox("GET", "/sandbox/checkout", "checkout", OK);

        assertThat(router.tossEndpoints()).containsExactly("confirm");
    }
}
