package com.grow.payments.infra.billing;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Billing keys that need an operator (ADMIN): {@code GET /api/v1/admin/billing-keys?needsAttention=true}.
 * Only the flagged ones are listed; a member's own keys are theirs to list.
 */
@RestController
public class BillingKeyAdminController {

    /** The flagged billing keys. */
    public record FlaggedKeys(List<BillingKeyAttention.Flag> content) {
    }

    private final BillingKeyAttention attention;

    public BillingKeyAdminController(BillingKeyAttention attention) {
        this.attention = attention;
    }

    @GetMapping("/api/v1/admin/billing-keys")
    public FlaggedKeys needingAttention(@RequestParam(defaultValue = "true") boolean needsAttention) {
        return new FlaggedKeys(needsAttention ? attention.flagged() : List.of());
    }
}
