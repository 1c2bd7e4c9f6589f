package com.grow.payments.infra.web;

import com.grow.payments.shared.error.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.Yaml;

/**
 * What {@code openapi/operations.yml} says about the API: the domain tags in workflow order and, per
 * operation ({@code "post /api/v1/payments"}), its tag, summary, request example and the problem
 * codes it can answer. Unknown codes or tags fail at start, not in a client's generated code.
 */
record OpenApiCatalogue(List<TagDoc> tags, List<ErrorCode> common, List<ErrorCode> commonPost,
                        Map<String, OperationDoc> operations) {

    static final String RESOURCE = "openapi/operations.yml";

    record TagDoc(String name, String description) {}

    record OperationDoc(String tag, String summary, List<ErrorCode> problems, Object example) {}

    static OpenApiCatalogue load() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            Map<String, Object> yaml = new Yaml().load(in);
            return of(yaml);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read " + RESOURCE, unreadable);
        }
    }

    @SuppressWarnings("unchecked")
    private static OpenApiCatalogue of(Map<String, Object> yaml) {
        List<TagDoc> tags = new ArrayList<>();
        for (Map<String, String> tag : (List<Map<String, String>>) yaml.get("tags")) {
            tags.add(new TagDoc(tag.get("name"), tag.get("description")));
        }
        Map<String, OperationDoc> operations = new LinkedHashMap<>();
        ((Map<String, Map<String, Object>>) yaml.get("operations")).forEach((key, doc) -> {
            String tag = (String) doc.get("tag");
            if (tags.stream().noneMatch(known -> known.name().equals(tag))) {
                throw new IllegalStateException(RESOURCE + ": " + key + " has unknown tag " + tag);
            }
            operations.put(key, new OperationDoc(tag, (String) doc.get("summary"),
                    codes((List<String>) doc.getOrDefault("problems", List.of())), doc.get("example")));
        });
        return new OpenApiCatalogue(List.copyOf(tags), codes((List<String>) yaml.get("common")),
                codes((List<String>) yaml.get("commonPost")), operations);
    }

    private static List<ErrorCode> codes(List<String> names) {
        return names.stream().map(ErrorCode::valueOf).toList();
    }

    Optional<OperationDoc> operation(String method, String path) {
        return Optional.ofNullable(operations.get(method.toLowerCase(Locale.ROOT) + " " + path));
    }
}
