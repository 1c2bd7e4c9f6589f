package com.grow.payments.infra.deadletter;

import com.grow.payments.shared.error.ErrorCode;
import com.grow.payments.shared.error.PaymentRejection;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The parked sequences as an operator sees them (ADMIN, under {@code /api/v1/admin}), one row per
 * sequence (a subscription): its first failed event, the safe cause, when it first failed and how
 * many times. A retry hands the sequence back to its handler, oldest event first; a failure parks
 * it again with one more attempt. Gauge {@code dead_letters{processor}}.
 */
@RestController
public class DeadLetterAdminController {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterAdminController.class);

    /** One parked sequence. */
    public record DeadLetterView(String processor, String sequenceId, String eventType, String aggregateId,
                                 String cause, Instant firstFailedAt, long attempts, long events) {
    }

    /** The parked sequences of every processor that has a dead-letter queue. */
    public record DeadLettersView(List<DeadLetterView> content) {
    }

    private final EventProcessingConfiguration processing;

    public DeadLetterAdminController(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @EventListener(ApplicationStartedEvent.class)
    public void registerGauges(ApplicationStartedEvent started) {
        MeterRegistry registry = started.getApplicationContext().getBean(MeterRegistry.class);
        for (String group : DeadLetterConfiguration.GROUPS) {
            queue(group).ifPresent(queue -> Gauge.builder("dead_letters", queue, SequencedDeadLetterQueue::size)
                    .description("Events parked in a processor's dead-letter queue")
                    .tag("processor", group)
                    .register(registry));
        }
    }

    @GetMapping("/api/v1/admin/dead-letters")
    public DeadLettersView list() {
        List<DeadLetterView> views = new ArrayList<>();
        for (String group : DeadLetterConfiguration.GROUPS) {
            queue(group).ifPresent(queue -> queue.deadLetters().forEach(sequence -> view(group, sequence)
                    .ifPresent(views::add)));
        }
        return new DeadLettersView(views);
    }

    @PostMapping("/api/v1/admin/dead-letters/{processor}/{sequenceId}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public void retry(@PathVariable String processor, @PathVariable String sequenceId) {
        if (queue(processor).filter(q -> q.contains(sequenceId)).isEmpty()) {
            throw new PaymentRejection(ErrorCode.DEAD_LETTER_NOT_FOUND,
                    "no parked sequence " + sequenceId + " in " + processor);
        }
        boolean handled = processing.sequencedDeadLetterProcessor(processor).orElseThrow()
                .process(letter -> sequenceId.equals(sequenceOf(letter)));
        log.info("retry of {} in {} by an operator: {}", sequenceId, processor,
                handled ? "handled" : "failed again, parked with one more attempt");
    }

    private Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue(String group) {
        return DeadLetterConfiguration.GROUPS.contains(group) ? processing.deadLetterQueue(group) : Optional.empty();
    }

    private static Optional<DeadLetterView> view(String group, Iterable<DeadLetter<? extends EventMessage<?>>> sequence) {
        DeadLetter<? extends EventMessage<?>> first = null;
        long events = 0;
        for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
            first = first == null ? letter : first;
            events++;
        }
        if (first == null) {
            return Optional.empty();
        }
        EventMessage<?> event = first.message();
        return Optional.of(new DeadLetterView(group, sequenceOf(first), event.getPayloadType().getSimpleName(),
                SafeEnqueuePolicy.aggregateOf(event), first.cause().map(Cause::message).orElse(null),
                first.enqueuedAt(), SafeEnqueuePolicy.attempts(first.diagnostics()), events));
    }

    /** The sequence a letter is parked under: its aggregate (the processors' sequencing policy). */
    private static String sequenceOf(DeadLetter<? extends EventMessage<?>> letter) {
        return letter instanceof JdbcDeadLetter<?> jdbc ? jdbc.getSequenceIdentifier()
                : SafeEnqueuePolicy.aggregateOf(letter.message());
    }
}
