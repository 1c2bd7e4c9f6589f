package com.grow.payments.query.support;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where the read models live: PostgreSQL (with the event store, by default) or MySQL/MariaDB
 * ({@code payments.read-model.datasource.*}). Read-model SQL is written once for both; the few
 * phrases the two vendors say differently come from here.
 *
 * <p>When the read models share the event store's database, their writes join the processor's
 * transaction (the token and the rows commit together). In a database of their own they commit
 * apart from the token, so a projection must be idempotent: every table remembers what it applied
 * (a last sequence per row, or the event id of each entry).
 */
public final class ReadModelStore {

    /** The SQL dialects read models are written for. */
    public enum Vendor {
        POSTGRESQL, MYSQL
    }

    private final NamedParameterJdbcTemplate named;
    private final JdbcClient jdbc;
    private final Vendor vendor;
    private final TransactionTemplate transactions;

    public ReadModelStore(DataSource dataSource, Vendor vendor, TransactionTemplate transactions) {
        this.named = new NamedParameterJdbcTemplate(dataSource);
        this.jdbc = JdbcClient.create(named);
        this.vendor = vendor;
        this.transactions = transactions;
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    /** One statement run for each parameter set, sent to the database together. */
    public void batch(String sql, List<? extends SqlParameterSource> rows) {
        if (!rows.isEmpty()) {
            named.batchUpdate(sql, rows.toArray(SqlParameterSource[]::new));
        }
    }

    public Vendor vendor() {
        return vendor;
    }

    /**
     * {@code INSERT INTO table (columns) VALUES (values)} that inserts nothing, and reports 0 rows,
     * when a row with the same key is already there.
     *
     * @param keyColumns the primary or unique key the duplicate would violate
     */
    public String insertIgnoringDuplicate(String table, String columns, String values, List<String> keyColumns) {
        return switch (vendor) {
            case POSTGRESQL -> "INSERT INTO " + table + " (" + columns + ") VALUES (" + values + ") ON CONFLICT ("
                    + String.join(", ", keyColumns) + ") DO NOTHING";
            // IGNORE also turns data errors into warnings; values reaching a read model are checked upstream
            case MYSQL -> "INSERT IGNORE INTO " + table + " (" + columns + ") VALUES (" + values + ")";
        };
    }

    /**
     * {@code INSERT INTO table (columns) VALUES (values)} that, when a row with the same key is
     * already there, sets the {@code updated} columns and the {@code version} column to the new
     * values only if the stored version is lower: a row never goes back to an older version, and a
     * missing row is written whole.
     *
     * @param keyColumns the primary or unique key the duplicate would violate
     * @param version    a column among {@code columns} that only grows (a last sequence)
     */
    public String insertOrUpdateIfNewer(String table, String columns, String values, List<String> keyColumns,
                                        List<String> updated, String version) {
        return switch (vendor) {
            case POSTGRESQL -> "INSERT INTO " + table + " (" + columns + ") VALUES (" + values + ") ON CONFLICT ("
                    + String.join(", ", keyColumns) + ") DO UPDATE SET "
                    + String.join(", ", updated.stream().map(c -> c + " = EXCLUDED." + c).toList())
                    + ", " + version + " = EXCLUDED." + version
                    + " WHERE " + table + "." + version + " < EXCLUDED." + version;
            // assignments run left to right, each seeing the ones before: the version is compared
            // in every one of them, and moved last
            case MYSQL -> "INSERT INTO " + table + " (" + columns + ") VALUES (" + values + ") ON DUPLICATE KEY UPDATE "
                    + String.join(", ", updated.stream().map(c -> c + " = IF(" + version + " < VALUES(" + version
                            + "), VALUES(" + c + "), " + c + ")").toList())
                    + ", " + version + " = GREATEST(" + version + ", VALUES(" + version + "))";
        };
    }

    /**
     * One page of a table's rows, newest first as {@code orderBy} says, with the number of rows
     * {@code where} matches, in one statement: the count is a subquery of the page's query, so both
     * come from the same snapshot in one round trip. A page past the last row has no row to carry
     * the count, so then it is counted on its own.
     *
     * @param where empty, or {@code " WHERE ..."} with {@code ?} for each of {@code args}
     */
    public <T> PageView<T> page(String table, String columns, String where, List<Object> args, String orderBy,
                                int page, int size, RowMapper<T> row) {
        String count = "SELECT count(*) FROM " + table + where;
        List<Object> pageArgs = new ArrayList<>(args.size() * 2 + 2);
        pageArgs.addAll(args);
        pageArgs.addAll(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        long[] total = {0};
        List<T> content = jdbc.sql("SELECT " + columns + ", (" + count + ") AS total_rows FROM " + table + where
                        + " ORDER BY " + orderBy + " LIMIT ? OFFSET ?")
                .params(pageArgs)
                .query((rs, rowNumber) -> {
                    total[0] = rs.getLong("total_rows");
                    return row.mapRow(rs, rowNumber);
                })
                .list();
        if (content.isEmpty()) {
            total[0] = jdbc.sql(count).params(args).query(Long.class).single();
        }
        return new PageView<>(content, page, size, total[0]);
    }

    /** Runs the work in one read-model transaction, or in the caller's when it is already in one. */
    public <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }

    /** {@link #inTransaction(Supplier)} without a result. */
    public void inTransaction(Runnable work) {
        transactions.executeWithoutResult(status -> work.run());
    }
}
