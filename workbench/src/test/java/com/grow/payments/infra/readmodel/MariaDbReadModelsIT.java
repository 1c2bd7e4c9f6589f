package com.grow.payments.infra.readmodel;

import com.grow.payments.workbench.EmbeddedServers;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The read models in MariaDB (the MySQL dialect), the event store on PostgreSQL: a service of its
 * own in this JVM, with its own event store database, so its processors fill these read models only.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class MariaDbReadModelsIT extends ReadModelsContract {

    private static String eventStore;
    private static String readModels;

    @DynamicPropertySource
    static void readModelsInMariaDb(DynamicPropertyRegistry registry) {
        // the suppliers are asked on every look-up: the databases are made once
        registry.add("spring.datasource.url", MariaDbReadModelsIT::eventStore);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("payments.read-model.datasource.url", MariaDbReadModelsIT::readModels);
        registry.add("payments.read-model.datasource.username", () -> "root");
        registry.add("payments.read-model.datasource.password", () -> "");
    }

    private static synchronized String eventStore() {
        if (eventStore == null) {
            eventStore = EmbeddedServers.newPostgresDatabase("events_for_mariadb");
        }
        return eventStore;
    }

    private static synchronized String readModels() {
        if (readModels == null) {
            readModels = EmbeddedMariaDb.newDatabase("read_models");
        }
        return readModels;
    }

    @Override
    int mixedPayments() {
        return 1_000;
    }

    @Override
    String members() {
        return "rm-maria";
    }
}
