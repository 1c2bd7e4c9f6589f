package com.grow.payments.infra.reconciliation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Runs and their items in PostgreSQL (the event store's database, migrations V20 and V21). */
@Component
public class ReconciliationRuns {

    /** Where a run stands. */
    public enum Phase {
        TRANSACTIONS, OURS, SETTLEMENTS, DONE
    }

    /** A run as stored. */
    public record Run(String runId, LocalDate from, LocalDate to, String status, String requestedBy, Instant startedAt,
                      Instant finishedAt, int attempts, Phase phase, int cursorMerchant, String cursorKey,
                      int settlementPage, long settlementCount, long settlementFees, long settlementPayOut,
                      long settlementPosted, String failure) {
    }

    /** What one status of a run's items counts. */
    public record Counts(long matched, long mismatched, long missingHere, long missingAtToss) {
    }

    /** An item as stored. */
    public record Item(long itemId, String merchant, String transactionKey, String orderId, String paymentKey,
                       ItemKind kind, Long tossAmount, Long ourAmount, String tossStatus, String ourStatus,
                       Instant transactionAt, ItemStatus status, ItemAction action, boolean actionDone,
                       boolean needsAttention, String note) {
    }

    /** An item about to be stored. */
    public record NewItem(String itemKey, String merchant, String transactionKey, String orderId, String paymentKey,
                          ItemKind kind, Long tossAmount, Long ourAmount, String tossStatus, String ourStatus,
                          Instant transactionAt, Matching.Verdict verdict) {
    }

    private final JdbcClient jdbc;

    public ReconciliationRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void create(String runId, LocalDate from, LocalDate to, String requestedBy, String owner, Instant now) {
        jdbc.sql("""
                        INSERT INTO reconciliation_run (run_id, period_from, period_to, status, requested_by, started_at,
                                                        owner, heartbeat_at)
                        VALUES (?, ?, ?, 'RUNNING', ?, ?, ?, now())""")
                .params(runId, from, to, requestedBy, Timestamp.from(now), owner)
                .update();
    }

    public Optional<Run> find(String runId) {
        return jdbc.sql("SELECT * FROM reconciliation_run WHERE run_id = ?").param(runId).query(ReconciliationRuns::run)
                .optional();
    }

    public List<Run> newest(int page, int size) {
        return jdbc.sql("SELECT * FROM reconciliation_run ORDER BY started_at DESC, run_id DESC LIMIT ? OFFSET ?")
                .params(size, (long) page * size).query(ReconciliationRuns::run).list();
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM reconciliation_run").query(Long.class).single();
    }

    public Counts counts(String runId) {
        long[] counts = new long[ItemStatus.values().length];
        jdbc.sql("SELECT status, count(*) AS n FROM reconciliation_item WHERE run_id = ? GROUP BY status")
                .param(runId)
                .query(rs -> {
                    counts[ItemStatus.valueOf(rs.getString("status")).ordinal()] = rs.getLong("n");
                });
        return new Counts(counts[ItemStatus.MATCHED.ordinal()], counts[ItemStatus.MISMATCHED.ordinal()],
                counts[ItemStatus.MISSING_HERE.ordinal()], counts[ItemStatus.MISSING_AT_TOSS.ordinal()]);
    }

    /** Stores what is not stored yet; the statuses of the items that are new, for counting. */
    public List<ItemStatus> insert(String runId, List<NewItem> items) {
        return items.stream().filter(item -> jdbc.sql("""
                        INSERT INTO reconciliation_item (run_id, item_key, merchant, transaction_key, order_id, payment_key,
                            kind, toss_amount, our_amount, toss_status, our_status, transaction_at, status, action,
                            action_done, needs_attention, note)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (run_id, item_key) DO NOTHING""")
                        .params(runId, item.itemKey(), item.merchant(), item.transactionKey(), item.orderId(),
                                item.paymentKey(), item.kind().name(), item.tossAmount(), item.ourAmount(),
                                item.tossStatus(), item.ourStatus(),
                                item.transactionAt() == null ? null : Timestamp.from(item.transactionAt()),
                                item.verdict().status().name(), item.verdict().action().name(),
                                item.verdict().action() == ItemAction.NONE, item.verdict().needsAttention(),
                                item.verdict().note())
                        .update() == 1)
                .map(item -> item.verdict().status())
                .toList();
    }

    /** Items whose action has not run yet, oldest first. */
    public List<Item> pendingActions(String runId, int limit) {
        return jdbc.sql("SELECT * FROM reconciliation_item WHERE run_id = ? AND NOT action_done ORDER BY item_id LIMIT ?")
                .params(runId, limit).query(ReconciliationRuns::item).list();
    }

    public void actionDone(long itemId, boolean needsAttention, String note) {
        jdbc.sql("UPDATE reconciliation_item SET action_done = TRUE, needs_attention = ?, note = ? WHERE item_id = ?")
                .params(needsAttention, note, itemId).update();
    }

    /** A run's items, oldest first, one at a time and a thousand per query (an export of any size); {@code status} null for all. */
    public void items(String runId, ItemStatus status, Consumer<Item> sink) {
        long after = 0;
        while (true) {
            List<Item> page = jdbc.sql("""
                            SELECT * FROM reconciliation_item WHERE run_id = ? AND (CAST(? AS VARCHAR) IS NULL OR status = ?)
                              AND item_id > ? ORDER BY item_id LIMIT 1000""")
                    .params(runId, status == null ? null : status.name(), status == null ? null : status.name(), after)
                    .query(ReconciliationRuns::item).list();
            if (page.isEmpty()) {
                return;
            }
            page.forEach(sink);
            after = page.get(page.size() - 1).itemId();
        }
    }

    public List<Item> items(String runId, ItemStatus status, int page, int size) {
        return jdbc.sql("""
                        SELECT * FROM reconciliation_item WHERE run_id = ? AND (CAST(? AS VARCHAR) IS NULL OR status = ?)
                        ORDER BY item_id LIMIT ? OFFSET ?""")
                .params(runId, status == null ? null : status.name(), status == null ? null : status.name(), size,
                        (long) page * size)
                .query(ReconciliationRuns::item).list();
    }

    public long countItems(String runId, ItemStatus status) {
        return jdbc.sql("""
                        SELECT count(*) FROM reconciliation_item WHERE run_id = ?
                        AND (CAST(? AS VARCHAR) IS NULL OR status = ?)""")
                .params(runId, status == null ? null : status.name(), status == null ? null : status.name())
                .query(Long.class).single();
    }

    public void cursor(String runId, Phase phase, int merchant, String key, int settlementPage) {
        jdbc.sql("""
                        UPDATE reconciliation_run SET phase = ?, cursor_merchant = ?, cursor_key = ?, settlement_page = ?,
                            heartbeat_at = now() WHERE run_id = ?""")
                .params(phase.name(), merchant, key, settlementPage, runId).update();
    }

    public void addSettlements(String runId, long count, long fees, long payOut, long posted) {
        jdbc.sql("""
                        UPDATE reconciliation_run SET settlement_count = settlement_count + ?,
                            settlement_fees = settlement_fees + ?, settlement_payout = settlement_payout + ?,
                            settlement_posted = settlement_posted + ? WHERE run_id = ?""")
                .params(count, fees, payOut, posted, runId).update();
    }

    /** Records one settled transaction for good; false when it was posted before (by this run or another). */
    public boolean recordSettlement(String runId, String merchant, TossSettlement row) {
        return jdbc.sql("""
                        INSERT INTO settlement_posting (transaction_key, merchant, order_id, paid_out_date, gross, fees,
                                                        payout, run_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (transaction_key) DO NOTHING""")
                .params(row.transactionKey(), merchant, row.orderId(), row.paidOutDate(), row.amount(), row.fees(),
                        row.payOut(), runId)
                .update() == 1;
    }

    public void finish(String runId, String status, String failure, Instant at) {
        jdbc.sql("""
                        UPDATE reconciliation_run SET status = ?, phase = CASE WHEN ? = 'DONE' THEN 'DONE' ELSE phase END,
                            failure = ?, finished_at = ? WHERE run_id = ? AND status = 'RUNNING'""")
                .params(status, status, failure == null ? null : failure.substring(0, Math.min(500, failure.length())),
                        Timestamp.from(at), runId)
                .update();
    }

    /** Says this instance still works on these runs. */
    public void heartbeat(List<String> runIds, String owner) {
        if (!runIds.isEmpty()) {
            jdbc.sql("UPDATE reconciliation_run SET heartbeat_at = now() WHERE run_id = ANY(?) AND owner = ?")
                    .params(runIds.toArray(String[]::new), owner).update();
        }
    }

    /** Takes over one run whose instance stopped saying it works on it; its attempts count up. */
    public Optional<Run> claimStale(String owner, Duration staleAfter) {
        return jdbc.sql("""
                        UPDATE reconciliation_run SET owner = ?, heartbeat_at = now(), attempts = attempts + 1
                        WHERE run_id = (SELECT run_id FROM reconciliation_run WHERE status = 'RUNNING'
                                          AND heartbeat_at < now() - make_interval(secs => ?)
                                        ORDER BY heartbeat_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                        RETURNING *""")
                .params(owner, staleAfter.toMillis() / 1000.0)
                .query(ReconciliationRuns::run)
                .optional();
    }

    private static Run run(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Run(rs.getString("run_id"), rs.getObject("period_from", LocalDate.class),
                rs.getObject("period_to", LocalDate.class), rs.getString("status"), rs.getString("requested_by"),
                rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant(),
                rs.getInt("attempts"), Phase.valueOf(rs.getString("phase")), rs.getInt("cursor_merchant"),
                rs.getString("cursor_key"), rs.getInt("settlement_page"), rs.getLong("settlement_count"),
                rs.getLong("settlement_fees"), rs.getLong("settlement_payout"), rs.getLong("settlement_posted"),
                rs.getString("failure"));
    }

    private static Item item(ResultSet rs, int row) throws SQLException {
        Timestamp at = rs.getTimestamp("transaction_at");
        return new Item(rs.getLong("item_id"), rs.getString("merchant"), rs.getString("transaction_key"),
                rs.getString("order_id"), rs.getString("payment_key"), ItemKind.valueOf(rs.getString("kind")),
                (Long) rs.getObject("toss_amount"), (Long) rs.getObject("our_amount"), rs.getString("toss_status"),
                rs.getString("our_status"), at == null ? null : at.toInstant(), ItemStatus.valueOf(rs.getString("status")),
                ItemAction.valueOf(rs.getString("action")), rs.getBoolean("action_done"),
                rs.getBoolean("needs_attention"), rs.getString("note"));
    }
}
