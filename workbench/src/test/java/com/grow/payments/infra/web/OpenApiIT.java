package com.grow.payments.infra.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.grow.payments.infra.IntegrationTest;
import com.grow.payments.shared.error.ErrorCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The OpenAPI document lists every route the controllers serve, its errors, and is served without a token. */
class OpenApiIT extends IntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void the_spec_lists_every_api_route_with_its_method_and_every_error_code() {
        Reply docs = get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        JsonNode spec = docs.json();

        Set<String> served = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            for (String path : info.getPathPatternsCondition().getPatternValues()) {
                if (path.startsWith("/api/")) {
                    for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                        served.add(method.name().toLowerCase(Locale.ROOT) + " " + path);
                    }
                }
            }
        });
        Set<String> documented = new TreeSet<>();
        spec.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> documented.add(method + " " + path.getKey())));
        assertThat(served).as("routes the controllers serve").hasSizeGreaterThan(20);
        assertThat(documented).containsAll(served);

        List<String> codes = new ArrayList<>();
        spec.at("/components/schemas/Problem/properties/code/enum").forEach(code -> codes.add(code.asText()));
        assertThat(codes).containsExactlyInAnyOrderElementsOf(Arrays.stream(ErrorCode.values()).map(Enum::name).toList());
        JsonNode confirm = spec.at("/paths/~1api~1v1~1payments~1confirm/post");
        assertThat(confirm.at("/responses/402/content/application~1problem+json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(confirm.path("parameters").findValuesAsText("name")).contains("Idempotency-Key");
        assertThat(spec.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");

        assertThat(OpenApiCatalogue.load().operations().keySet()).as("operations.yml lists what is served")
                .containsExactlyInAnyOrderElementsOf(served);
    }

    @Test
    void every_operation_is_tagged_by_domain_summarized_and_lists_only_its_own_problems() {
        JsonNode spec = get("/v3/api-docs", null).json();
        List<String> tags = new ArrayList<>();
        spec.path("tags").forEach(tag -> tags.add(tag.path("name").asText()));
        assertThat(tags).containsExactly("Payments", "Cancels", "Virtual accounts", "Billing keys", "Subscriptions",
                "Webhooks", "Ledger", "Admin");

        spec.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String name = op.getKey() + " " + path.getKey();
            JsonNode operation = op.getValue();
            assertThat(operation.path("tags")).as("tags of %s", name).hasSize(1);
            assertThat(tags).as("tag of %s", name).contains(operation.path("tags").get(0).asText());
            assertThat(operation.path("summary").asText()).as("summary of %s", name).isNotBlank();
            if (operation.has("requestBody")) {
                assertThat(operation.at("/requestBody/content/application~1json/example").isMissingNode())
                        .as("request example of %s", name).isFalse();
            }
        }));

        JsonNode confirm = spec.at("/paths/~1api~1v1~1payments~1confirm/post/responses");
        assertThat(confirm.at("/402/description").asText()).contains("PAYMENT_DECLINED");
        assertThat(confirm.at("/409/description").asText()).contains("CONFIRMATION_IN_PROGRESS")
                .doesNotContain("PROJECTION_BUSY");
        JsonNode balances = spec.at("/paths/~1api~1v1~1ledger~1balances/get/responses");
        assertThat(balances.has("402")).as("the ledger never declines a payment").isFalse();
        assertThat(balances.has("401")).isTrue();
    }

    @Test
    void swagger_ui_is_served_without_a_token() {
        Reply ui = send(request(baseUrl(), "/swagger-ui/index.html", null).GET());
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger");
    }
}
