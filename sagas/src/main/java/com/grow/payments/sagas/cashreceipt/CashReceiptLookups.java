package com.grow.payments.sagas.cashreceipt;

import com.grow.payments.sagas.gateway.CashReceiptLookup;
import com.grow.payments.sagas.gateway.PaymentGateway;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.cashreceipt.CashReceiptCommands.RecordCashReceiptIssueFailed;
import com.grow.payments.shared.cashreceipt.CashReceiptCommands.RecordCashReceiptIssued;
import com.grow.payments.shared.cashreceipt.PgCashReceipt;
import com.grow.payments.shared.payment.FailureCode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles a cash receipt whose issue answer was lost, by Toss's list of the request day's receipts:
 * found, it is recorded as issued; after every look-up answered without it, Toss never took the
 * request and the member may ask again. It never issues: a second issue would be a second receipt.
 * While Toss does not answer the look-up, the receipt stays UNKNOWN (an operator looks).
 */
public class CashReceiptLookups {

    private static final Logger log = LoggerFactory.getLogger(CashReceiptLookups.class);

    private final PaymentGateway gateway;
    private final CommandGateway commands;
    private final Clock clock;
    private final List<Duration> delays;

    /** {@code delays}: before each look-up, from the lost answer on. */
    public CashReceiptLookups(PaymentGateway gateway, CommandGateway commands, Clock clock, List<Duration> delays) {
        this.gateway = gateway;
        this.commands = commands;
        this.clock = clock;
        this.delays = List.copyOf(delays);
    }

    public CompletableFuture<Object> settle(OrderId orderId, LocalDate requestDate) {
        return attempt(orderId, requestDate, 0, false, true);
    }

    /**
     * Finds the receipt Toss issued by itself (a virtual account's, on deposit) and records it; one
     * not listed after every look-up is left to Toss's own record (an operator looks).
     */
    public CompletableFuture<Object> find(OrderId orderId, LocalDate requestDate) {
        return attempt(orderId, requestDate, 0, false, false);
    }

    private CompletableFuture<Object> attempt(OrderId orderId, LocalDate requestDate, int index, boolean answered,
                                              boolean failWhenAbsent) {
        if (index >= delays.size()) {
            if (!answered || !failWhenAbsent) {
                log.error("cash receipt of order {} not found by Toss's look-up: left for an operator", orderId.value());
                return CompletableFuture.completedFuture(null);
            }
            return commands.send(new RecordCashReceiptIssueFailed(orderId,
                    FailureCode.NOT_PROCESSED_AT_PG.failure("Toss has no record of this cash receipt")));
        }
        return CompletableFuture.supplyAsync(() -> null,
                        CompletableFuture.delayedExecutor(delays.get(index).toMillis(), TimeUnit.MILLISECONDS))
                .thenCompose(ignored -> gateway.cashReceipts(requestDate))
                .thenCompose(lookup -> {
                    if (lookup instanceof CashReceiptLookup.Found found) {
                        Optional<PgCashReceipt> issued = found.receipts().stream()
                                .filter(r -> orderId.value().equals(r.orderId()) && !r.cancel()).findFirst();
                        if (issued.isPresent()) {
                            return commands.send(new RecordCashReceiptIssued(orderId, issued.get(), clock.instant()));
                        }
                        return attempt(orderId, requestDate, index + 1, true, failWhenAbsent);
                    }
                    return attempt(orderId, requestDate, index + 1, answered, failWhenAbsent);
                });
    }
}
