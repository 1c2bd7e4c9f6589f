package com.grow.payments.infra.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.grow.payments.infra.IntegrationTest;
import com.grow.payments.query.support.ReadModelStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The read models as users rely on them, on whichever database this context keeps them in: the
 * same tests run on PostgreSQL ({@link PostgresReadModelsIT}) and MariaDB ({@link MariaDbReadModelsIT}).
 */
abstract class ReadModelsContract extends IntegrationTest {

    private static final String[] MIX = {"approve", "approve", "approve", "decline", "partial", "full", "account",
            "withdrawn"};

    @Autowired
    ReadModelStore readModels;

    /** How many mixed payments the rebuild test makes before it rebuilds. */
    abstract int mixedPayments();

    /** A prefix for this vendor's members, so the two suites never share a member. */
    abstract String members();

    @Test
    void one_members_history_is_theirs_only_newest_first_filtered_by_status_and_paged() {
        String member = members() + "-history-" + UUID.randomUUID();
        String token = token(member);
        String other = token(members() + "-other-" + UUID.randomUUID());
        List<String> paid = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            paid.add(pay(token, 1_000 + i, "approve"));
        }
        String declined = pay(token, 2_000, "decline");
        pay(other, 3_000, "approve");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(get("/api/v1/payments?size=10", token).json().path("totalElements").asLong()).isEqualTo(4));
        JsonNode page = get("/api/v1/payments?size=2&page=0", token).json();
        assertThat(page.path("content")).extracting(n -> n.path("orderId").asText())
                .containsExactly(declined, paid.get(2));
        assertThat(page.path("totalElements").asLong()).isEqualTo(4);
        JsonNode second = get("/api/v1/payments?size=2&page=1", token).json();
        assertThat(second.path("content")).extracting(n -> n.path("orderId").asText())
                .containsExactly(paid.get(1), paid.get(0));
        assertThat(second.path("totalElements").asLong()).isEqualTo(4);
        JsonNode pastTheEnd = get("/api/v1/payments?size=2&page=7", token).json();
        assertThat(pastTheEnd.path("content")).isEmpty();
        assertThat(pastTheEnd.path("totalElements").asLong()).as("counted although no row carries the count")
                .isEqualTo(4);
        JsonNode done = get("/api/v1/payments?status=DONE", token).json();
        assertThat(done.path("totalElements").asLong()).isEqualTo(3);
        assertThat(done.path("content")).allSatisfy(p -> assertThat(p.path("memberId").asText()).isEqualTo(member));
        assertThat(get("/api/v1/payments?status=ABORTED", token).json().path("content"))
                .extracting(n -> n.path("orderId").asText()).containsExactly(declined);
        assertThat(get("/api/v1/payments/" + paid.get(0), other).status()).isEqualTo(404);
    }

    @Test
    void a_members_page_on_100k_rows_reads_that_member_through_the_index_not_the_table() {
        String prefix = "explain_" + UUID.randomUUID().toString().substring(0, 8) + "_";
        insertSyntheticRows(prefix, 100_000, 1_000);
        try {
            String member = prefix + "m7";
            analyze();
            String where = " WHERE 1 = 1 AND member_id = '" + member + "'";
            // the page and its count in one statement, as the service sends it
            String plan = explain("SELECT order_id, last_sequence, document, (SELECT count(*) FROM payment_view" + where
                    + ") AS total_rows FROM payment_view" + where
                    + " ORDER BY requested_at DESC, order_id DESC LIMIT 20 OFFSET 0");
            assertThat(plan).as(plan).contains("payment_view_member");
            assertThat(plan).as("no full scan of payment_view:\n" + plan)
                    .doesNotContain("Seq Scan").doesNotContainPattern("(?i)\\btype=ALL\\b");
            // a page past the last row counts on its own
            String count = explain("SELECT count(*) FROM payment_view" + where);
            assertThat(count).as(count).contains("payment_view_member").doesNotContain("Seq Scan")
                    .doesNotContainPattern("(?i)\\btype=ALL\\b");
            // and the answer is right: that member's 100 rows, newest first
            JsonNode page = get("/api/v1/payments?size=5", token(member)).json();
            assertThat(page.path("totalElements").asLong()).isEqualTo(100);
        } finally {
            readModels.jdbc().sql("DELETE FROM payment_view WHERE order_id LIKE ?").param(prefix + "%").update();
        }
    }

    @Test
    void every_read_model_rebuilt_from_the_events_equals_the_original_row_for_row() throws Exception {
        String member = members() + "-rebuild-" + UUID.randomUUID();
        String token = token(member);
        List<String> orders = new ArrayList<>(payMixed(token, mixedPayments()));
        orders.add(subscribedAndCharged(token));
        String admin = token("ops-" + members(), "ADMIN");
        awaitCaughtUp(admin);

        Map<String, String> before = checksums(member, orders);
        for (String projection : List.of("payment-history", "subscription-history", "ledger", "billing-key-history")) {
            if (projectionExists(admin, projection)) {
                Reply replay = post("/api/v1/admin/projections/" + projection + "/replay", admin, "");
                assertThat(replay.status()).as(replay.body()).isEqualTo(202);
            }
        }
        awaitCaughtUp(admin);
        assertThat(checksums(member, orders)).isEqualTo(before);
        assertThat(before.get("payment_view")).as("the rebuild compared rows").doesNotStartWith("0:");
        assertThat(before.get("subscription_view")).as("the rebuild compared rows").startsWith("1:");
        assertThat(before.get("billing_key_view")).as("the rebuild compared rows").startsWith("1:");
    }

    @Test
    void side_effecting_processors_are_listed_but_never_replayed() {
        pay(token(members() + "-listing"), 1_000, "approve");
        String admin = token("ops-" + members(), "ADMIN");
        JsonNode listed = get("/api/v1/admin/projections", admin).json();
        assertThat(listed.path("head").asLong()).isPositive();
        assertThat(listed.path("processors")).extracting(p -> p.path("name").asText())
                .contains("payment-history", "integration-publisher", "PaymentConfirmationSagaProcessor");
        for (JsonNode processor : listed.path("processors")) {
            assertThat(processor.path("replayable").asBoolean()).as(processor.toString())
                    .isEqualTo(List.of("payment-history", "subscription-history", "ledger", "billing-key-history")
                            .contains(processor.path("name").asText()));
            assertThat(processor.path("segments").size()).as(processor.toString()).isPositive();
        }
        for (String sideEffects : List.of("integration-publisher", "PaymentConfirmationSagaProcessor", "payment-janitor")) {
            Reply refused = post("/api/v1/admin/projections/" + sideEffects + "/replay", admin, "");
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.code()).isEqualTo("PROJECTION_NOT_REPLAYABLE");
        }
        assertThat(post("/api/v1/admin/projections/no-such/replay", admin, "").code()).isEqualTo("PROJECTION_NOT_FOUND");
        assertThat(get("/api/v1/admin/projections", token(members() + "-user")).status()).isEqualTo(403);
    }

    // ---------------------------------------------------------------- helpers

    private List<String> payMixed(String token, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> payments = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String kind = MIX[i % MIX.length];
                long amount = 1_000 + (i % 50) * 100;
                payments.add(pool.submit(() -> pay(token, amount, kind)));
            }
            List<String> orders = new ArrayList<>();
            for (Future<String> payment : payments) {
                orders.add(payment.get());
            }
            return orders;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One payment of the mix, ended as its kind says; its order id. */
    private String pay(String token, long amount, String kind) {
        if (kind.equals("account") || kind.equals("withdrawn")) {
            Reply opened = post("/api/v1/virtual-accounts", token, "{\"orderName\":\"Ceramics class\",\"amount\":"
                    + amount + ",\"bank\":\"20\",\"customerName\":\"김그로\",\"validHours\":24}");
            assertThat(opened.status()).as(opened.body()).isEqualTo(201);
            String orderId = opened.json().path("orderId").asText();
            if (kind.equals("withdrawn")) {
                Reply withdrawn = post("/api/v1/payments/" + orderId + "/cancel", token, "{\"cancelReason\":\"no\"}");
                assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
            }
            return orderId;
        }
        String[] payment = checkoutAndAuthorize(token, amount, kind.equals("decline") ? "REJECT_CARD_PAYMENT" : null);
        Reply confirmed = confirm(token, payment[0], payment[1], amount);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(kind.equals("decline") ? 402 : 200);
        if (kind.equals("partial") || kind.equals("full")) {
            String body = kind.equals("partial") ? "{\"cancelReason\":\"one seat\",\"cancelAmount\":300}"
                    : "{\"cancelReason\":\"all seats\"}";
            Reply cancelled = post("/api/v1/payments/" + payment[0] + "/cancel", token, body);
            assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        }
        return payment[0];
    }

    /**
     * A subscription whose first cycle is charged at once: the order id of that charge. The
     * subscription is cancelled then, so that no later test that moves the shared clock a month
     * on finds it due and has it charged (taking a fault that test injected for its own charge).
     */
    private String subscribedAndCharged(String token) {
        String customerKey = UUID.randomUUID().toString();
        Reply key = post("/api/v1/billing-keys", token, "{\"authKey\":\"" + sandbox().authorizeBilling(customerKey, null)
                + "\",\"customerKey\":\"" + customerKey + "\"}");
        assertThat(key.status()).as(key.body()).isEqualTo(201);
        Reply subscribed = post("/api/v1/subscriptions", token, "{\"billingKeyId\":\"" + key.json().path("billingKeyId")
                .asText() + "\",\"planId\":\"pro\",\"orderName\":\"Pro plan\",\"amount\":9900,\"cycle\":\"MONTHLY\"}");
        assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);
        String id = subscribed.json().path("subscriptionId").asText();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                get("/api/v1/subscriptions/" + id, token).json().path("charges").path(0).path("status").asText())
                .isEqualTo("DONE"));
        String chargeOrder = get("/api/v1/subscriptions/" + id, token).json().path("charges").path(0).path("orderId")
                .asText();
        JsonNode listed = get("/api/v1/subscriptions?size=5", token).json();
        assertThat(listed.path("content")).extracting(n -> n.path("subscriptionId").asText()).contains(id);
        assertThat(listed.path("totalElements").asLong()).isEqualTo(listed.path("content").size());
        JsonNode pastTheEnd = get("/api/v1/subscriptions?size=5&page=9", token).json();
        assertThat(pastTheEnd.path("content")).isEmpty();
        assertThat(pastTheEnd.path("totalElements").asLong()).isEqualTo(listed.path("totalElements").asLong());
        Reply cancelled = post("/api/v1/subscriptions/" + id + "/cancel", token, "{}");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        return chargeOrder;
    }

    private void awaitCaughtUp(String admin) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            for (JsonNode processor : get("/api/v1/admin/projections", admin).json().path("processors")) {
                if (processor.path("replayable").asBoolean()) {
                    assertThat(processor.path("replaying").asBoolean()).as(processor.toString()).isFalse();
                    assertThat(processor.path("lag").asLong()).as(processor.toString()).isZero();
                }
            }
        });
    }

    private boolean projectionExists(String admin, String name) {
        return get("/api/v1/admin/projections/" + name, admin).status() == 200;
    }

    /** A SHA-256 per read-model table over this test's rows, in a fixed order, every column that is derived. */
    private Map<String, String> checksums(String member, List<String> orders) {
        Map<String, String> sums = new LinkedHashMap<>();
        sums.put("payment_view", digest(readModels.jdbc().sql("""
                        SELECT order_id, member_id, payment_key, order_name, method, status, total_amount, balance_amount,
                            currency, requested_at, approved_at, due_date, document, last_sequence, updated_at,
                            cancel_in_progress, needs_attention
                        FROM payment_view WHERE member_id = ? ORDER BY order_id""")
                .param(member).query().listOfRows()));
        sums.put("subscription_view", digest(readModels.jdbc().sql("""
                        SELECT subscription_id, member_id, billing_key_id, status, next_charge_at, charge_in_progress,
                            in_flight_order_id, started_at, updated_at, document, last_sequence
                        FROM subscription_view WHERE member_id = ? ORDER BY subscription_id""")
                .param(member).query().listOfRows()));
        sums.put("billing_key_view", digest(readModels.jdbc().sql("""
                        SELECT billing_key_id, member_id, card_company, card_number_masked, status, created_at,
                            updated_at, last_sequence
                        FROM billing_key_view WHERE member_id = ? ORDER BY billing_key_id""")
                .param(member).query().listOfRows()));
        if (tableExists("journal_entry")) {
            List<Map<String, Object>> entries = new ArrayList<>();
            List<Map<String, Object>> lines = new ArrayList<>();
            for (String orderId : orders) {
                entries.addAll(readModels.jdbc().sql("SELECT * FROM journal_entry WHERE subject = ? ORDER BY event_id")
                        .param(orderId).query().listOfRows().stream()
                        .map(ReadModelsContract::withoutRecordingColumns).toList());
                // lines by the event their entry posts (entry ids are the database's own numbering)
                lines.addAll(readModels.jdbc().sql("""
                                SELECT e.event_id, l.line_no, l.account, l.debit, l.credit
                                FROM journal_line l JOIN journal_entry e ON e.entry_id = l.entry_id
                                WHERE e.subject = ? ORDER BY e.event_id, l.line_no""")
                        .param(orderId).query().listOfRows());
            }
            sums.put("journal_entry", digest(entries));
            sums.put("journal_line", digest(lines));
        }
        return sums;
    }

    /** When a row was written and its surrogate key are not derived from the events. */
    private static Map<String, Object> withoutRecordingColumns(Map<String, Object> row) {
        Map<String, Object> derived = new LinkedHashMap<>(row);
        derived.keySet().removeIf(column -> column.equalsIgnoreCase("recorded_at") || column.equalsIgnoreCase("entry_id")
                || column.equalsIgnoreCase("id"));
        return derived;
    }

    private boolean tableExists(String table) {
        try {
            readModels.jdbc().sql("SELECT count(*) FROM " + table + " WHERE 1 = 0").query(Long.class).single();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String digest(List<Map<String, Object>> rows) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map<String, Object> row : rows) {
                for (Map.Entry<String, Object> column : row.entrySet()) {
                    Object value = column.getValue() instanceof Timestamp t ? t.toInstant() : column.getValue();
                    sha.update((column.getKey().toLowerCase() + "=" + value + "\u0001").getBytes(StandardCharsets.UTF_8));
                }
                sha.update((byte) '\n');
            }
            return rows.size() + ":" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows written straight into the table, a thousand per statement, spread over {@code membersCount} members. */
    private void insertSyntheticRows(String prefix, int rows, int membersCount) {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        int perStatement = 1_000;
        for (int first = 0; first < rows; first += perStatement) {
            StringBuilder sql = new StringBuilder("""
                    INSERT INTO payment_view (order_id, member_id, order_name, status, total_amount, balance_amount,
                        currency, requested_at, document, last_sequence, updated_at, cancel_in_progress,
                        needs_attention) VALUES """);
            List<Object> params = new ArrayList<>();
            for (int i = first; i < Math.min(rows, first + perStatement); i++) {
                Timestamp at = Timestamp.from(start.plusSeconds(i));
                String orderId = prefix + i;
                String member = prefix + "m" + (i % membersCount);
                sql.append(i == first ? "" : ", ").append("(?, ?, 'Synthetic', 'DONE', 1000, 1000, 'KRW', ?, ?, 0, ?, FALSE, FALSE)");
                params.addAll(List.of(orderId, member, at, "{\"orderId\":\"" + orderId + "\",\"memberId\":\"" + member
                        + "\",\"status\":\"DONE\",\"totalAmount\":1000,\"balanceAmount\":1000,\"currency\":\"KRW\","
                        + "\"cancels\":[]}", at));
            }
            readModels.jdbc().sql(sql.toString()).params(params).update();
        }
    }

    /** Fresh statistics, as autovacuum or InnoDB would gather after such an insert. */
    private void analyze() {
        if (readModels.vendor() == ReadModelStore.Vendor.POSTGRESQL) {
            readModels.jdbc().sql("ANALYZE payment_view").update();
        } else {
            readModels.jdbc().sql("ANALYZE TABLE payment_view").query().listOfRows();
        }
    }

    /** The database's plan for a query, one line per plan row ({@code key=value} columns on MySQL). */
    private String explain(String sql) {
        return String.join("\n", readModels.jdbc().sql("EXPLAIN " + sql).query().listOfRows().stream()
                .map(row -> readModels.vendor() == ReadModelStore.Vendor.POSTGRESQL
                        ? String.valueOf(row.values().iterator().next()) : row.toString().replace(", ", " "))
                .toList());
    }
}
