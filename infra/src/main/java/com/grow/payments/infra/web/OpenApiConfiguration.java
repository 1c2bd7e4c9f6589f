package com.grow.payments.infra.web;

import com.grow.payments.shared.Caller;
import com.grow.payments.shared.error.ErrorCode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API as OpenAPI 3 ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}): every
 * route springdoc finds on the controllers, tagged by domain with a summary, the bearer JWT, the
 * {@code Idempotency-Key} header on every POST, and the one error body (RFC 9457 problem+json) with
 * the codes each operation can answer and an example per status, so clients can be generated
 * against the errors as well as the answers.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static final String PROBLEM = "Problem";

    static {
        // the caller comes from the bearer token (CallerArgumentResolver), not from the request
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    public OpenAPI growPaymentsOpenApi() {
        return new OpenAPI()
                .info(new Info().title("GROW Payments API").version("v1")
                        .description("Payments, cancels, billing keys, subscriptions and virtual accounts over Toss "
                                + "Payments, with their history, audit trail and ledger. Amounts are whole won; times "
                                + "are ISO-8601 with an offset. Errors are application/problem+json with a stable code.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT").description("sub = member id; roles = [USER] and/or [ADMIN]")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /**
     * Every operation: its domain tag, summary, request example and the problem+json answers it can
     * give, from {@code openapi/operations.yml}; every POST: the Idempotency-Key header.
     */
    @Bean
    public OpenApiCustomizer catalogueProblemsAndIdempotency() {
        OpenApiCatalogue catalogue = OpenApiCatalogue.load();
        return openApi -> {
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            openApi.setTags(catalogue.tags().stream()
                    .map(tag -> new Tag().name(tag.name()).description(tag.description())).toList());
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
                boolean post = method == PathItem.HttpMethod.POST;
                if (post && !path.startsWith("/api/v1/webhooks")) {
                    op.addParametersItem(new HeaderParameter().name("Idempotency-Key").required(false)
                            .description("1–255 characters: the same key and body answer the first response for 24 h")
                            .schema(new StringSchema().maxLength(255)));
                }
                Set<ErrorCode> problems = new LinkedHashSet<>(catalogue.common());
                if (post && op.getRequestBody() != null) {
                    problems.addAll(catalogue.commonPost());
                }
                catalogue.operation(method.name(), path).ifPresent(doc -> {
                    op.setTags(List.of(doc.tag()));
                    op.setSummary(doc.summary());
                    problems.addAll(doc.problems());
                    if (doc.example() != null && op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                        op.getRequestBody().getContent().values().forEach(media -> media.setExample(doc.example()));
                    }
                });
                byStatus(problems).forEach((status, codes) -> addProblem(op, status, codes));
            }));
        };
    }

    private static void addProblem(Operation operation, int status, List<ErrorCode> codes) {
        String key = String.valueOf(status);
        if (operation.getResponses() == null || operation.getResponses().containsKey(key)) {
            return;
        }
        ErrorCode first = codes.get(0);
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "urn:grow-payments:problem:" + first.name().toLowerCase().replace('_', '-'));
        example.put("title", first.title());
        example.put("status", status);
        example.put("detail", "what went wrong, for a human");
        example.put("instance", "/api/v1/…");
        example.put("code", first.name());
        operation.getResponses().addApiResponse(key, new ApiResponse()
                .description(String.join(", ", codes.stream().map(Enum::name).toList()))
                .content(new Content().addMediaType("application/problem+json", new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))
                        .addExamples(first.name(), new Example().value(example)))));
    }

    private static Map<Integer, List<ErrorCode>> byStatus(Set<ErrorCode> codes) {
        Map<Integer, List<ErrorCode>> byStatus = new TreeMap<>();
        for (ErrorCode code : codes) {
            byStatus.computeIfAbsent(code.status(), s -> new ArrayList<>()).add(code);
        }
        return byStatus;
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        StringSchema code = new StringSchema();
        code.setEnum(Arrays.stream(ErrorCode.values()).map(Enum::name).toList());
        code.setDescription("The stable machine code; for a declined payment, Toss's own code");
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("code", code)
                .addProperty("errors", new ArraySchema().items(new ObjectSchema()
                        .addProperty("field", new StringSchema()).addProperty("message", new StringSchema())))
                .required(List.of("type", "title", "status", "code"));
    }
}
