package com.grow.payments.infra.janitor;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.quartz.SchedulerConfigException;
import org.quartz.spi.ClassLoadHelper;
import org.quartz.spi.SchedulerSignaler;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.scheduling.quartz.LocalDataSourceJobStore;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;

/**
 * Spring's job store on the application's DataSource, with its connections registered under names
 * of its own. Spring registers them in Quartz's JVM-wide {@link DBConnectionManager} under the
 * scheduler's name, which every instance of a cluster shares: a second application context in the
 * same JVM (tests start one) takes the registration over, and once it closes, this context's
 * scheduler is left with a closed pool. Configured as {@code org.quartz.jobStore.class}.
 */
public class ContextLocalDataSourceJobStore extends LocalDataSourceJobStore {

    private static final AtomicInteger STORES = new AtomicInteger();

    @Override
    public void initialize(ClassLoadHelper loadHelper, SchedulerSignaler signaler) throws SchedulerConfigException {
        // only set while SchedulerFactoryBean builds the scheduler, on this thread
        DataSource dataSource = SchedulerFactoryBean.getConfigTimeDataSource();
        DataSource nonTransactional = SchedulerFactoryBean.getConfigTimeNonTransactionalDataSource();
        DataSource outsideTransactions = nonTransactional != null ? nonTransactional : dataSource;
        super.initialize(loadHelper, signaler);

        String name = getInstanceName() + "#" + STORES.incrementAndGet();
        DBConnectionManager connections = DBConnectionManager.getInstance();
        connections.addConnectionProvider(TX_DATA_SOURCE_PREFIX + name,
                provider(() -> DataSourceUtils.doGetConnection(dataSource)));
        connections.addConnectionProvider(NON_TX_DATA_SOURCE_PREFIX + name, provider(outsideTransactions::getConnection));
        setDataSource(TX_DATA_SOURCE_PREFIX + name);
        setNonManagedTXDataSource(NON_TX_DATA_SOURCE_PREFIX + name);
    }

    private static ConnectionProvider provider(ConnectionSource source) {
        return new ConnectionProvider() {
            @Override
            public Connection getConnection() throws SQLException {
                return source.get();
            }

            @Override
            public void shutdown() {
                // the pool is Spring's: it closes with the application context
            }

            @Override
            public void initialize() {
                // nothing to set up: the pool is Spring's
            }
        };
    }

    @FunctionalInterface
    private interface ConnectionSource {
        Connection get() throws SQLException;
    }
}
