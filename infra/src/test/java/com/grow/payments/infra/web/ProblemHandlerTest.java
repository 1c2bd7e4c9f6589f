package com.grow.payments.infra.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

class ProblemHandlerTest {

    private final ProblemHandler handler = new ProblemHandler();
    private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/payments");

    @Test
    void an_illegal_argument_is_a_400_whose_detail_never_echoes_the_exceptions_message() {
        ResponseEntity<Object> answer = handler.any(new CompletionException(
                new IllegalArgumentException("unbalanced entry for event e-1: debits in table journal_line")), request);

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        ProblemDetail problem = (ProblemDetail) answer.getBody();
        assertThat(problem.getDetail()).isEqualTo(ProblemHandler.VALUE_NOT_ACCEPTED)
                .doesNotContain("journal_line", "unbalanced");
        assertThat(problem.getProperties()).containsEntry("code", "VALIDATION_FAILED");
    }

    @Test
    void anything_unforeseen_is_a_500_with_a_fixed_detail() {
        ResponseEntity<Object> answer = handler.any(new IllegalStateException("connection to db-7.internal refused"),
                request);

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(((ProblemDetail) answer.getBody()).getDetail()).doesNotContain("db-7.internal");
    }
}
