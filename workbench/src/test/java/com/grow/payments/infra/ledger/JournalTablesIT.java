package com.grow.payments.infra.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.grow.payments.infra.readmodel.EmbeddedMariaDb;
import com.grow.payments.query.ledger.Account;
import com.grow.payments.query.ledger.EntryKind;
import com.grow.payments.query.ledger.JournalEntry;
import com.grow.payments.query.ledger.LedgerRepository;
import com.grow.payments.query.ledger.Postings;
import com.grow.payments.query.ledger.TrialBalance;
import com.grow.payments.query.support.ReadModelStore;
import com.grow.payments.query.support.ReadModelStore.Vendor;
import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.PaymentKey;
import com.grow.payments.shared.payment.PaymentDepositReversed;
import com.grow.payments.shared.payment.PaymentDeposited;
import com.grow.payments.workbench.EmbeddedServers;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The journal tables (V3__ledger.sql) and their SQL on both read-model databases: real PostgreSQL
 * and real MariaDB, migrated as the service migrates them, without the service around.
 */
class JournalTablesIT {

    private static final Instant AT = Instant.parse("2026-11-25T05:03:22.123456Z");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T05:03:23.5Z"), ZoneOffset.UTC);
    private static final Map<Vendor, ReadModelStore> STORES = new EnumMap<>(Vendor.class);

