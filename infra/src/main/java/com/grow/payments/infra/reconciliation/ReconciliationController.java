package com.grow.payments.infra.reconciliation;

import com.grow.payments.query.support.PageView;
import com.grow.payments.shared.Caller;
import com.grow.payments.shared.error.ErrorCode;
import com.grow.payments.shared.error.PaymentRejection;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Reconciliation runs for operators and finance (ADMIN, under {@code /api/v1/admin}): start one for
 * a day or a period of Seoul dates, list them, read one with its counts and settlements, and read
 * its items as JSON pages or, with {@code Accept: text/csv}, as one CSV file of any length.
 */
@RestController
public class ReconciliationController {

    /** Longest period one run covers. */
    static final int MAX_DAYS = 31;
    private static final String CSV = "text/csv";

    /** {@code {date}} or {@code {from, to}}: Seoul dates, both ends included. */
    public record RunRequest(LocalDate date, LocalDate from, LocalDate to) {
    }

    public record Started(String runId, String status, LocalDate from, LocalDate to) {
    }

    public record Counts(long matched, long mismatched, long missingHere, long missingAtToss) {
    }

    /** The period's settlements (paid out in it) as Toss reports them, and how many this run posted. */
    public record Settlements(long count, long fees, long payOut, long posted) {
    }

    public record RunView(String runId, LocalDate from, LocalDate to, String status, String requestedBy,
                          Instant startedAt, Instant finishedAt, int attempts, Counts counts, Settlements settlements,
                          String failure) {
    }

    public record ItemView(String transactionKey, String orderId, String paymentKey, ItemKind kind, Long tossAmount,
                           Long ourAmount, String tossStatus, String ourStatus, ItemStatus status, ItemAction action,
                           boolean needsAttention, Instant transactionAt, String merchant, String note) {
    }

    private final Reconciliations reconciliations;
    private final ReconciliationRuns runs;

    public ReconciliationController(Reconciliations reconciliations, ReconciliationRuns runs) {
        this.reconciliations = reconciliations;
        this.runs = runs;
    }

    @PostMapping("/api/v1/admin/reconciliation/runs")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Started start(@RequestBody RunRequest body, Caller caller) {
        LocalDate from = body.date() != null ? body.date() : body.from();
        LocalDate to = body.date() != null ? body.date() : body.to();
        if (body.date() != null && (body.from() != null || body.to() != null)) {
            throw invalid("give either date or from and to, not both");
        }
        if (from == null || to == null) {
            throw invalid("date, or from and to, are required (yyyy-MM-dd, Asia/Seoul)");
        }
        if (from.isAfter(to)) {
            throw invalid("from must not be after to");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw invalid("a run covers at most " + MAX_DAYS + " days");
        }
        String runId = reconciliations.start(from, to, caller.memberId().value());
        return new Started(runId, "RUNNING", from, to);
    }

    @GetMapping("/api/v1/admin/reconciliation/runs")
    public PageView<RunView> list(@RequestParam(defaultValue = "0") int page,
                                  @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || size < 1 || size > 100) {
            throw invalid("page is 0 or more, size 1 to 100");
        }
        return new PageView<>(runs.newest(page, size).stream().map(this::view).toList(), page, size, runs.count());
    }

    @GetMapping("/api/v1/admin/reconciliation/runs/{runId}")
    public RunView get(@PathVariable String runId) {
        return view(run(runId));
    }

    @GetMapping(value = "/api/v1/admin/reconciliation/runs/{runId}/items", produces = MediaType.APPLICATION_JSON_VALUE)
    public PageView<ItemView> items(@PathVariable String runId, @RequestParam(required = false) String status,
                                    @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "100") int size) {
        ItemStatus filter = status(status);
        run(runId);
        if (page < 0 || size < 1 || size > 1000) {
            throw invalid("page is 0 or more, size 1 to 1000");
        }
        return new PageView<>(runs.items(runId, filter, page, size).stream().map(ReconciliationController::view).toList(),
                page, size, runs.countItems(runId, filter));
    }

    @GetMapping(value = "/api/v1/admin/reconciliation/runs/{runId}/items", produces = CSV)
    public ResponseEntity<StreamingResponseBody> itemsCsv(@PathVariable String runId,
                                                          @RequestParam(required = false) String status) {
        ItemStatus filter = status(status);
        run(runId);
        StreamingResponseBody body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write(ReconciliationCsv.HEADER);
            try {
                runs.items(runId, filter, item -> {
                    try {
                        writer.write(ReconciliationCsv.row(view(item)));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } finally {
                writer.flush();
            }
        };
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"reconciliation-" + runId
                        + (filter == null ? "" : "-" + filter) + ".csv\"")
                .body(body);
    }

    private ReconciliationRuns.Run run(String runId) {
        return runs.find(runId).orElseThrow(() -> new PaymentRejection(ErrorCode.RECONCILIATION_RUN_NOT_FOUND,
                "no reconciliation run " + runId));
    }

    private RunView view(ReconciliationRuns.Run run) {
        ReconciliationRuns.Counts counts = runs.counts(run.runId());
        return new RunView(run.runId(), run.from(), run.to(), run.status(), run.requestedBy(), run.startedAt(),
                run.finishedAt(), run.attempts(),
                new Counts(counts.matched(), counts.mismatched(), counts.missingHere(), counts.missingAtToss()),
                new Settlements(run.settlementCount(), run.settlementFees(), run.settlementPayOut(),
                        run.settlementPosted()),
                run.failure());
    }

    static ItemView view(ReconciliationRuns.Item item) {
        return new ItemView(item.transactionKey(), item.orderId(), item.paymentKey(), item.kind(), item.tossAmount(),
                item.ourAmount(), item.tossStatus(), item.ourStatus(), item.status(), item.action(),
                item.needsAttention(), item.transactionAt(), item.merchant(), item.note());
    }

    private static ItemStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        return Arrays.stream(ItemStatus.values()).filter(s -> s.name().equals(status)).findFirst()
                .orElseThrow(() -> invalid("status is one of " + List.of(ItemStatus.values())));
    }

    private static PaymentRejection invalid(String message) {
        return new PaymentRejection(ErrorCode.VALIDATION_FAILED, message);
    }
}
