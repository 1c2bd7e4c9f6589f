package com.grow.payments.infra.config;

import com.grow.payments.command.web.LastSequences;
import java.sql.Array;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The last sequence numbers of many aggregates in one query on the event table's (aggregate, sequence) index. */
@Component
class StoredLastSequences implements LastSequences {

    private final JdbcTemplate jdbc;
    private final String query;

    StoredLastSequences(JdbcTemplate jdbc, EventSchema schema) {
        this.jdbc = jdbc;
        this.query = "SELECT " + schema.aggregateIdentifierColumn() + ", MAX(" + schema.sequenceNumberColumn() + ")"
                + " FROM " + schema.domainEventTable() + " WHERE " + schema.aggregateIdentifierColumn() + " = ANY (?)"
                + " GROUP BY " + schema.aggregateIdentifierColumn();
    }

    @Override
    public Map<String, Long> of(Collection<String> aggregateIds) {
        Map<String, Long> last = new HashMap<>();
        if (aggregateIds.isEmpty()) {
            return last;
        }
        jdbc.query(query, statement -> {
            Array ids = statement.getConnection().createArrayOf("varchar", aggregateIds.toArray());
            statement.setArray(1, ids);
        }, row -> {
            last.put(row.getString(1), row.getLong(2));
        });
        return last;
    }
}
