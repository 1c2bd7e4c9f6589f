package com.grow.payments.infra.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.grow.payments.infra.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ledger on the real service: money facts journaled from the event store, balanced, ADMIN only. */
class LedgerIT extends IntegrationTest {

    private static final Duration PROJECTED = Duration.ofSeconds(20);

    private String admin() {
        return token("ops-ledger", "ADMIN");
    }

    private JsonNode journalOf(String orderId) {
        Reply journal = get("/api/v1/ledger/orders/" + orderId, admin());
        assertThat(journal.status()).as(journal.body()).isEqualTo(200);
        return journal.json();
    }

    private static List<String> kinds(JsonNode journal) {
        List<String> kinds = new ArrayList<>();
        journal.path("entries").forEach(entry -> kinds.add(entry.path("kind").asText()));
        return kinds;
    }

    private static JsonNode account(JsonNode balances, String account) {
        for (JsonNode line : balances.path("accounts")) {
            if (line.path("account").asText().equals(account)) {
                return line;
            }
        }
        throw new AssertionError("no account " + account + " in " + balances);
    }

    private static String line(JsonNode entry, int index) {
        JsonNode line = entry.path("lines").get(index);
        return line.path("account").asText() + " Dr " + line.path("debit").asLong() + " Cr " + line.path("credit").asLong();
    }

    @Test
    void a_payment_its_partial_and_full_cancel_are_journaled_each_from_its_event() {
        String token = token("member-ledger-card");
        String[] payment = checkoutAndAuthorize(token, 50_000, null);
        assertThat(confirm(token, payment[0], payment[1], 50_000).status()).isEqualTo(200);
        Reply partial = post("/api/v1/payments/" + payment[0] + "/cancel", token,
                "{\"cancelReason\":\"one lesson missed\",\"cancelAmount\":20000}");
        assertThat(partial.status()).as(partial.body()).isEqualTo(200);

        await().atMost(PROJECTED).untilAsserted(() ->
                assertThat(kinds(journalOf(payment[0]))).containsExactly("APPROVAL", "CANCEL"));
        JsonNode afterPartial = journalOf(payment[0]);
        JsonNode approval = afterPartial.path("entries").get(0);
        assertThat(line(approval, 0)).isEqualTo("toss_receivable Dr 50000 Cr 0");
        assertThat(line(approval, 1)).isEqualTo("customer_payments Dr 0 Cr 50000");
        JsonNode cancel = afterPartial.path("entries").get(1);
        assertThat(line(cancel, 0)).isEqualTo("customer_payments Dr 20000 Cr 0");
        assertThat(line(cancel, 1)).isEqualTo("toss_receivable Dr 0 Cr 20000");
        // what stands of the order is its balance: approved 50,000 less 20,000 cancelled
        assertThat(account(afterPartial.path("balances"), "customer_payments").path("balance").asLong())
                .isEqualTo(partial.json().path("balanceAmount").asLong()).isEqualTo(30_000);

        Reply rest = post("/api/v1/payments/" + payment[0] + "/cancel", token, "{\"cancelReason\":\"course dropped\"}");
        assertThat(rest.status()).as(rest.body()).isEqualTo(200);
        assertThat(rest.json().path("status").asText()).isEqualTo("CANCELED");

        await().atMost(PROJECTED).untilAsserted(() ->
                assertThat(kinds(journalOf(payment[0]))).containsExactly("APPROVAL", "CANCEL", "CANCEL"));
        JsonNode settled = journalOf(payment[0]);
        assertThat(account(settled.path("balances"), "toss_receivable").path("balance").asLong()).isZero();
        assertThat(account(settled.path("balances"), "customer_payments").path("debit").asLong()).isEqualTo(50_000);
        assertThat(settled.path("balances").path("balanced").asBoolean()).isTrue();

        // every entry names the event it records, one of the payment's own
        Set<String> eventIds = new HashSet<>();
        get("/api/v1/payments/" + payment[0] + "/events", token).json()
                .forEach(event -> eventIds.add(event.path("eventId").asText()));
        settled.path("entries").forEach(entry -> assertThat(eventIds).contains(entry.path("eventId").asText()));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM journal_entry WHERE subject = ?", Long.class, payment[0]))
                .isEqualTo(3);
    }

