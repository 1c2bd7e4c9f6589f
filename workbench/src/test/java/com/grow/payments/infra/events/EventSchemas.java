package com.grow.payments.infra.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The JSON Schemas of the integration events ({@code docs/schemas/*.v1.json}), for tests: checks
 * that a whole CloudEvent message on {@code grow.payments.v1}, envelope and data, is what
 * {@code docs/events.md} promises. The schema is picked by the message's {@code type}
 * ({@code grow.payments.X} → {@code X.v1.json}).
 *
 * <p>The schemas name each other by {@code $id} under {@value #BASE_IRI}; those names are mapped
 * to the files of the repository, so nothing is fetched over the network. Uses
 * {@code com.networknt:json-schema-validator} 1.5 (the 2.x and 3.x lines need Jackson 3, which
 * Spring Boot 3.5 does not carry).
 */
public final class EventSchemas {

    /** The {@code $id} prefix of every schema; not a served URL. */
    public static final String BASE_IRI = "https://grow-payments.example/schemas/";

    private static final String TYPE_PREFIX = "grow.payments.";
    private static final String SUFFIX = ".v1.json";
    private static final String COMMON = "common";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static volatile EventSchemas shared;

    private final Path directory;
    private final Map<String, JsonSchema> byRecord;

    /** The schemas of the repository this test runs in ({@link #findDirectory} from the working directory). */
    public EventSchemas() {
        this(findDirectory(Path.of("").toAbsolutePath()));
    }

    /** The schemas of {@code dir}, a directory holding {@code common.v1.json} and one {@code X.v1.json} per record. */
    public EventSchemas(Path dir) {
        this.directory = dir.toAbsolutePath().normalize();
        Map<String, String> files = new LinkedHashMap<>();
        for (Path file : schemaFiles(directory)) {
            String iri = BASE_IRI + file.getFileName();
            String text = read(file);
            requireId(file, text, iri);
            files.put(iri, text);
        }
        if (!files.containsKey(BASE_IRI + COMMON + SUFFIX)) {
            throw new IllegalStateException("no " + COMMON + SUFFIX + " in " + directory);
        }
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(true) // "uuid", "uri" are asserted, not only annotations
                .build();
        // the $ids are mapped to the files' contents: relative $refs resolve without any network
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaLoaders(loaders -> loaders.schemas(files)));
        Map<String, JsonSchema> schemas = new TreeMap<>();
        for (String iri : files.keySet()) {
            String record = iri.substring(BASE_IRI.length(), iri.length() - SUFFIX.length());
            if (!record.equals(COMMON)) {
                JsonSchema schema = factory.getSchema(SchemaLocation.of(iri), config);
                schema.initializeValidators(); // resolve every $ref now: a broken one fails here, not in a test
                schemas.put(record, schema);
            }
        }
        this.byRecord = Collections.unmodifiableMap(schemas);
    }

    /** The schemas of the repository this test runs in, loaded once and shared (they are immutable). */
    public static EventSchemas load() {
        EventSchemas schemas = shared;
        if (schemas == null) {
            synchronized (EventSchemas.class) {
                schemas = shared;
                if (schemas == null) {
                    schemas = new EventSchemas();
                    shared = schemas;
                }
            }
        }
        return schemas;
    }

    /**
     * The {@code docs/schemas} directory of the repository, found by walking up from {@code start}
     * (tests run in {@code infra/}, so it is usually {@code ../docs/schemas}).
     */
    public static Path findDirectory(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs").resolve("schemas");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no docs/schemas directory in " + start.toAbsolutePath() + " or above it");
    }

    /** Where the schemas were read from. */
    public Path directory() {
        return directory;
    }

    /** The record names that have a schema, e.g. {@code PaymentApproved}. */
    public Set<String> records() {
        return byRecord.keySet();
    }

    /**
     * Why {@code message} is not a valid event, one line per violation; empty when it is valid.
     * The schema is chosen by its {@code type}; an unknown or missing type is itself an error.
     */
    public List<String> errors(JsonNode message) {
        JsonNode type = message == null ? null : message.get("type");
        if (type == null || !type.isTextual()) {
            return List.of("no schema for type " + type + ": the message has no string \"type\"");
        }
        String name = type.asText();
        String record = name.startsWith(TYPE_PREFIX) ? name.substring(TYPE_PREFIX.length()) : null;
        if (record == null || !byRecord.containsKey(record)) {
            return List.of("no schema for type " + name + " (known: " + byRecord.keySet() + ")");
        }
        return errors(message, record);
    }

    /** Why {@code message} is not valid against the schema of {@code record} (e.g. {@code PaymentApproved}). */
    public List<String> errors(JsonNode message, String record) {
        JsonSchema schema = byRecord.get(record);
        if (schema == null) {
            return List.of("no schema for type " + TYPE_PREFIX + record + " (known: " + byRecord.keySet() + ")");
        }
        List<String> errors = new ArrayList<>();
        for (ValidationMessage error : schema.validate(message)) {
            errors.add(describe(error));
        }
        subjectMatchesData(message, record, errors);
        return errors;
    }

    /** {@link #errors(JsonNode)} of a message given as JSON text. */
    public List<String> errors(String message) {
        try {
            return errors(JSON.readTree(message));
        } catch (JsonProcessingException e) {
            return List.of("not JSON: " + e.getOriginalMessage());
        }
    }

    /** Fails with every violation if {@code message} is not a valid event. */
    public void assertValid(JsonNode message) {
        List<String> errors = errors(message);
        if (!errors.isEmpty()) {
            throw new AssertionError("invalid integration event (" + errors.size() + " error"
                    + (errors.size() == 1 ? "" : "s") + "):\n  " + String.join("\n  ", errors)
                    + "\nmessage: " + message);
        }
    }

    /** {@link #assertValid(JsonNode)} of a message given as JSON text (e.g. a Kafka record value). */
    public void assertValid(String message) {
        try {
            assertValid(JSON.readTree(message));
        } catch (JsonProcessingException e) {
            throw new AssertionError("integration event is not JSON: " + e.getOriginalMessage() + "\n" + message, e);
        }
    }

    /** The data field the subject repeats: what the CloudEvent (and the Kafka key) is about. */
    static String subjectField(String record) {
        if (record.startsWith("Subscription")) {
            return "subscriptionId";
        }
        if (record.startsWith("BillingKey")) {
            return "billingKeyId";
        }
        return "orderId";
    }

    /** A rule JSON Schema cannot say: the subject is the data's order, subscription or billing key id. */
    private static void subjectMatchesData(JsonNode message, String record, List<String> errors) {
        JsonNode subject = message.get("subject");
        JsonNode data = message.get("data");
        String field = subjectField(record);
        JsonNode id = data == null ? null : data.get(field);
        if (subject != null && subject.isTextual() && id != null && id.isTextual()
                && !subject.asText().equals(id.asText())) {
            errors.add("/subject: " + subject + " is not data." + field + " " + id);
        }
    }

    private static String describe(ValidationMessage error) {
        String message = error.getMessage();
        String location = String.valueOf(error.getInstanceLocation());
        // the library's messages usually start with the location; add it when they do not
        String line = message.startsWith(location) ? message : location + ": " + message;
        return line + " [" + error.getType() + " at " + error.getSchemaLocation() + "]";
    }

    private static List<Path> schemaFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> schemas = files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
            if (schemas.isEmpty()) {
                throw new IllegalStateException("no *" + SUFFIX + " in " + dir);
            }
            return schemas;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Relative {@code $ref}s resolve against {@code $id}, so a file must be named as its {@code $id} says. */
    private static void requireId(Path file, String text, String iri) {
        try {
            JsonNode id = JSON.readTree(text).get("$id");
            if (id == null || !iri.equals(id.asText())) {
                throw new IllegalStateException(file + " must have \"$id\": \"" + iri + "\", has " + id);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(file + " is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
