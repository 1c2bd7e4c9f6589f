package com.grow.payments.infra.config;

import com.grow.payments.infra.audit.KeyedChainCutOver;
import com.grow.payments.infra.crypto.AesGcmBillingKeyVault;
import com.grow.payments.infra.crypto.CryptoKeys;
import com.grow.payments.infra.crypto.CryptoProperties;
import java.time.Clock;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Flyway V14: what was hashed under no key or under another purpose's key is hashed again under
 * its own (docs/security.md, "Keys"). The event streams move to the keyed hash chain, with the
 * authKey redacted from older events ({@link KeyedChainCutOver}); the billing key vault's lookup
 * hashes move from the AES key to the HKDF-derived lookup key. Java, because both keys live
 * outside the database; Spring Boot hands migration beans to its Flyway, which runs this once, in
 * one transaction, before anything else touches the store.
 */
@Component
public class KeySeparationMigration implements JavaMigration {

    private static final Logger log = LoggerFactory.getLogger(KeySeparationMigration.class);

    private final KeyedChainCutOver chainCutOver;
    private final CryptoProperties crypto;

    public KeySeparationMigration(KeyedChainCutOver chainCutOver, CryptoProperties crypto) {
        this.chainCutOver = chainCutOver;
        this.crypto = crypto;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("14");
    }

    @Override
    public String getDescription() {
        return "keyed event hash chain, authKey redacted from events, billing key lookup hash under a derived key";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) {
        SingleConnectionDataSource connection = new SingleConnectionDataSource(context.getConnection(), true);
        chainCutOver.cutOverAll(new JdbcTemplate(connection));
        int unreadable = new AesGcmBillingKeyVault(JdbcClient.create(connection), Clock.systemUTC(),
                CryptoKeys.from(crypto)).rehashLookups();
        if (unreadable > 0) {
            log.warn("{} billing key rows are sealed under a crypto key that is not configured: their lookup hash"
                    + " was cleared (configure the key under payments.crypto.previous-keys and store them again)",
                    unreadable);
        }
    }
}
