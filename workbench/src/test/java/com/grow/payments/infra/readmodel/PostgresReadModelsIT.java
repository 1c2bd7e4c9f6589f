package com.grow.payments.infra.readmodel;

/** The read models beside the event store, on PostgreSQL (the default). */
class PostgresReadModelsIT extends ReadModelsContract {

    @Override
    int mixedPayments() {
        return 1_000;
    }

    @Override
    String members() {
        return "rm-pg";
    }
}
