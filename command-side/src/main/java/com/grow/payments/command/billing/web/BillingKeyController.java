package com.grow.payments.command.billing.web;

import com.grow.payments.command.billing.AuthKeyCustody;
import com.grow.payments.command.billing.AuthKeyUses;
import com.grow.payments.command.web.AggregateEvents;
import com.grow.payments.command.web.AnswerWaiter;
import com.grow.payments.shared.Caller;
import com.grow.payments.shared.IdNamespaces;
import com.grow.payments.shared.Ids;
import com.grow.payments.shared.billing.BillingCommands.DeleteBillingKey;
import com.grow.payments.shared.billing.BillingCommands.IssueBillingKey;
import com.grow.payments.shared.billing.BillingKeyDeleted;
import com.grow.payments.shared.billing.BillingKeyIssueOutcomeUnknown;
import com.grow.payments.shared.billing.BillingKeyIssueRequested;
import com.grow.payments.shared.billing.BillingKeyIssued;
import com.grow.payments.shared.billing.BillingKeyRefused;
import com.grow.payments.shared.billing.BillingKeyView;
import com.grow.payments.shared.error.ErrorCode;
import com.grow.payments.shared.error.PaymentRejection;
import com.grow.payments.shared.merchant.MerchantFlow;
import com.grow.payments.shared.merchant.MerchantRouting;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Cards registered for recurring charges: the raw billing key never leaves the vault. */
@RestController
public class BillingKeyController {

    record IssueRequest(
            @NotBlank @Size(max = 300) String authKey,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9\\-_=.@]{2,300}", message = "must be 2-300 characters of [A-Za-z0-9-_=.@]")
            String customerKey) {
    }

    /** Toss's answer to the issue is not known (yet): no key to show, and the authKey is spent. */
    public record PendingBillingKey(String billingKeyId, String status) {
    }

    private final CommandGateway commands;
    private final AuthKeyUses authKeys;
    private final AuthKeyCustody custody;
    private final AnswerWaiter outcomes;
    private final AggregateEvents events;
    private final Duration wait;
    private final MerchantRouting merchants;

    public BillingKeyController(CommandGateway commands, AuthKeyUses authKeys, AuthKeyCustody custody,
                                AnswerWaiter outcomes, AggregateEvents events,
                                @Value("${payments.confirm.wait-timeout:12s}") Duration wait,
                                MerchantRouting merchants) {
        this.merchants = merchants;
        this.commands = commands;
        this.authKeys = authKeys;
        this.custody = custody;
        this.outcomes = outcomes;
        this.events = events;
        this.wait = wait;
    }

    @PostMapping("/api/v1/billing-keys")
    public CompletableFuture<ResponseEntity<?>> issue(@Valid @RequestBody IssueRequest body, Caller caller) {
        requireRandom(body.customerKey(), caller);
        String billingKeyId = Ids.sortable(IdNamespaces.BILLING_KEY);
        claim(body.authKey(), billingKeyId, caller);
        // sealed outside the event store until Toss has answered; the command and events never hold it
        custody.keep(billingKeyId, body.authKey());
        return commands.send(new IssueBillingKey(billingKeyId, caller, body.customerKey(),
                        merchants.merchantFor(MerchantFlow.BILLING)))
                .thenCompose(sent -> outcomes.awaitEvents(caller.memberId(), billingKeyId, wait, BillingKeyController::answered))
                .thenApply(answer -> issued(billingKeyId, answer));
    }

    @DeleteMapping("/api/v1/billing-keys/{billingKeyId}")
    public CompletableFuture<ResponseEntity<Void>> delete(@PathVariable String billingKeyId, Caller caller) {
        requireExists(billingKeyId);
        return commands.send(new DeleteBillingKey(billingKeyId, caller))
                .thenCompose(sent -> outcomes.awaitEvents(caller.memberId(), billingKeyId, wait,
                        all -> all.stream().anyMatch(BillingKeyDeleted.class::isInstance)))
                .thenApply(answer -> answer.stream().anyMatch(BillingKeyDeleted.class::isInstance)
                        ? ResponseEntity.noContent().build() : ResponseEntity.accepted().build());
    }

    /** Toss asks for a random customerKey: a member id or a short value would let others guess it. */
    private static void requireRandom(String customerKey, Caller caller) {
        String lower = customerKey.toLowerCase(Locale.ROOT);
        if (customerKey.length() < 16 || customerKey.chars().allMatch(Character::isDigit)
                || lower.contains(caller.memberId().value().toLowerCase(Locale.ROOT))) {
            throw PaymentRejection.invalidField("customerKey", "must be a random value such as a UUID, never a member id");
        }
    }

    /**
     * An authKey goes to Toss once. Submitted again, it is refused here, unless Toss refused it the
     * first time (then nothing was issued and Toss decides again). The owner is told which key it went to.
     */
    private void claim(String authKey, String billingKeyId, Caller caller) {
        Optional<String> previous = authKeys.claim(authKey, billingKeyId);
        if (previous.isEmpty()) {
            return;
        }
        List<Object> history = events.events(previous.get());
        if (history.stream().anyMatch(BillingKeyRefused.class::isInstance)
                && authKeys.reassign(authKey, previous.get(), billingKeyId)) {
            return;
        }
        boolean own = history.stream().filter(BillingKeyIssueRequested.class::isInstance)
                .map(BillingKeyIssueRequested.class::cast)
                .anyMatch(requested -> requested.memberId().equals(caller.memberId().value()));
        throw new PaymentRejection(ErrorCode.AUTH_KEY_ALREADY_USED, ErrorCode.AUTH_KEY_ALREADY_USED.name(),
                "this authKey was already submitted; register the card again in Toss's billing window for a new one",
                own ? Map.of("billingKeyId", previous.get()) : Map.of());
    }

    private void requireExists(String billingKeyId) {
        if (billingKeyId.length() > 64 || events.events(billingKeyId).stream()
                .noneMatch(BillingKeyIssueRequested.class::isInstance)) {
            throw new PaymentRejection(ErrorCode.BILLING_KEY_NOT_FOUND, "no billing key " + billingKeyId);
        }
    }

    private static boolean answered(List<Object> events) {
        return events.stream().anyMatch(e -> e instanceof BillingKeyIssued || e instanceof BillingKeyRefused
                || e instanceof BillingKeyIssueOutcomeUnknown);
    }

    private static ResponseEntity<?> issued(String billingKeyId, List<Object> events) {
        for (Object event : events) {
            if (event instanceof BillingKeyIssued issued) {
                return ResponseEntity.created(URI.create("/api/v1/billing-keys/" + billingKeyId))
                        .body(BillingKeyView.issued(issued));
            }
            if (event instanceof BillingKeyRefused refused) {
                throw new PaymentRejection(ErrorCode.BILLING_KEY_REFUSED, refused.failure().code(),
                        refused.failure().message(), Map.of());
            }
        }
        // Toss's answer is lost or late: a live key may exist there, so this is no refusal (an operator looks)
        return ResponseEntity.accepted().body(new PendingBillingKey(billingKeyId, "UNKNOWN"));
    }
}
