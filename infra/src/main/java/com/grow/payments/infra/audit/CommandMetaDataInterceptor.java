package com.grow.payments.infra.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;

/**
 * Gives every command the audit trail's request metadata on the thread that sends it. What the
 * command already carries wins (Axon's correlation data, when a handler sends it); then the cause
 * carried across a saga's asynchronous call ({@link Causation}); then the HTTP request being served;
 * else the command is the system's own, with a fresh trace id. The events the command causes copy
 * these keys through the correlation data providers of {@link AuditTrailConfiguration}.
 */
final class CommandMetaDataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> commands) {
        return (index, command) -> {
            Map<String, Object> missing = missing(command.getMetaData());
            return missing.isEmpty() ? command : command.andMetaData(missing);
        };
    }

    private static Map<String, Object> missing(MetaData present) {
        Map<String, Object> added = new HashMap<>();
        Causation.carried().forEach((key, value) -> addIfAbsent(present, added, key, value));
        if (!present.containsKey(AuditMetaData.MEMBER_ID) && !added.containsKey(AuditMetaData.MEMBER_ID)) {
            // the request, if any, answers the rest; nothing else may fill in for it piecemeal
            RequestMetaData.current().forEach((key, value) -> addIfAbsent(present, added, key, value));
        }
        addIfAbsent(present, added, AuditMetaData.MEMBER_ID, AuditMetaData.SYSTEM);
        if (!present.containsKey(AuditMetaData.TRACE_ID) && !added.containsKey(AuditMetaData.TRACE_ID)) {
            added.put(AuditMetaData.TRACE_ID, TraceIds.outsideRequests());
        }
        return added;
    }

    private static void addIfAbsent(MetaData present, Map<String, Object> added, String key, Object value) {
        if (value != null && !present.containsKey(key) && !added.containsKey(key)) {
            added.put(key, value);
        }
    }
}
