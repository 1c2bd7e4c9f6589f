package com.grow.payments.query.payment;

import com.grow.payments.query.support.MonotonicReads;
import com.grow.payments.query.support.PageView;
import com.grow.payments.shared.Caller;
import com.grow.payments.shared.error.ErrorCode;
import com.grow.payments.shared.error.PaymentRejection;
import com.grow.payments.shared.payment.PaymentCheckedOut;
import com.grow.payments.shared.payment.PaymentStatus;
import com.grow.payments.shared.payment.PaymentView;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's payments from the payment_view read model. */
@RestController
@RequestMapping("/api/v1/payments")
public class PaymentQueryController {

    private final PaymentViewRepository views;
    private final MonotonicReads reads;

    public PaymentQueryController(PaymentViewRepository views, MonotonicReads reads) {
        this.views = views;
        this.reads = reads;
    }

    /** The stored view, or the payment's own events when the view is older than an answer the caller had. */
    @GetMapping("/{orderId}")
    public PaymentView payment(@PathVariable String orderId, Caller caller) {
        var row = views.find(orderId).map(stored -> new MonotonicReads.Row<>(stored.view(), stored.lastSequence()));
        return reads.read(caller.memberId(), orderId, row, PaymentQueryController::fold)
                .filter(view -> caller.admin() || view.memberId().equals(caller.memberId().value()))
                .orElseThrow(() -> new PaymentRejection(ErrorCode.PAYMENT_NOT_FOUND, "no payment for order " + orderId));
    }

    private static Optional<PaymentView> fold(List<Object> events) {
        return events.get(0) instanceof PaymentCheckedOut ? Optional.of(PaymentView.fold(events)) : Optional.empty();
    }

    @GetMapping
    public PageView<PaymentView> payments(
            @RequestParam(required = false) PaymentStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(required = false) String memberId,
            @RequestParam(defaultValue = "false") boolean needsAttention,
            @RequestParam(required = false) String paymentKey,
            Caller caller) {
        if ((memberId != null || needsAttention) && !caller.admin()) {
            throw new PaymentRejection(ErrorCode.FORBIDDEN,
                    "only ADMIN may list another member's payments or those flagged for an operator");
        }
        String member = caller.admin() ? memberId : caller.memberId().value();
        var filter = new PaymentViewRepository.Filter(member, status,
                from == null ? null : from.toInstant(), to == null ? null : to.toInstant(), needsAttention,
                paymentKey == null || paymentKey.isBlank() ? null : paymentKey.strip());
        return views.page(filter, page, size);
    }
}
