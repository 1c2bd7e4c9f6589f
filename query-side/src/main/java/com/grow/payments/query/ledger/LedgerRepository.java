package com.grow.payments.query.ledger;

import com.grow.payments.query.support.ReadModelStore;
import com.grow.payments.shared.Currency;
import com.grow.payments.shared.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The journal: {@code journal_entry} (one row per money event, numbered in the order recorded) and
 * {@code journal_line}. Rows are only ever inserted; nothing updates or deletes them but the
 * reset before a replay. SQL written once for PostgreSQL and MySQL/MariaDB.
 */
@Repository
public class LedgerRepository implements Journal {

    /** An entry as the journal holds it: its number, and when the ledger wrote it down. */
    public record RecordedEntry(long entryId, JournalEntry entry, Instant recordedAt) {
    }

    private final ReadModelStore store;
    private final JdbcClient jdbc;
    private final Clock clock;

    public LedgerRepository(ReadModelStore store, Clock clock) {
        this.store = store;
        this.jdbc = store.jdbc();
        this.clock = clock;
    }

    /** Runs the work in one read-model transaction (or the caller's). */
    public <T> T inTransaction(Supplier<T> work) {
        return store.inTransaction(work);
    }

    @Override
    public boolean contains(String eventId) {
        return jdbc.sql("SELECT count(*) FROM journal_entry WHERE event_id = ?").param(eventId)
                .query(Long.class).single() > 0;
    }

    /**
     * Writes the entry and its lines, unless an entry for its event is there already (then nothing
     * is written and the answer is false): a redelivered event adds nothing.
     */
    @Override
    public boolean append(JournalEntry entry) {
        Instant recordedAt = clock.instant();
        return store.inTransaction(() -> {
            int inserted = jdbc.sql(store.insertIgnoringDuplicate("journal_entry",
                            "event_id, subject, kind, currency, occurred_at, recorded_at",
                            ":eventId, :subject, :kind, :currency, :occurredAt, :recordedAt",
                            List.of("event_id")))
                    .paramSource(new MapSqlParameterSource()
                            .addValue("eventId", entry.eventId())
                            .addValue("subject", entry.subject())
                            .addValue("kind", entry.kind().name())
                            .addValue("currency", entry.currency().name())
                            .addValue("occurredAt", Timestamp.from(entry.occurredAt()))
                            .addValue("recordedAt", Timestamp.from(recordedAt)))
                    .update();
            if (inserted == 0) {
                return false;
            }
            long entryId = jdbc.sql("SELECT entry_id FROM journal_entry WHERE event_id = ?").param(entry.eventId())
                    .query(Long.class).single();
            int lineNo = 0;
            for (JournalEntry.Line line : entry.lines()) {
                jdbc.sql("INSERT INTO journal_line (entry_id, line_no, account, debit, credit) VALUES (?, ?, ?, ?, ?)")
                        .params(entryId, ++lineNo, line.account().code(), line.debit().amount(), line.credit().amount())
                        .update();
            }
            return true;
        });
    }

    @Override
    public List<JournalEntry> entriesOf(String subject) {
        return recordedEntriesOf(subject).stream().map(RecordedEntry::entry).toList();
    }

    /** The subject's entries as recorded (numbered, with when they were written), oldest first. */
    public List<RecordedEntry> recordedEntriesOf(String subject) {
        Map<Long, EntryRows> entries = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT e.entry_id, e.event_id, e.subject, e.kind, e.currency, e.occurred_at, e.recorded_at,
                    l.account, l.debit, l.credit
                FROM journal_entry e JOIN journal_line l ON l.entry_id = e.entry_id
                WHERE e.subject = ?
                ORDER BY e.entry_id, l.line_no""")
                .param(subject)
                .query((RowCallbackHandler) rs ->
                        entries.computeIfAbsent(rs.getLong("entry_id"), id -> EntryRows.of(rs)).add(rs));
        return entries.entrySet().stream().map(e -> e.getValue().toRecorded(e.getKey())).toList();
    }

    /** Every account's debits and credits over the whole journal, summed by the database. */
    public Map<Account, TrialBalance.Totals> totals() {
        Map<Account, TrialBalance.Totals> totals = new EnumMap<>(Account.class);
        jdbc.sql("SELECT account, SUM(debit), SUM(credit) FROM journal_line GROUP BY account")
                .query((RowCallbackHandler) rs -> totals.put(Account.ofCode(rs.getString(1)),
                        // the database sums as numeric; a sum beyond a long fails here, never wraps
                        new TrialBalance.Totals(rs.getBigDecimal(2).longValueExact(),
                                rs.getBigDecimal(3).longValueExact())));
        return totals;
    }

    /** Empties the journal: only before a replay rebuilds it from the event store. */
    public void deleteAll() {
        store.inTransaction(() -> {
            jdbc.sql("DELETE FROM journal_line").update();
            jdbc.sql("DELETE FROM journal_entry").update();
        });
    }

    /** The rows of one entry while they are read. */
    private record EntryRows(String eventId, String subject, EntryKind kind, Currency currency, Instant occurredAt,
                             Instant recordedAt, List<JournalEntry.Line> lines) {

        static EntryRows of(ResultSet rs) {
            try {
                return new EntryRows(rs.getString("event_id"), rs.getString("subject"),
                        EntryKind.valueOf(rs.getString("kind")), Currency.valueOf(rs.getString("currency")),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getTimestamp("recorded_at").toInstant(),
                        new ArrayList<>());
            } catch (SQLException e) {
                throw new IllegalStateException("journal_entry cannot be read", e);
            }
        }

        void add(ResultSet rs) throws SQLException {
            lines.add(new JournalEntry.Line(Account.ofCode(rs.getString("account")),
                    new Money(rs.getLong("debit"), currency), new Money(rs.getLong("credit"), currency)));
        }

        RecordedEntry toRecorded(long entryId) {
            return new RecordedEntry(entryId, new JournalEntry(eventId, subject, kind, occurredAt, lines), recordedAt);
        }
    }
}
