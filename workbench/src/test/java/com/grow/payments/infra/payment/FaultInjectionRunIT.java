package com.grow.payments.infra.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.grow.payments.infra.IntegrationTest;
import com.grow.payments.sandbox.FaultKind;
import com.grow.payments.sandbox.FaultPlan;
import com.grow.payments.sandbox.SandboxClock;
import com.grow.payments.sandbox.SandboxPayment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 500 payments through random Toss failures (timeouts, 5xx, provider errors, answers lost after
 * approval, lost cancel answers). Once the janitor has settled everything, every won must agree:
 * per order and in total, what the service holds (approved minus refunded) equals what Toss holds.
 */
class FaultInjectionRunIT extends IntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(FaultInjectionRunIT.class);
    private static final int PAYMENTS = 500;

    @AfterEach
    void clearFaults() {
        sandbox().faults().clear();
    }

    @Test
    void five_hundred_payments_through_random_faults_settle_and_every_won_agrees_with_toss() {
        String token = token("member-fault-run");
        Random random = new Random(20261125L);
        FaultPlan faults = sandbox().faults();
        faults.inject(FaultPlan.CONFIRM, FaultKind.TIMEOUT, 25, Duration.ofMillis(1500));
        faults.inject(FaultPlan.CONFIRM, FaultKind.LOST_ANSWER, 25, Duration.ofMillis(1500));
        faults.inject(FaultPlan.CONFIRM, FaultKind.SERVER_ERROR, 20);
        faults.inject(FaultPlan.CONFIRM, FaultKind.PROVIDER_ERROR, 10);
        faults.inject(FaultPlan.CANCEL, FaultKind.LOST_ANSWER, 10, Duration.ofMillis(1500));
        faults.inject(FaultPlan.CANCEL, FaultKind.SERVER_ERROR, 10);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<CompletableFuture<String>> runs = new ArrayList<>();
        for (int i = 0; i < PAYMENTS; i++) {
            long amount = 1000 + random.nextInt(200) * 100L;
            boolean declined = random.nextInt(20) == 0;
            long cancel = random.nextInt(4) == 0 ? amount / 2 : 0;
            runs.add(CompletableFuture.supplyAsync(() -> pay(token, amount, declined, cancel), pool));
        }
        List<String> orders = runs.stream().map(CompletableFuture::join).toList();
        pool.shutdown();
        faults.clear();
        // what Toss never processed stays IN_PROGRESS there until its 10-minute window closes
        ((SandboxClock) sandbox().clock()).advance(Duration.ofMinutes(11));

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> openCount(orders) == 0);

        Map<String, Long> byStatus = new TreeMap<>();
        long serviceHolds = 0;
        long tossHolds = 0;
        for (String orderId : orders) {
            Map<String, Object> row = jdbc.queryForMap(
                    "SELECT status, balance_amount FROM payment_view WHERE order_id = ?", orderId);
            String status = (String) row.get("status");
            byStatus.merge(status, 1L, Long::sum);
            long held = status.equals("DONE") || status.endsWith("CANCELED") ? ((Number) row.get("balance_amount")).longValue() : 0;
            SandboxPayment atToss = sandbox().payment(orderId).orElseThrow();
            long tossHeld = atToss.approvedAt() == null ? 0 : atToss.balanceAmount();
            assertThat(held).as("won held for " + orderId + " (" + status + " here, " + atToss.status() + " at Toss)")
                    .isEqualTo(tossHeld);
            serviceHolds += held;
            tossHolds += tossHeld;
        }
        log.info("FAULT RUN: {} payments, final states {}, service holds {} won, Toss holds {} won, "
                        + "Toss approved {} won and refunded {} won in all",
                orders.size(), byStatus, serviceHolds, tossHolds, sandbox().stats().approvedAmountTotal(),
                sandbox().stats().canceledAmountTotal());
        assertThat(serviceHolds).isEqualTo(tossHolds);
        assertThat(byStatus).doesNotContainKeys("IN_PROGRESS", "UNKNOWN");
    }

    private String pay(String token, long amount, boolean declined, long cancel) {
        String[] payment = checkoutAndAuthorize(token, amount, declined ? "REJECT_CARD_PAYMENT" : null);
        Reply confirmed = confirm(token, payment[0], payment[1], amount);
        if (confirmed.status() == 200 && cancel > 0) {
            post("/api/v1/payments/" + payment[0] + "/cancel", token,
                    "{\"cancelReason\":\"partial refund\",\"cancelAmount\":" + cancel + "}");
        }
        return payment[0];
    }

    private long openCount(List<String> orders) {
        return jdbc.queryForObject("""
                SELECT count(*) FROM payment_view
                WHERE order_id = ANY (?) AND (status IN ('IN_PROGRESS', 'UNKNOWN', 'READY') OR cancel_in_progress)""",
                Long.class, (Object) orders.toArray(new String[0]));
    }
}
