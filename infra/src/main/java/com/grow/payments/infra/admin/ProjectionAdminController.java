package com.grow.payments.infra.admin;

import com.grow.payments.infra.config.WakeableEventStore;
import com.grow.payments.infra.metrics.ProcessorLagMetrics;
import com.grow.payments.shared.error.ErrorCode;
import com.grow.payments.shared.error.PaymentRejection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The event processors as an operator sees them (ADMIN, under {@code /api/v1/admin}): where each
 * stands against the head of the event store, and a replay that rebuilds one read model from the
 * events while the service keeps taking payments. Only read models are replayed; sagas, the
 * janitor and the Kafka relay act on the world, and replaying them would act twice.
 */
@RestController
public class ProjectionAdminController {

    private static final Logger log = LoggerFactory.getLogger(ProjectionAdminController.class);

    /**
     * One segment of a processor, as the token store has it (all instances), with what this
     * instance knows when it is the owner.
     */
    public record SegmentView(int segment, Long position, String owner, boolean ownedHere, Boolean caughtUp,
                              Boolean replaying, String error) {
    }

    /** One processor: its segments here, its slowest position, the store's head and the lag between. */
    public record ProcessorView(String name, boolean replayable, boolean running, boolean replaying, Long position,
                                long head, Long lag, List<SegmentView> segments) {
    }

    /** The processors and the head of the event store they read. */
    public record ProcessorsView(long head, List<ProcessorView> processors) {
    }

    private final EventProcessingConfiguration processing;
    private final WakeableEventStore eventStore;
    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final Set<String> replayable;

    public ProjectionAdminController(EventProcessingConfiguration processing, WakeableEventStore eventStore, JdbcClient jdbc,
                                     Serializer serializer,
                                     @Value("${payments.read-model.projections:payment-history,subscription-history,ledger,billing-key-history}")
                                     Set<String> replayable) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.replayable = Set.copyOf(replayable);
    }

    @GetMapping("/api/v1/admin/projections")
    public ProcessorsView processors() {
        long head = head();
        List<ProcessorView> views = new ArrayList<>();
        processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .sorted(Comparator.comparing(EventProcessor::getName))
                .forEach(processor -> views.add(view(processor, head)));
        return new ProcessorsView(head, views);
    }

    @GetMapping("/api/v1/admin/projections/{name}")
    public ProcessorView processor(@PathVariable String name) {
        return view(find(name), head());
    }

    /**
     * Rebuilds the read model: the processor stops here, its tokens go back to the start of the
     * store (its reset handler clears the tables), and it starts again, catching up to the head
     * and then following new events. Writes go on meanwhile; only this read model is behind.
     */
    @PostMapping("/api/v1/admin/projections/{name}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public ProcessorView replay(@PathVariable String name) {
        StreamingEventProcessor processor = find(name);
        if (!replayable.contains(name)) {
            throw new PaymentRejection(ErrorCode.PROJECTION_NOT_REPLAYABLE,
                    name + " has side effects (calls Toss, schedules work or publishes events); it is never replayed");
        }
        if (processor.isReplaying()) {
            throw new PaymentRejection(ErrorCode.PROJECTION_BUSY, name + " is already replaying");
        }
        // an idle worker would otherwise wait up to a second for an event before it sees the shutdown
        CompletableFuture<Void> stopped = processor.shutdownAsync();
        eventStore.wakeWaitingStreams();
        stopped.join();
        try {
            processor.resetTokens();
        } catch (UnableToClaimTokenException e) {
            throw new PaymentRejection(ErrorCode.PROJECTION_BUSY, name
                    + " holds segments on another instance: stop it there (or that instance) before replaying");
        } finally {
            processor.start();
        }
        log.info("replay of {} started from the beginning of the event store", name);
        return view(processor, head());
    }

    private StreamingEventProcessor find(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new PaymentRejection(ErrorCode.PROJECTION_NOT_FOUND, "no event processor " + name));
    }

    private ProcessorView view(StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> here = processor.processingStatus();
        List<SegmentView> segments = jdbc.sql("""
                        SELECT segment, token, token_type, owner FROM token_entry
                        WHERE processor_name = ? ORDER BY segment""")
                .param(processor.getName())
                .query((rs, row) -> {
                    int segment = rs.getInt("segment");
                    EventTrackerStatus status = here.get(segment);
                    Long position = position(rs.getBytes("token"), rs.getString("token_type"));
                    return new SegmentView(segment, position, rs.getString("owner"), status != null,
                            status == null ? null : status.isCaughtUp(), status == null ? null : status.isReplaying(),
                            status != null && status.isErrorState() ? String.valueOf(status.getError()) : null);
                })
                .list();
        Long position = segments.stream().map(SegmentView::position)
                .map(p -> p == null ? -1L : p).min(Long::compare).orElse(null);
        Long lag = position == null ? null : Math.max(0, head - position);
        return new ProcessorView(processor.getName(), replayable.contains(processor.getName()), processor.isRunning(),
                processor.isReplaying(), position, head, lag, segments);
    }

    /** A stored token's position in the store; null before the first event (or for an empty token). */
    private Long position(byte[] token, String type) {
        if (token == null || type == null) {
            return null;
        }
        TrackingToken tracking = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
        OptionalLong position = tracking == null ? OptionalLong.empty() : tracking.position();
        return position.isPresent() ? position.getAsLong() : null;
    }

    private long head() {
        return ProcessorLagMetrics.headOf(eventStore);
    }
}
