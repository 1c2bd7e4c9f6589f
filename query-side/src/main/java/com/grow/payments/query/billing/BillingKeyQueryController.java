package com.grow.payments.query.billing;

import com.grow.payments.query.support.MonotonicReads;
import com.grow.payments.query.support.MonotonicReads.Row;
import com.grow.payments.shared.Caller;
import com.grow.payments.shared.billing.BillingKeyView;
import com.grow.payments.shared.error.ErrorCode;
import com.grow.payments.shared.error.PaymentRejection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's cards on file from the billing_key_view read model: company, masked number, when
 * registered and whether still usable. Keys the caller was just answered about and that the read
 * model has not caught up with come from their own events (ADR 0012).
 */
@RestController
public class BillingKeyQueryController {

    /** The list answer: every key of the caller, newest first. */
    public record BillingKeys(List<BillingKeyView> content) {
    }

    /** Ids the service gives billing keys start so; other aggregates the caller was answered about are skipped. */
    private static final String BILLING_KEY_PREFIX = "bk_";

    private static final Comparator<BillingKeyView> NEWEST_FIRST = Comparator
            .comparing(BillingKeyView::createdAt).thenComparing(BillingKeyView::billingKeyId).reversed();

    private final BillingKeyViewRepository views;
    private final MonotonicReads reads;

    public BillingKeyQueryController(BillingKeyViewRepository views, MonotonicReads reads) {
        this.views = views;
        this.reads = reads;
    }

    @GetMapping("/api/v1/billing-keys/{billingKeyId}")
    public BillingKeyView billingKey(@PathVariable String billingKeyId, Caller caller) {
        return reads.read(caller.memberId(), billingKeyId, views.find(billingKeyId), BillingKeyView::fold)
                .filter(view -> caller.admin() || view.memberId().equals(caller.memberId().value()))
                .orElseThrow(() -> new PaymentRejection(ErrorCode.BILLING_KEY_NOT_FOUND,
                        "no billing key " + billingKeyId));
    }

    @GetMapping("/api/v1/billing-keys")
    public BillingKeys billingKeys(Caller caller) {
        String member = caller.memberId().value();
        Map<String, Row<BillingKeyView>> rows = new LinkedHashMap<>();
        views.ofMember(member).forEach(row -> rows.put(row.view().billingKeyId(), row));
        List<BillingKeyView> keys = new ArrayList<>();
        Map<String, Long> answered = reads.answeredTo(caller.memberId());
        for (Row<BillingKeyView> row : rows.values()) {
            long floor = answered.getOrDefault(row.view().billingKeyId(), -1L);
            keys.add(row.lastSequence() >= floor ? row.view() : folded(row.view().billingKeyId()).orElse(row.view()));
        }
        // keys answered to the caller that the read model has no row for yet
        answered.keySet().stream()
                .filter(id -> id.startsWith(BILLING_KEY_PREFIX) && !rows.containsKey(id))
                .map(this::folded)
                .flatMap(Optional::stream)
                .filter(view -> view.memberId().equals(member))
                .forEach(keys::add);
        keys.sort(NEWEST_FIRST);
        return new BillingKeys(keys);
    }

    private Optional<BillingKeyView> folded(String billingKeyId) {
        return BillingKeyView.fold(reads.events(billingKeyId));
    }
}
