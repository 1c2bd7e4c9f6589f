package com.grow.payments.command.billing.web;

import com.grow.payments.command.billing.AuthKeyCustody;
import com.grow.payments.command.payment.web.PaymentOutcomes;
import com.grow.payments.command.payment.web.PaymentViewLoader;
import com.grow.payments.shared.Caller;
import com.grow.payments.shared.Ids;
import com.grow.payments.shared.billing.BillingCommands.DeleteBillingKey;
import com.grow.payments.shared.billing.BillingCommands.IssueBillingKey;
import com.grow.payments.shared.billing.BillingKeyDeleted;
import com.grow.payments.shared.billing.BillingKeyIssueRequested;
import com.grow.payments.shared.billing.BillingKeyIssued;
import com.grow.payments.shared.billing.BillingKeyRefused;
import com.grow.payments.shared.billing.BillingKeyView;
import com.grow.payments.shared.error.ErrorCode;
import com.grow.payments.shared.error.PaymentRejection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Cards registered for recurring charges (CONTRACT §4): the raw billing key never leaves the vault. */
@RestController
public class BillingKeyController {

    record IssueRequest(
            @NotBlank @Size(max = 300) String authKey,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9\\-_=.@]{2,300}", message = "must be 2-300 characters of [A-Za-z0-9-_=.@]")
            String customerKey) {
    }

    private final CommandGateway commands;
    private final AuthKeyCustody authKeys;
    private final PaymentOutcomes outcomes;
    private final PaymentViewLoader events;
    private final Duration wait;

    public BillingKeyController(CommandGateway commands, AuthKeyCustody authKeys, PaymentOutcomes outcomes,
                                PaymentViewLoader events, @Value("${payments.confirm.wait-timeout:12s}") Duration wait) {
        this.commands = commands;
        this.authKeys = authKeys;
        this.outcomes = outcomes;
        this.events = events;
        this.wait = wait;
    }

    @PostMapping("/api/v1/billing-keys")
    public CompletableFuture<ResponseEntity<BillingKeyView>> issue(@Valid @RequestBody IssueRequest body,
                                                                   Caller caller) {
        requireRandom(body.customerKey(), caller);
        String billingKeyId = Ids.sortable("bk_");
        // sealed outside the event store until Toss has answered; the command and events never hold it
        authKeys.keep(billingKeyId, body.authKey());
        return commands.send(new IssueBillingKey(billingKeyId, caller, body.customerKey()))
                .thenCompose(sent -> outcomes.awaitEvents(billingKeyId, wait, BillingKeyController::answered))
                .thenApply(answer -> issued(billingKeyId, answer));
    }

    @DeleteMapping("/api/v1/billing-keys/{billingKeyId}")
    public CompletableFuture<ResponseEntity<Void>> delete(@PathVariable String billingKeyId, Caller caller) {
        requireExists(billingKeyId);
        return commands.send(new DeleteBillingKey(billingKeyId, caller))
                .thenCompose(sent -> outcomes.awaitEvents(billingKeyId, wait,
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

    private void requireExists(String billingKeyId) {
        if (billingKeyId.length() > 64 || events.events(billingKeyId).stream()
                .noneMatch(BillingKeyIssueRequested.class::isInstance)) {
            throw new PaymentRejection(ErrorCode.BILLING_KEY_NOT_FOUND, "no billing key " + billingKeyId);
        }
    }

    private static boolean answered(List<Object> events) {
        return events.stream().anyMatch(e -> e instanceof BillingKeyIssued || e instanceof BillingKeyRefused);
    }

    private static ResponseEntity<BillingKeyView> issued(String billingKeyId, List<Object> events) {
        for (Object event : events) {
            if (event instanceof BillingKeyIssued issued) {
                return ResponseEntity.created(URI.create("/api/v1/billing-keys/" + billingKeyId))
                        .body(new BillingKeyView(billingKeyId, issued.cardCompany(), issued.cardNumberMasked(),
                                issued.issuedAt()));
            }
            if (event instanceof BillingKeyRefused refused) {
                throw new PaymentRejection(ErrorCode.BILLING_KEY_REFUSED, refused.failure().code(),
                        refused.failure().message(), Map.of());
            }
        }
        throw new PaymentRejection(ErrorCode.SERVICE_UNAVAILABLE, "Toss did not answer in time; register the card again");
    }
}
