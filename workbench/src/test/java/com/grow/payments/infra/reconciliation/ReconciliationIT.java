package com.grow.payments.infra.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.grow.payments.infra.IntegrationTest;
import com.grow.payments.sandbox.SandboxClock;
import com.grow.payments.sandbox.SandboxTransaction;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Reconciliation on the real service against the sandbox's transaction and settlement lists: what
 * Toss did that we never heard of is found and settled or flagged, settlements reach the ledger once.
 */
class ReconciliationIT extends IntegrationTest {

    /** The standalone card merchant's mId at the sandbox (merchant "checkout"). */
    private static final String CARD_MID = "tgrowcheckout";
    /** Merchants are reconciled in the order of their names (billing, checkout): the cursor names the merchant by it. */
    private static final int CARD_MERCHANT_INDEX = 1;


    private static final Duration RUN = Duration.ofSeconds(120);

    @Autowired
    private OurTransactions ours;

    @Autowired
    private Scheduler scheduler;

    @Autowired
    private java.time.Clock clock;

    /** The run of today made once for this class, after the scenarios below were set up at Toss. */
    private static JsonNode today;
    private static String consoleCancelled;
    private static String stray;
    private static String tampered;

    private String admin() {
        return token("ops-recon", "ADMIN");
    }

    private LocalDate sandboxToday() {
        return LocalDate.ofInstant(sandbox().clock().instant(), SEOUL);
    }

