package com.grow.payments.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class StandaloneBannerTest {

    @Test
    void names_every_address_a_newcomer_needs() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("local.server.port", "18080")
                .withProperty("toss.base-url", "http://127.0.0.1:18090")
                .withProperty("spring.kafka.bootstrap-servers", "127.0.0.1:19092");

        String banner = StandaloneBanner.text(env);

        assertThat(banner)
                .contains("http://localhost:18080/api/v1")
                .contains("http://localhost:18080/swagger-ui.html")
                .contains("http://127.0.0.1:18090/sandbox/checkout")
                .contains("http://127.0.0.1:18090/sandbox/billing-auth")
                .contains("127.0.0.1:19092")
                .contains("http://localhost:18080/actuator/prometheus")
                .contains("curl -s 'http://localhost:18080/dev/token?sub=member-1&roles=USER'");
    }

    @Test
    void points_prometheus_at_the_management_port_when_there_is_one() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("local.server.port", "18080")
                .withProperty("local.management.port", "18081");

        assertThat(StandaloneBanner.text(env)).contains("http://localhost:18081/actuator/prometheus");
    }
}
