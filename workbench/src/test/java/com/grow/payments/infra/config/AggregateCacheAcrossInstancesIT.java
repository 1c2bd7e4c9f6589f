package com.grow.payments.infra.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.grow.payments.infra.GrowPaymentsApplication;
import com.grow.payments.infra.IntegrationTest;
import com.grow.payments.infra.TestClock;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.payment.PaymentCommands.FlagPaymentForOperator;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Two instances on one event store, each keeping the payments it last wrote in memory: a payment
 * the other instance wrote since is read anew before a command is handled here, never handled on
 * the state this instance kept.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AggregateCacheAcrossInstancesIT extends IntegrationTest {

    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startSecondInstance() {
        second = new SpringApplicationBuilder(GrowPaymentsApplication.class, TestClock.Configuration.class)
                .profiles("standalone")
                .run("--server.port=0", "--payments.sandbox.port=0", "--payments.standalone.kafka-port=0",
                        "--toss.read-timeout=1s");
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void a_payment_the_other_instance_wrote_since_is_read_anew_before_a_command_here() {
        String token = token("member-two-instances");
        String orderId = post("/api/v1/payments", token, "{\"orderName\":\"Hobby class\",\"amount\":8000}")
                .json().path("orderId").asText();
        assertThat(eventCount(orderId)).isEqualTo(1);

        // the other instance flags it for an operator: this one last saw it unflagged
        second.getBean(CommandGateway.class).sendAndWait(new FlagPaymentForOperator(new OrderId(orderId),
                "flagged on the other instance"));
        assertThat(eventCount(orderId)).isEqualTo(2);

        // only a flagged payment can be resolved: on the state kept here it would be refused
        Reply resolved = post("/api/v1/admin/payments/" + orderId + "/resolve", token("ops-two-instances", "ADMIN"),
                "{\"note\":\"checked with Toss\"}");
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertThat(resolved.json().path("needsAttention").asBoolean()).isFalse();
        assertThat(eventCount(orderId)).isEqualTo(3);
    }
}
