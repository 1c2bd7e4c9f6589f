package com.grow.payments.query.ledger;

import java.util.List;

/** Where journal entries are kept: the journal tables ({@link LedgerRepository}), or a list in a test. */
public interface Journal {

    /** Whether an entry for this event is there already. */
    boolean contains(String eventId);

    /** The subject's entries, oldest first. */
    List<JournalEntry> entriesOf(String subject);

    /** Keeps the entry, unless its event has one already: then nothing is kept and the answer is false. */
    boolean append(JournalEntry entry);
}