    private static synchronized ReadModelStore store(Vendor vendor) {
        return STORES.computeIfAbsent(vendor, v -> {
            DataSource dataSource = switch (v) {
                case POSTGRESQL -> new DriverManagerDataSource(EmbeddedServers.newPostgresDatabase("ledger_journal"),
                        "postgres", "postgres");
                case MYSQL -> new DriverManagerDataSource(EmbeddedMariaDb.newDatabase("ledger_journal"), "root", "");
            };
            Flyway.configure().dataSource(dataSource)
                    .locations("classpath:db/readmodel/" + v.name().toLowerCase(Locale.ROOT))
                    .table("read_model_schema_history")
                    .load()
                    .migrate();
            return new ReadModelStore(dataSource, v,
                    new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
        });
    }

    private LedgerRepository journal;
    private JdbcClient jdbc;

    private void on(Vendor vendor) {
        ReadModelStore store = store(vendor);
        journal = new LedgerRepository(store, CLOCK);
        jdbc = store.jdbc();
        journal.deleteAll();
    }

    private static JournalEntry approval(String eventId, String orderId, long amount) {
        return JournalEntry.transfer(eventId, orderId, EntryKind.APPROVAL, AT, Account.TOSS_RECEIVABLE,
                Account.CUSTOMER_PAYMENTS, Money.won(amount));
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void an_entry_is_written_once_with_its_lines_and_read_back_as_it_was(Vendor vendor) {
        on(vendor);
        JournalEntry entry = approval("evt-approval-1", "ord_journal_1", 50_000);

        assertThat(journal.append(entry)).isTrue();
        assertThat(journal.append(entry)).as("the same event again").isFalse();

        assertThat(journal.contains("evt-approval-1")).isTrue();
        assertThat(journal.entriesOf("ord_journal_1")).containsExactly(entry);
        LedgerRepository.RecordedEntry recorded = journal.recordedEntriesOf("ord_journal_1").get(0);
        assertThat(recorded.recordedAt()).isEqualTo(CLOCK.instant());
        assertThat(jdbc.sql("SELECT count(*) FROM journal_line").query(Long.class).single()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void entries_are_numbered_in_the_order_recorded_and_kept_per_order(Vendor vendor) {
        on(vendor);
        journal.append(approval("evt-a", "ord_journal_a", 10_000));
        journal.append(approval("evt-b", "ord_journal_b", 20_000));
        journal.append(JournalEntry.transfer("evt-a2", "ord_journal_a", EntryKind.CANCEL, AT,
                Account.CUSTOMER_PAYMENTS, Account.TOSS_RECEIVABLE, Money.won(4_000)));

        List<LedgerRepository.RecordedEntry> entries = journal.recordedEntriesOf("ord_journal_a");

        assertThat(entries).extracting(recorded -> recorded.entry().eventId()).containsExactly("evt-a", "evt-a2");
        assertThat(entries.get(0).entryId()).isLessThan(entries.get(1).entryId());
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void the_database_sums_the_trial_balance_by_account(Vendor vendor) {
        on(vendor);
        journal.append(approval("evt-1", "ord_journal_1", 50_000));
        journal.append(JournalEntry.transfer("evt-2", "ord_journal_1", EntryKind.CANCEL, AT,
                Account.CUSTOMER_PAYMENTS, Account.TOSS_RECEIVABLE, Money.won(20_000)));
        journal.append(JournalEntry.transfer("evt-3", "ord_journal_2", EntryKind.DEPOSIT, AT,
                Account.TOSS_RECEIVABLE, Account.CUSTOMER_PAYMENTS, Money.won(30_000)));

        TrialBalance trial = TrialBalance.of(journal.totals());

        assertThat(trial.accounts().get(0)).isEqualTo(new TrialBalance.AccountBalance("toss_receivable",
                Account.Side.DEBIT, 80_000, 20_000, 60_000));
        assertThat(trial.accounts().get(1)).isEqualTo(new TrialBalance.AccountBalance("customer_payments",
                Account.Side.CREDIT, 20_000, 80_000, 60_000));
        assertThat(trial.totalDebits()).isEqualTo(100_000).isEqualTo(trial.totalCredits());
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void a_reversal_is_posted_from_the_deposit_read_back_from_the_tables(Vendor vendor) {
        on(vendor);
        OrderId order = new OrderId("ord_journal_va");
        PaymentKey key = new PaymentKey("tkey_journal_va");

        journal.inTransaction(() -> Postings.post(journal, "evt-deposit", AT,
                new PaymentDeposited(order, key, "tx_deposit", Money.won(30_000), AT)));
        journal.inTransaction(() -> Postings.post(journal, "evt-reversal", AT.plusSeconds(60),
                new PaymentDepositReversed(order, key, "deposit error")));
        journal.inTransaction(() -> Postings.post(journal, "evt-reversal", AT.plusSeconds(60),
                new PaymentDepositReversed(order, key, "deposit error")));

        List<JournalEntry> entries = journal.entriesOf(order.value());
        assertThat(entries).extracting(JournalEntry::kind).containsExactly(EntryKind.DEPOSIT, EntryKind.DEPOSIT_REVERSAL);
        assertThat(entries.get(1).lines()).containsExactly(
                JournalEntry.Line.credit(Account.TOSS_RECEIVABLE, Money.won(30_000)),
                JournalEntry.Line.debit(Account.CUSTOMER_PAYMENTS, Money.won(30_000)));
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void the_tables_refuse_a_line_on_both_sides_or_on_neither(Vendor vendor) {
        on(vendor);
        journal.append(approval("evt-1", "ord_journal_1", 1_000));
        long entryId = journal.recordedEntriesOf("ord_journal_1").get(0).entryId();

        assertThatThrownBy(() -> jdbc.sql("INSERT INTO journal_line (entry_id, line_no, account, debit, credit) "
                + "VALUES (?, 3, 'toss_receivable', 5, 5)").params(entryId).update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO journal_line (entry_id, line_no, account, debit, credit) "
                + "VALUES (?, 3, 'toss_receivable', 0, 0)").params(entryId).update())
                .isInstanceOf(DataAccessException.class);
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void a_reset_empties_the_journal(Vendor vendor) {
        on(vendor);
        journal.append(approval("evt-1", "ord_journal_1", 1_000));

        journal.deleteAll();

        assertThat(journal.entriesOf("ord_journal_1")).isEmpty();
        assertThat(journal.totals()).isEmpty();
        assertThat(journal.contains("evt-1")).isFalse();
    }
}
