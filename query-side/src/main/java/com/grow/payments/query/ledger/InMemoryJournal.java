package com.grow.payments.query.ledger;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A journal kept in memory, with the same rule as the tables (one entry per event id): what the
 * posting rules are tested against without a database. Not thread-safe.
 */
public final class InMemoryJournal implements Journal {

    private final List<JournalEntry> entries = new ArrayList<>();
    private final Set<String> eventIds = new HashSet<>();

    @Override
    public boolean contains(String eventId) {
        return eventIds.contains(eventId);
    }

    @Override
    public List<JournalEntry> entriesOf(String subject) {
        return entries.stream().filter(entry -> entry.subject().equals(subject)).toList();
    }

    @Override
    public boolean append(JournalEntry entry) {
        if (!eventIds.add(entry.eventId())) {
            return false;
        }
        entries.add(entry);
        return true;
    }

    /** Every entry, in the order kept. */
    public List<JournalEntry> entries() {
        return List.copyOf(entries);
    }
}
