package com.grow.payments.infra.readmodel;

import com.grow.payments.query.support.ReadModelStore;
import com.grow.payments.query.support.ReadModelStore.Vendor;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The read models' database. Unless {@code payments.read-model.datasource.url} names another one
 * (MySQL 8 / MariaDB, or another PostgreSQL), they live beside the event store and their writes
 * share the processors' transactions. Their tables are migrated by a Flyway of their own
 * ({@code db/readmodel/<vendor>}, history in {@code read_model_schema_history}), so the event
 * store's schema and theirs never mix.
 */
@Configuration(proxyBeanMethods = false)
public class ReadModelConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ReadModelConfiguration.class);

    /**
     * {@code payments.read-model.datasource.*}: where the read models live, when not beside the event store.
     *
     * @param maximumPoolSize connections to the read-model database
     */
    @ConfigurationProperties("payments.read-model.datasource")
    public record ReadModelDataSourceProperties(String url, String username, String password,
                                                @DefaultValue("10") int maximumPoolSize) {
        @Override
        public String toString() {
            return "ReadModelDataSourceProperties[url=" + url + ", username=" + username + ", password=****]";
        }
    }

    /** The read models' connection pool, when it is their own; closed with the context. */
    static final class OwnDataSource implements DisposableBean {
        private final HikariDataSource dataSource;

        OwnDataSource(HikariDataSource dataSource) {
            this.dataSource = dataSource;
        }

        @Override
        public void destroy() {
            dataSource.close();
        }
    }

    @Bean
    OwnDataSource readModelOwnDataSource(ReadModelDataSourceProperties properties) {
        if (properties.url() == null || properties.url().isBlank()) {
            return new OwnDataSource(null);
        }
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("read-models");
        dataSource.setJdbcUrl(properties.url());
        dataSource.setUsername(properties.username());
        dataSource.setPassword(properties.password());
        dataSource.setMaximumPoolSize(properties.maximumPoolSize());
        return new OwnDataSource(dataSource);
    }

    @Bean
    public ReadModelStore readModelStore(OwnDataSource own, DataSource eventStoreDataSource,
                                         PlatformTransactionManager eventStoreTransactions) {
        boolean separate = own.dataSource != null;
        DataSource dataSource = separate ? own.dataSource : eventStoreDataSource;
        Vendor vendor = vendorOf(dataSource);
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/readmodel/" + vendor.name().toLowerCase(Locale.ROOT))
                .table("read_model_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        log.info("read models in {} ({})", separate ? "their own database" : "the event store's database", vendor);
        PlatformTransactionManager transactions = separate ? new DataSourceTransactionManager(dataSource)
                : eventStoreTransactions;
        return new ReadModelStore(dataSource, vendor, new TransactionTemplate(transactions));
    }

    static Vendor vendorOf(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("postgres")) {
                return Vendor.POSTGRESQL;
            }
            if (product.contains("mysql") || product.contains("mariadb")) {
                return Vendor.MYSQL;
            }
            throw new IllegalStateException("read models run on PostgreSQL, MySQL or MariaDB, not on " + product);
        } catch (SQLException e) {
            throw new IllegalStateException("the read-model database cannot be reached", e);
        }
    }
}