    @Test
    void a_virtual_account_deposit_is_a_customer_payment_and_its_reversal_the_same_entry_reversed() {
        String token = token("member-ledger-va");
        Reply opened = post("/api/v1/virtual-accounts", token, "{\"orderName\":\"Ceramics class\",\"amount\":30000,"
                + "\"bank\":\"20\",\"customerName\":\"김그로\",\"validHours\":24}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String orderId = opened.json().path("orderId").asText();
        String secret = atToss(orderId).path("secret").asText();
        sandbox().deposit(orderId);
        assertThat(webhook(depositCallback(orderId, secret, "DONE")).status()).isEqualTo(200);

        await().atMost(PROJECTED).untilAsserted(() -> assertThat(kinds(journalOf(orderId))).containsExactly("DEPOSIT"));
        JsonNode deposit = journalOf(orderId).path("entries").get(0);
        assertThat(line(deposit, 0)).isEqualTo("toss_receivable Dr 30000 Cr 0");
        assertThat(line(deposit, 1)).isEqualTo("customer_payments Dr 0 Cr 30000");

        sandbox().depositError(orderId);
        assertThat(webhook(depositCallback(orderId, secret, "WAITING_FOR_DEPOSIT")).status()).isEqualTo(200);

        await().atMost(PROJECTED).untilAsserted(() ->
                assertThat(kinds(journalOf(orderId))).containsExactly("DEPOSIT", "DEPOSIT_REVERSAL"));
        JsonNode reversal = journalOf(orderId).path("entries").get(1);
        assertThat(line(reversal, 0)).isEqualTo("toss_receivable Dr 0 Cr 30000");
        assertThat(line(reversal, 1)).isEqualTo("customer_payments Dr 30000 Cr 0");
        assertThat(account(journalOf(orderId).path("balances"), "toss_receivable").path("balance").asLong()).isZero();
    }

    @Test
    void the_trial_balance_is_balanced_and_only_for_admin() {
        String token = token("member-ledger-trial");
        String[] payment = checkoutAndAuthorize(token, 12_000, null);
        assertThat(confirm(token, payment[0], payment[1], 12_000).status()).isEqualTo(200);
        await().atMost(PROJECTED).untilAsserted(() ->
                assertThat(kinds(journalOf(payment[0]))).containsExactly("APPROVAL"));

        Reply trial = get("/api/v1/ledger/balances", admin());

        assertThat(trial.status()).as(trial.body()).isEqualTo(200);
        JsonNode balances = trial.json();
        assertThat(balances.path("balanced").asBoolean()).isTrue();
        assertThat(balances.path("totalDebits").asLong()).isPositive().isEqualTo(balances.path("totalCredits").asLong());
        List<String> accounts = new ArrayList<>();
        balances.path("accounts").forEach(account -> accounts.add(account.path("account").asText()));
        assertThat(accounts).containsExactly("toss_receivable", "customer_payments", "subscription_payments",
                "compensation_refunds_payable", "bank", "toss_fees");
        // what Toss owes, what it paid out and the fees it kept are what the customers' payments, the
        // charges and the refunds owed add up to
        assertThat(account(balances, "toss_receivable").path("balance").asLong()
                + account(balances, "bank").path("balance").asLong()
                + account(balances, "toss_fees").path("balance").asLong()).isEqualTo(
                account(balances, "customer_payments").path("balance").asLong()
                        + account(balances, "subscription_payments").path("balance").asLong()
                        + account(balances, "compensation_refunds_payable").path("balance").asLong());

        Reply refused = get("/api/v1/ledger/balances", token);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.code()).isEqualTo("FORBIDDEN");
        assertThat(get("/api/v1/ledger/orders/" + payment[0], token).status()).isEqualTo(403);
        assertThat(get("/api/v1/ledger/balances", null).status()).isEqualTo(401);
    }

    @Test
    void a_replay_rebuilds_the_same_journal_from_the_events() {
        String token = token("member-ledger-replay");
        String[] payment = checkoutAndAuthorize(token, 8_000, null);
        assertThat(confirm(token, payment[0], payment[1], 8_000).status()).isEqualTo(200);
        assertThat(post("/api/v1/payments/" + payment[0] + "/cancel", token,
                "{\"cancelReason\":\"x\",\"cancelAmount\":3000}").status()).isEqualTo(200);
        await().atMost(PROJECTED).untilAsserted(() ->
                assertThat(kinds(journalOf(payment[0]))).containsExactly("APPROVAL", "CANCEL"));
        List<String> before = entriesWithoutNumbers(journalOf(payment[0]));

        Reply replay = post("/api/v1/admin/projections/ledger/replay", admin(), "");
        assertThat(replay.status()).as(replay.body()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(get("/api/v1/admin/projections/ledger", admin()).json().path("replaying").asBoolean()).isFalse();
            assertThat(entriesWithoutNumbers(journalOf(payment[0]))).isEqualTo(before);
        });
        assertThat(get("/api/v1/ledger/balances", admin()).json().path("balanced").asBoolean()).isTrue();
    }

    /** An order's entries as the events make them: the journal numbers and recording times change on a replay. */
    private static List<String> entriesWithoutNumbers(JsonNode journal) {
        List<String> entries = new ArrayList<>();
        journal.path("entries").forEach(entry -> {
            StringBuilder text = new StringBuilder(entry.path("eventId").asText()).append(' ')
                    .append(entry.path("kind").asText()).append(' ').append(entry.path("occurredAt").asText());
            for (int i = 0; i < entry.path("lines").size(); i++) {
                text.append(" | ").append(line(entry, i));
            }
            entries.add(text.toString());
        });
        return entries;
    }

    // --- Toss's side of a virtual account (as VirtualAccountWebhookIT plays it)
}
