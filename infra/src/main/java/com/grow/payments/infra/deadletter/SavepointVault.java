package com.grow.payments.infra.deadletter;

import com.grow.payments.sagas.billing.BillingKeyVault;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The vault as a dead-lettered handler must see it: each call in a savepoint of the processor's
 * transaction. A statement that fails in PostgreSQL aborts the whole transaction, and the
 * dead-letter queue writes its letter in that same transaction: without the savepoint, one failed
 * read would leave the queue unable to park the event, and the processor would halt after all.
 */
final class SavepointVault implements BillingKeyVault {

    private final BillingKeyVault vault;
    private final TransactionTemplate savepoint;

    SavepointVault(BillingKeyVault vault, PlatformTransactionManager transactions) {
        this.vault = vault;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public void store(String billingKeyId, String billingKey) {
        inSavepoint(() -> {
            vault.store(billingKeyId, billingKey);
            return null;
        });
    }

    @Override
    public Optional<String> reveal(String billingKeyId) {
        return inSavepoint(() -> vault.reveal(billingKeyId));
    }

    @Override
    public Optional<String> findIdByKey(String billingKey) {
        return inSavepoint(() -> vault.findIdByKey(billingKey));
    }

    @Override
    public void destroy(String billingKeyId) {
        inSavepoint(() -> {
            vault.destroy(billingKeyId);
            return null;
        });
    }

    private <T> T inSavepoint(Supplier<T> call) {
        return savepoint.execute(status -> call.get());
    }

    @Override
    public String toString() {
        return "SavepointVault[" + vault + "]";
    }
}