    private JsonNode run(String body) {
        Reply started = post("/api/v1/admin/reconciliation/runs", admin(), body);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json().path("status").asText()).isEqualTo("RUNNING");
        String runId = started.json().path("runId").asText();
        await().atMost(RUN).pollInterval(Duration.ofMillis(200)).until(() ->
                !"RUNNING".equals(get("/api/v1/admin/reconciliation/runs/" + runId, admin()).json().path("status").asText()));
        JsonNode run = get("/api/v1/admin/reconciliation/runs/" + runId, admin()).json();
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("DONE");
        return run;
    }

    private List<JsonNode> items(String runId, String status, String orderId) {
        List<JsonNode> found = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode answer = get("/api/v1/admin/reconciliation/runs/" + runId + "/items?size=1000&page=" + page
                    + (status == null ? "" : "&status=" + status), admin()).json();
            answer.path("content").forEach(item -> {
                if (orderId.equals(item.path("orderId").asText())) {
                    found.add(item);
                }
            });
            if (answer.path("content").size() < 1000) {
                return found;
            }
        }
    }

    private synchronized JsonNode todaysRun() {
        if (today == null) {
            String token = token("member-recon");
            String[] paid = checkoutAndAuthorize(token, 30_000, null);
            assertThat(confirm(token, paid[0], paid[1], 30_000).status()).isEqualTo(200);
            sandbox().cancelInConsole(paid[0], null, "고객 요청 (콘솔)");
            consoleCancelled = paid[0];

            stray = sandbox().createStrayPayment(CARD_MID, "stray-" + System.nanoTime(), "콘솔 결제", 7_000, 0).orderId();

            Reply checkout = post("/api/v1/payments", token, "{\"orderName\":\"Pottery\",\"amount\":10000}");
            tampered = checkout.json().path("orderId").asText();
            sandbox().createStrayPayment(CARD_MID, tampered, "Pottery", 9_000, 0);

            today = run("{\"date\":\"" + sandboxToday() + "\"}");
        }
        return today;
    }

    @Test
    void a_console_cancel_whose_webhook_never_came_is_found_and_ends_canceled_with_its_ledger_entries() {
        JsonNode run = todaysRun();
        String runId = run.path("runId").asText();

        List<JsonNode> cancels = items(runId, "MISSING_HERE", consoleCancelled);
        assertThat(cancels).hasSize(1);
        assertThat(cancels.get(0).path("kind").asText()).isEqualTo("CANCEL");
        assertThat(cancels.get(0).path("tossAmount").asLong()).isEqualTo(30_000);
        assertThat(cancels.get(0).path("action").asText()).isEqualTo("LOOKUP");
        assertThat(items(runId, "MATCHED", consoleCancelled)).singleElement()
                .satisfies(approval -> assertThat(approval.path("kind").asText()).isEqualTo("APPROVAL"));

        String admin = admin();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(status(consoleCancelled, admin)).isEqualTo("CANCELED");
            List<String> kinds = new ArrayList<>();
            get("/api/v1/ledger/orders/" + consoleCancelled, admin).json().path("entries")
                    .forEach(entry -> kinds.add(entry.path("kind").asText()));
            assertThat(kinds).containsExactly("APPROVAL", "CANCEL");
        });
    }

    @Test
    void a_payment_toss_has_and_we_do_not_is_missing_here_and_flagged_for_an_operator() {
        String runId = todaysRun().path("runId").asText();
        JsonNode item = items(runId, "MISSING_HERE", stray).get(0);
        assertThat(item.path("kind").asText()).isEqualTo("APPROVAL");
        assertThat(item.path("tossAmount").asLong()).isEqualTo(7_000);
        assertThat(item.path("ourAmount").isNull()).isTrue();
        assertThat(item.path("action").asText()).isEqualTo("FLAG");
        assertThat(item.path("needsAttention").asBoolean()).isTrue();
        assertThat(todaysRun().path("counts").path("missingHere").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void an_amount_toss_approved_other_than_checked_out_is_mismatched_looked_up_and_flagged() {
        String runId = todaysRun().path("runId").asText();
        JsonNode item = items(runId, "MISMATCHED", tampered).get(0);
        assertThat(item.path("tossAmount").asLong()).isEqualTo(9_000);
        assertThat(item.path("ourAmount").asLong()).isEqualTo(10_000);
        assertThat(item.path("action").asText()).isEqualTo("LOOKUP");
        assertThat(item.path("needsAttention").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?
                AND payload_type = 'com.grow.payments.shared.payment.PaymentNeedsAttention'""", Long.class, tampered))
                .isEqualTo(1);
    }

    @Test
    void items_export_as_csv_with_the_same_fields() {
        String runId = todaysRun().path("runId").asText();
        Reply csv = send(request(baseUrl(), "/api/v1/admin/reconciliation/runs/" + runId + "/items?status=MISSING_HERE",
                admin()).header("Accept", "text/csv").GET());
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("transactionKey,orderId,paymentKey,kind,tossAmount,ourAmount,tossStatus,"
                + "ourStatus,status,action,needsAttention,transactionAt,merchant,note");
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("," + stray + ",")
                .contains(",APPROVAL,7000,,DONE,,MISSING_HERE,FLAG,true,"));
        assertThat(lines).allSatisfy(line -> assertThat(line).doesNotContain("MATCHED,NONE"));
        assertThat(lines.length - 1L).isEqualTo(todaysRun().path("counts").path("missingHere").asLong());
    }

    @Test
    void settlements_of_a_paid_out_day_clear_the_receivable_once_however_often_the_day_is_run() {
        String token = token("member-recon-settle");
        String[] paid = checkoutAndAuthorize(token, 10_000, null);
        assertThat(confirm(token, paid[0], paid[1], 10_000).status()).isEqualTo(200);
        LocalDate paidOut = sandboxToday().plusDays(2);

        JsonNode first = run("{\"date\":\"" + paidOut + "\"}");
        assertThat(first.path("settlements").path("count").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(first.path("settlements").path("posted").asLong()).isGreaterThanOrEqualTo(1);
        String admin = admin();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode journal = get("/api/v1/ledger/orders/" + paid[0], admin).json();
            assertThat(journal.path("entries")).hasSize(2);
            JsonNode settlement = journal.path("entries").get(1);
            assertThat(settlement.path("kind").asText()).isEqualTo("SETTLEMENT");
            // 10,000 by card: fee 320 and VAT 32 stay with Toss, 9,648 reach the bank
            assertThat(lines(settlement)).containsExactly("bank Dr 9648 Cr 0", "toss_fees Dr 352 Cr 0",
                    "toss_receivable Dr 0 Cr 10000");
            assertThat(balance(journal.path("balances"), "toss_receivable")).isZero();
        });

        long entries = jdbc.queryForObject("SELECT count(*) FROM journal_entry", Long.class);
        JsonNode second = run("{\"date\":\"" + paidOut + "\"}");
        assertThat(second.path("settlements").path("count").asLong())
                .isEqualTo(first.path("settlements").path("count").asLong());
        assertThat(second.path("settlements").path("posted").asLong()).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM settlement_posting WHERE order_id = ?", Long.class, paid[0]))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM journal_entry WHERE subject = ?", Long.class, paid[0]))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM journal_entry", Long.class)).isGreaterThanOrEqualTo(entries);
        JsonNode balances = get("/api/v1/ledger/balances", admin).json();
        assertThat(balances.path("balanced").asBoolean()).isTrue();
        assertThat(balances.path("totalDebits").asLong()).isEqualTo(balances.path("totalCredits").asLong());
    }

    @Test
    void ten_thousand_transactions_over_several_pages_reconcile_in_one_run() {
        SandboxClock clock = (SandboxClock) sandbox().clock();
        Duration ahead = Duration.ofDays(400);
        LocalDate day;
        clock.advance(ahead);
        try {
            day = sandboxToday();
            for (int i = 0; i < 10_000; i++) {
                sandbox().createStrayPayment(CARD_MID, "bulk-" + day + "-" + i, "bulk", 1_000 + i, 0);
            }
        } finally {
            clock.advance(ahead.negated());
        }
        long pagesBefore = sandbox().stats().requestsByKey(tossSecretKey, "transactions");

        JsonNode run = run("{\"date\":\"" + day + "\"}");

        assertThat(run.path("counts").path("missingHere").asLong()).isEqualTo(10_000);
        assertThat(run.path("counts").path("matched").asLong()).isZero();
        // a thousand a page, and the empty page that ends the list: never the whole day at once
        assertThat(sandbox().stats().requestsByKey(tossSecretKey, "transactions") - pagesBefore).isEqualTo(11);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT item_key) FROM reconciliation_item WHERE run_id = ?",
                Long.class, run.path("runId").asText())).isEqualTo(10_000);
    }

    @Test
    void a_run_cut_short_by_a_dying_instance_is_taken_over_and_finished_from_its_cursor() {
        String token = token("member-recon-resume");
        String[] paid = checkoutAndAuthorize(token, 12_000, null);
        assertThat(confirm(token, paid[0], paid[1], 12_000).status()).isEqualTo(200);
        sandbox().cancelInConsole(paid[0], null, "콘솔 환불");
        SandboxTransaction cancel = sandbox().transactions(null).stream()
                .filter(tx -> tx.orderId().equals(paid[0]) && tx.kind() == SandboxTransaction.Kind.CANCEL)
                .findFirst().orElseThrow();
        // an instance stored the pages up to that cancel, then died before looking the cancel up
        String runId = "rcn_dead_" + System.nanoTime();
        LocalDate day = sandboxToday();
        jdbc.update("""
                INSERT INTO reconciliation_run (run_id, period_from, period_to, status, requested_by, started_at, owner,
                                                heartbeat_at, cursor_merchant, cursor_key)
                VALUES (?, ?, ?, 'RUNNING', 'ops', now() - interval '1 hour', 'recon-dead', now() - interval '1 hour', ?, ?)""",
                runId, day, day, CARD_MERCHANT_INDEX, cancel.transactionKey());
        for (SandboxTransaction tx : sandbox().transactions(CARD_MID)) {
            if (tx.sequence() < cancel.sequence() && LocalDate.ofInstant(tx.transactionAt(), SEOUL).equals(day)) {
                item(runId, tx, "MATCHED", "NONE", true);
            }
        }
        item(runId, cancel, "MISSING_HERE", "LOOKUP", false);

        String admin = admin();
        await().atMost(RUN).pollInterval(Duration.ofMillis(500)).until(() ->
                "DONE".equals(get("/api/v1/admin/reconciliation/runs/" + runId, admin).json().path("status").asText()));

        JsonNode run = get("/api/v1/admin/reconciliation/runs/" + runId, admin).json();
        assertThat(run.path("attempts").asInt()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(20)).until(() -> "CANCELED".equals(status(paid[0], admin)));
        // resumed after its cursor: nothing before it is read or stored again, and the cancel's look-up ran
        assertThat(jdbc.queryForList("SELECT status FROM reconciliation_item WHERE run_id = ? AND order_id = ?",
                String.class, runId, paid[0])).containsExactlyInAnyOrder("MATCHED", "MISSING_HERE");
        assertThat(jdbc.queryForObject("SELECT action_done FROM reconciliation_item WHERE run_id = ? AND item_key = ?",
                Boolean.class, runId, cancel.transactionKey())).isTrue();
    }

    @Test
    void our_movements_of_the_period_that_no_item_accounts_for_are_the_ones_missing_at_toss() {
        String token = token("member-recon-ours");
        String[] paid = checkoutAndAuthorize(token, 8_000, null);
        assertThat(confirm(token, paid[0], paid[1], 8_000).status()).isEqualTo(200);
        String approvalKey = sandbox().transactions(null).stream()
                .filter(tx -> tx.orderId().equals(paid[0])).findFirst().orElseThrow().transactionKey();
        String runId = "rcn_ours_" + System.nanoTime();
        jdbc.update("""
                INSERT INTO reconciliation_run (run_id, period_from, period_to, status, requested_by, started_at, owner,
                                                heartbeat_at, phase)
                VALUES (?, ?, ?, 'DONE', 'ops', now(), 'recon-test', now(), 'DONE')""", runId, sandboxToday(), sandboxToday());

        List<OurTransaction> unlisted = new ArrayList<>();
        ours.unlisted(runId, sandboxToday(), sandboxToday(), SEOUL, unlisted::add);
        assertThat(unlisted).filteredOn(tx -> tx.orderId().equals(paid[0])).singleElement().satisfies(tx -> {
            assertThat(tx.kind()).isEqualTo(ItemKind.APPROVAL);
            assertThat(tx.amount()).isEqualTo(8_000);
            assertThat(tx.transactionKey()).isEqualTo(approvalKey);
        });
        // a day earlier it is not of the period
        List<OurTransaction> dayBefore = new ArrayList<>();
        ours.unlisted(runId, sandboxToday().minusDays(1), sandboxToday().minusDays(1), SEOUL, dayBefore::add);
        assertThat(dayBefore).noneMatch(tx -> tx.orderId().equals(paid[0]));

        jdbc.update("""
                INSERT INTO reconciliation_item (run_id, item_key, merchant, transaction_key, order_id, payment_key, kind,
                                                 toss_amount, status, action, action_done)
                VALUES (?, ?, 'default', ?, ?, ?, 'APPROVAL', 8000, 'MATCHED', 'NONE', TRUE)""",
                runId, approvalKey, approvalKey, paid[0], paid[1]);
        List<OurTransaction> accounted = new ArrayList<>();
        ours.unlisted(runId, sandboxToday(), sandboxToday(), SEOUL, accounted::add);
        assertThat(accounted).noneMatch(tx -> tx.orderId().equals(paid[0]));
    }

    @Test
    void the_clustered_daily_job_runs_the_previous_seoul_day_at_four() throws Exception {
        Trigger trigger = scheduler.getTrigger(TriggerKey.triggerKey("daily-reconciliation", "reconciliation"));
        assertThat(trigger).isInstanceOf(CronTrigger.class);
        assertThat(((CronTrigger) trigger).getCronExpression()).isEqualTo("0 0 4 * * ?");
        assertThat(((CronTrigger) trigger).getTimeZone().getID()).isEqualTo("Asia/Seoul");

        String yesterday = LocalDate.now(clock.withZone(SEOUL)).minusDays(1).toString();
        scheduler.triggerJob(JobKey.jobKey("daily-reconciliation", "reconciliation"));

        String admin = admin();
        await().atMost(RUN).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode scheduled = null;
            for (JsonNode run : get("/api/v1/admin/reconciliation/runs?size=100", admin).json().path("content")) {
                if ("scheduler".equals(run.path("requestedBy").asText()) && !"RUNNING".equals(run.path("status").asText())) {
                    scheduled = run;
                }
            }
            assertThat(scheduled).isNotNull();
            assertThat(scheduled.path("status").asText()).isEqualTo("DONE");
            assertThat(scheduled.path("from").asText()).isEqualTo(yesterday);
            assertThat(scheduled.path("to").asText()).isEqualTo(yesterday);
        });
    }

    @Test
    void items_are_counted_by_outcome_for_prometheus() {
        todaysRun();
        Reply scrape = get("/actuator/prometheus", null);
        assertThat(scrape.body()).containsPattern("reconciliation_items_total\\{[^}]*status=\"MISSING_HERE\"[^}]*} [1-9]");
        assertThat(scrape.body()).contains("status=\"MISSING_AT_TOSS\"");
    }

    @Test
    void a_run_needs_a_day_or_a_period_and_an_admin() {
        assertThat(post("/api/v1/admin/reconciliation/runs", admin(), "{}").code()).isEqualTo("VALIDATION_FAILED");
        assertThat(post("/api/v1/admin/reconciliation/runs", admin(), "{\"from\":\"2026-11-26\",\"to\":\"2026-11-25\"}")
                .code()).isEqualTo("VALIDATION_FAILED");
        assertThat(post("/api/v1/admin/reconciliation/runs", token("member-recon-user"), "{\"date\":\"2026-11-25\"}")
                .status()).isEqualTo(403);
        assertThat(get("/api/v1/admin/reconciliation/runs/rcn_nope", admin()).code())
                .isEqualTo("RECONCILIATION_RUN_NOT_FOUND");
        assertThat(get("/api/v1/admin/reconciliation/runs", admin()).json().path("content").isArray()).isTrue();
    }

    private void item(String runId, SandboxTransaction tx, String status, String action, boolean done) {
        jdbc.update("""
                INSERT INTO reconciliation_item (run_id, item_key, merchant, transaction_key, order_id, payment_key, kind,
                                                 toss_amount, toss_status, status, action, action_done)
                VALUES (?, ?, 'default', ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                runId, tx.transactionKey(), tx.transactionKey(), tx.orderId(), tx.paymentKey(),
                tx.kind() == SandboxTransaction.Kind.APPROVAL ? "APPROVAL" : "CANCEL", tx.amount(), tx.status().name(),
                status, action, done);
    }

    private static List<String> lines(JsonNode entry) {
        List<String> lines = new ArrayList<>();
        entry.path("lines").forEach(line -> lines.add(line.path("account").asText() + " Dr " + line.path("debit").asLong()
                + " Cr " + line.path("credit").asLong()));
        return lines;
    }

    private static long balance(JsonNode balances, String account) {
        for (JsonNode line : balances.path("accounts")) {
            if (line.path("account").asText().equals(account)) {
                return line.path("balance").asLong();
            }
        }
        throw new AssertionError("no account " + account);
    }
}
