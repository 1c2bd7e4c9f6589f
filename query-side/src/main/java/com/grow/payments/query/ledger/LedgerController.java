package com.grow.payments.query.ledger;

import com.grow.payments.shared.Caller;
import com.grow.payments.shared.error.ErrorCode;
import com.grow.payments.shared.error.PaymentRejection;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The ledger, for ADMIN only: the trial balance, and one order's journal. */
@RestController
@RequestMapping("/api/v1/ledger")
public class LedgerController {

    /** One order's entries, oldest first, and what they add up to. */
    public record OrderJournal(String orderId, List<EntryView> entries, TrialBalance balances) {
    }

    /** An entry as shown: its number, the event it records, its lines. */
    public record EntryView(long entryId, String eventId, EntryKind kind, Instant occurredAt, Instant recordedAt,
                            List<LineView> lines) {
    }

    /** One line: an amount on one side of one account. */
    public record LineView(String account, long debit, long credit) {
    }

    private final LedgerRepository journal;

    public LedgerController(LedgerRepository journal) {
        this.journal = journal;
    }

    @GetMapping("/balances")
    public TrialBalance balances(Caller caller) {
        requireAdmin(caller);
        return TrialBalance.of(journal.totals());
    }

    @GetMapping("/orders/{orderId}")
    public OrderJournal order(@PathVariable String orderId, Caller caller) {
        requireAdmin(caller);
        List<LedgerRepository.RecordedEntry> entries = journal.recordedEntriesOf(orderId);
        return new OrderJournal(orderId, entries.stream().map(LedgerController::view).toList(),
                TrialBalance.ofEntries(entries.stream().map(LedgerRepository.RecordedEntry::entry).toList()));
    }

    private static EntryView view(LedgerRepository.RecordedEntry recorded) {
        JournalEntry entry = recorded.entry();
        return new EntryView(recorded.entryId(), entry.eventId(), entry.kind(), entry.occurredAt(),
                recorded.recordedAt(), entry.lines().stream()
                        .map(line -> new LineView(line.account().code(), line.debit().amount(), line.credit().amount()))
                        .toList());
    }

    // the security chain already keeps /api/v1/ledger/** to ADMIN; this holds even if that rule moves
    private static void requireAdmin(Caller caller) {
        if (!caller.admin()) {
            throw new PaymentRejection(ErrorCode.FORBIDDEN, "only ADMIN may read the ledger");
        }
    }
}
