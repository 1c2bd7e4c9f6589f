package com.grow.payments.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class CommandMetaDataInterceptorTest {

    private final CommandMetaDataInterceptor interceptor = new CommandMetaDataInterceptor();

    @AfterEach
    void clear() {
        RequestContextHolder.resetRequestAttributes();
        SecurityContextHolder.clearContext();
    }

    private MetaData dispatched(CommandMessage<?> command) {
        return interceptor.handle(List.of(command)).apply(0, command).getMetaData();
    }

    @Test
    void a_members_request_names_the_member_its_key_trace_and_path_and_nothing_secret() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/payments/confirm");
        request.addHeader("Idempotency-Key", "confirm-1");
        request.addHeader("Authorization", "Bearer secret-token");
        request.addHeader(TraceIds.TRACEPARENT, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("member-1", null, "ROLE_USER"));

        MetaData metaData = dispatched(GenericCommandMessage.asCommandMessage("confirm"));

        assertThat(metaData).containsEntry("memberId", "member-1").containsEntry("idempotencyKey", "confirm-1")
                .containsEntry("traceId", "4bf92f3577b34da6a3ce929d0e0e4736")
                .containsEntry("requestMethod", "POST").containsEntry("requestPath", "/api/v1/payments/confirm");
        assertThat(metaData.values()).noneMatch(value -> String.valueOf(value).contains("secret-token"));
    }

    @Test
    void a_command_sent_by_no_request_is_the_systems_with_its_own_trace() {
        MetaData metaData = dispatched(GenericCommandMessage.asCommandMessage("janitor"));

        assertThat(metaData).containsEntry("memberId", "system").doesNotContainKey("idempotencyKey");
        assertThat((String) metaData.get("traceId")).matches("[0-9a-f]{32}");
    }

    @Test
    void the_cause_carried_across_a_saga_call_and_what_the_command_has_win() {
        CommandMessage<?> command = GenericCommandMessage.asCommandMessage("record approval")
                .andMetaData(Map.of("traceId", "own-trace"));
        MetaData[] seen = new MetaData[1];

        Causation.within(Map.of("memberId", "member-1", "traceId", "request-trace", "idempotencyKey", "confirm-1",
                "correlationId", "event-1"), () -> seen[0] = dispatched(command));

        assertThat(seen[0]).containsEntry("memberId", "member-1").containsEntry("idempotencyKey", "confirm-1")
                .containsEntry("correlationId", "event-1").containsEntry("traceId", "own-trace");
        assertThat(Causation.carried()).isEmpty();
    }
}
