package com.grow.payments.infra.reconciliation;

import com.grow.payments.shared.Money;
import com.grow.payments.shared.settlement.SettlementRecorded;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Posts one page of Toss's settlements: each settled transaction, once ever, becomes a
 * {@link SettlementRecorded} event in the event store (a stream of its own, {@code stl_<key>}), which
 * the ledger projection posts like every other money fact, so a replay rebuilds it. The posting row
 * and the event are written in one transaction; a row seen before (this period run again) appends
 * nothing. The page's totals and the run's cursor move in the same transaction.
 */
@Component
public class SettlementPoster {

    private final ReconciliationRuns runs;
    private final EventStore events;
    private final TransactionTemplate transactions;

    public SettlementPoster(ReconciliationRuns runs, EventStore events, PlatformTransactionManager eventStoreTransactions) {
        this.runs = runs;
        this.events = events;
        this.transactions = new TransactionTemplate(eventStoreTransactions);
    }

    public void post(String runId, TossMerchant merchant, int merchantIndex, int page, List<TossSettlement> rows) {
        transactions.executeWithoutResult(status -> {
            long fees = 0;
            long payOut = 0;
            long posted = 0;
            for (TossSettlement row : rows) {
                fees += row.fees();
                payOut += row.payOut();
                if (row.amount() != 0 && runs.recordSettlement(runId, merchant.name(), row)) {
                    events.publish(new GenericDomainEventMessage<>("Settlement",
                            SettlementRecorded.streamOf(row.transactionKey()), 0L, event(merchant, row)));
                    posted++;
                }
            }
            runs.addSettlements(runId, rows.size(), fees, payOut, posted);
            runs.cursor(runId, ReconciliationRuns.Phase.SETTLEMENTS, merchantIndex, null, page + 1);
        });
    }

    static SettlementRecorded event(TossMerchant merchant, TossSettlement row) {
        boolean refund = row.amount() < 0;
        return new SettlementRecorded(row.transactionKey(), row.orderId(), row.paymentKey(), merchant.name(), refund,
                Money.won(Math.abs(row.amount())), Money.won(Math.abs(row.fees())), Money.won(Math.abs(row.payOut())),
                row.soldDate(), row.paidOutDate());
    }
}
