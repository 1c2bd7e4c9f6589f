package com.grow.payments.infra.reconciliation;

import com.grow.payments.infra.reconciliation.ReconciliationRuns.NewItem;
import com.grow.payments.infra.reconciliation.ReconciliationRuns.Phase;
import com.grow.payments.infra.reconciliation.ReconciliationRuns.Run;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries one run through its phases, from wherever it stands, a page at a time (never the whole
 * period in memory):
 * <ol>
 *   <li>{@code TRANSACTIONS}: for each merchant, Toss's transactions page by page
 *   ({@code startingAfter}); each page is compared with our events of its orders, and its items and
 *   the cursor are committed together, then the page's actions run;</li>
 *   <li>{@code OURS}: our money movements of the period that Toss did not list ({@code MISSING_AT_TOSS});</li>
 *   <li>{@code SETTLEMENTS}: for each merchant, Toss's settlements paid out in the period, posted once.</li>
 * </ol>
 * Cut short anywhere, the run resumes at its cursor: items already stored are not stored again, and
 * actions not marked done run again (each is safe to repeat).
 */
@Component
public class ReconciliationEngine {

    private final ReconciliationRuns runs;
    private final TossReconciliationClient toss;
    private final OurTransactions ours;
    private final ItemActions actions;
    private final SettlementPoster settlements;
    private final TransactionTemplate transactions;
    private final MeterRegistry registry;
    private final ZoneId zone;
    private final int pageSize;

    public ReconciliationEngine(ReconciliationRuns runs, TossReconciliationClient toss, OurTransactions ours,
                                ItemActions actions, SettlementPoster settlements,
                                PlatformTransactionManager eventStoreTransactions, MeterRegistry registry,
                                @Value("${payments.reconciliation.zone:Asia/Seoul}") ZoneId zone,
                                @Value("${payments.reconciliation.page-size:1000}") int pageSize) {
        this.runs = runs;
        this.toss = toss;
        this.ours = ours;
        this.actions = actions;
        this.settlements = settlements;
        this.transactions = new TransactionTemplate(eventStoreTransactions);
        this.registry = registry;
        this.zone = zone;
        this.pageSize = pageSize;
        for (ItemStatus status : ItemStatus.values()) {
            counter(status);
        }
    }

    public ZoneId zone() {
        return zone;
    }

    /** Runs the run to its end from where it stands; throws when it must stop (it stays RUNNING, to be resumed). */
    public void carryOn(String runId, List<TossMerchant> merchants) {
        actions.catchUp(runId);
        Run run = runs.find(runId).orElseThrow();
        if (run.phase() == Phase.TRANSACTIONS) {
            for (int m = run.cursorMerchant(); m < merchants.size(); m++) {
                transactionsOf(run, merchants.get(m), m, m == run.cursorMerchant() ? run.cursorKey() : null);
            }
            runs.cursor(runId, Phase.OURS, 0, null, 1);
            run = runs.find(runId).orElseThrow();
        }
        if (run.phase() == Phase.OURS) {
            unlisted(run);
            runs.cursor(runId, Phase.SETTLEMENTS, 0, null, 1);
            run = runs.find(runId).orElseThrow();
        }
        if (run.phase() == Phase.SETTLEMENTS) {
            for (int m = run.cursorMerchant(); m < merchants.size(); m++) {
                settlementsOf(run, merchants.get(m), m, m == run.cursorMerchant() ? run.settlementPage() : 1);
            }
        }
    }

    private void transactionsOf(Run run, TossMerchant merchant, int index, String after) {
        String cursor = after;
        while (true) {
            List<TossTransaction> page = toss.transactions(merchant, run.from(), run.to(), cursor, pageSize);
            if (page.isEmpty()) {
                runs.cursor(run.runId(), Phase.TRANSACTIONS, index + 1, null, 1);
                return;
            }
            Map<String, OurOrder> orders = ours.ofOrders(page.stream().map(TossTransaction::orderId)
                    .filter(Objects::nonNull).distinct().toList());
            List<NewItem> items = new ArrayList<>(page.size());
            for (TossTransaction tx : page) {
                OurOrder order = tx.orderId() == null ? OurOrder.unknown("-") : orders.get(tx.orderId());
                Matching.Verdict verdict = Matching.compare(tx, order);
                items.add(new NewItem(tx.transactionKey(), merchant.name(), tx.transactionKey(), tx.orderId(),
                        tx.paymentKey(), tx.kind(), tx.amount(), verdict.ourAmount(), tx.tossStatus(), verdict.ourStatus(),
                        tx.transactionAt(), verdict));
            }
            String last = page.get(page.size() - 1).transactionKey();
            store(run.runId(), items, Phase.TRANSACTIONS, index, last);
            actions.catchUp(run.runId());
            cursor = last;
        }
    }

    private void unlisted(Run run) {
        List<NewItem> batch = new ArrayList<>();
        ours.unlisted(run.runId(), run.from(), run.to(), zone, tx -> {
            batch.add(new NewItem(tx.itemKey(), "-", tx.transactionKey(), tx.orderId(), tx.paymentKey(), tx.kind(),
                    null, tx.amount(), null, null, tx.at(), Matching.missingAtToss(tx, null)));
        });
        // few by nature (what Toss lacks); stored with the phase's end, so they are found once
        for (int i = 0; i < batch.size(); i += 500) {
            store(run.runId(), batch.subList(i, Math.min(batch.size(), i + 500)), Phase.OURS, 0, null);
        }
        actions.catchUp(run.runId());
    }

    private void settlementsOf(Run run, TossMerchant merchant, int index, int firstPage) {
        for (int page = firstPage; ; page++) {
            List<TossSettlement> rows = toss.settlementsPaidOut(merchant, run.from(), run.to(), page, pageSize);
            if (rows.isEmpty()) {
                runs.cursor(run.runId(), Phase.SETTLEMENTS, index + 1, null, 1);
                return;
            }
            settlements.post(run.runId(), merchant, index, page, rows);
        }
    }

    private void store(String runId, List<NewItem> items, Phase phase, int merchant, String key) {
        List<ItemStatus> added = transactions.execute(status -> {
            List<ItemStatus> stored = runs.insert(runId, items);
            runs.cursor(runId, phase, merchant, key, 1);
            return stored;
        });
        Objects.requireNonNull(added).forEach(status -> counter(status).increment());
    }

    private Counter counter(ItemStatus status) {
        return Counter.builder("reconciliation_items_total")
                .description("Transactions compared with Toss's, by what the comparison found")
                .tag("status", status.name())
                .register(registry);
    }
}
