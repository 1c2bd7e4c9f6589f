package com.grow.payments.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;

class TraceIdsTest {

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void a_w3c_traceparent_gives_its_trace_id() {
        assertThat(TraceIds.fromTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
                .contains("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(TraceIds.fromTraceparent("00-00000000000000000000000000000000-00f067aa0ba902b7-01")).isEmpty();
        assertThat(TraceIds.fromTraceparent("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).isEmpty();
        assertThat(TraceIds.fromTraceparent("garbage")).isEmpty();
    }

    @Test
    void the_tracer_wins_then_traceparent_then_request_id() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/payments");
        request.addHeader(TraceIds.REQUEST_ID, "req-42");
        assertThat(TraceIds.of(request)).isEqualTo("req-42");

        request.addHeader(TraceIds.TRACEPARENT, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        assertThat(TraceIds.of(request)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");

        MDC.put("traceId", "0af7651916cd43dd8448eb211c80319c");
        assertThat(TraceIds.of(request)).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    }

    @Test
    void without_any_a_request_gets_one_id_for_all_its_commands() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/payments");
        request.addHeader(TraceIds.REQUEST_ID, "not valid: spaces and {braces}");

        String first = TraceIds.of(request);
        assertThat(first).matches("[0-9a-f]{32}");
        assertThat(TraceIds.of(request)).isEqualTo(first);
        assertThat(TraceIds.of(new MockHttpServletRequest())).isNotEqualTo(first);
    }
}
