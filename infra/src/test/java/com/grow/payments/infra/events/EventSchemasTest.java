package com.grow.payments.infra.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.grow.payments.shared.integration.PaymentsV1;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The schemas in {@code docs/schemas} against the examples in {@code docs/events.md} and the
 * records of {@code PaymentsV1}: every example is valid, is exactly what the service writes for
 * its data, and the usual mistakes are rejected.
 */
class EventSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);
    private static final EventSchemas SCHEMAS = EventSchemas.load();
    private static final Map<String, JsonNode> EXAMPLES = examples();

    @Test
    void every_published_record_has_a_schema_and_an_example() {
        Set<String> records = Arrays.stream(PaymentsV1.Data.class.getPermittedSubclasses())
                .map(Class::getSimpleName)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(records).hasSize(14);
        assertThat(SCHEMAS.records()).containsExactlyInAnyOrderElementsOf(records);
        assertThat(EXAMPLES.keySet()).containsExactlyInAnyOrderElementsOf(records);
    }

    @ParameterizedTest
    @MethodSource("records")
    void the_documented_example_is_valid(String record) {
        JsonNode example = EXAMPLES.get(record);

        assertThat(SCHEMAS.errors(example)).isEmpty();
        SCHEMAS.assertValid(example);
    }

    @ParameterizedTest
    @MethodSource("records")
    void the_documented_example_is_what_the_service_writes(String record) throws Exception {
        JsonNode example = EXAMPLES.get(record);
        PaymentsV1.Data data = toRecord(record, example.get("data"));
        CloudEventWriter writer = new CloudEventWriter(URI.create("/grow-payments"), ZoneId.of("Asia/Seoul"));

        byte[] written = writer.write(example.get("id").asText(), instant(example.get("time")),
                example.get("subjectseq").asLong(), data);

        JsonNode message = JSON.readTree(written);
        assertThat(message).isEqualTo(example);
        SCHEMAS.assertValid(message);
    }

    @ParameterizedTest
    @MethodSource("records")
    void the_schema_names_exactly_the_fields_of_the_record(String record) throws IOException {
        JsonNode schema = JSON.readTree(SCHEMAS.directory().resolve(record + ".v1.json").toFile());
        Set<String> properties = new TreeSet<>();
        schema.at("/properties/data/properties").fieldNames().forEachRemaining(properties::add);
        Set<String> components = Arrays.stream(recordClass(record).getRecordComponents())
                .map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(properties).isEqualTo(components);
        schema.at("/properties/data/required").forEach(name -> assertThat(components).contains(name.asText()));
    }

    @Test
    void a_fractional_amount_is_rejected() {
        ObjectNode message = example("PaymentApproved");
        data(message).put("amount", 1000.5);

        assertThat(SCHEMAS.errors(message)).anySatisfy(error -> assertThat(error).contains("amount"));
        assertThatThrownBy(() -> SCHEMAS.assertValid(message)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("amount");
    }

    @Test
    void a_negative_amount_is_rejected() {
        ObjectNode message = example("PaymentCanceled");
        data(message).put("cancelAmount", -9000);

        assertThat(SCHEMAS.errors(message)).anySatisfy(error -> assertThat(error).contains("cancelAmount"));
    }

    @ParameterizedTest
    @MethodSource("records")
    void a_missing_member_id_is_rejected(String record) {
        ObjectNode message = example(record);
        data(message).remove("memberId");

        assertThat(SCHEMAS.errors(message)).anySatisfy(error -> assertThat(error).contains("memberId"));
    }

    @Test
    void a_type_other_than_the_schemas_is_rejected() {
        ObjectNode message = example("PaymentApproved");
        message.put("type", "grow.payments.PaymentCanceled");

        assertThat(SCHEMAS.errors(message, "PaymentApproved"))
                .anySatisfy(error -> assertThat(error).contains("type").contains("const"));
        // chosen by its type, it is then no PaymentCanceled either
        assertThat(SCHEMAS.errors(message)).isNotEmpty();
    }

    @Test
    void an_unknown_type_has_no_schema() {
        ObjectNode message = example("PaymentApproved");
        message.put("type", "grow.payments.PaymentRefunded");

        List<String> refunded = SCHEMAS.errors(message);
        List<String> foreign = SCHEMAS.errors(example("PaymentApproved").put("type", "com.example.Other"));

        assertThat(refunded).hasSize(1);
        assertThat(refunded.get(0)).startsWith("no schema for type grow.payments.PaymentRefunded");
        assertThat(foreign).hasSize(1);
        assertThat(foreign.get(0)).startsWith("no schema for type com.example.Other");
    }

    @ParameterizedTest
    @ValueSource(strings = {"billingKey", "secret", "cardNumber", "customerKey"})
    void a_secret_in_the_data_is_rejected(String property) {
        for (String record : records().toList()) {
            ObjectNode message = example(record);
            data(message).put(property, "bln_Xy7QpL2mN8rT4vB6cD1kZ0aS3dF5gH9j");

            assertThat(SCHEMAS.errors(message)).as(record + " with " + property).isNotEmpty();
        }
    }

    @Test
    void a_time_without_an_offset_is_rejected() {
        ObjectNode envelope = example("PaymentApproved");
        envelope.put("time", "2026-11-25T14:03:22.123");
        ObjectNode data = example("PaymentApproved");
        data(data).put("approvedAt", "2026-11-25T14:03:22.123");

        assertThat(SCHEMAS.errors(envelope)).anySatisfy(error -> assertThat(error).contains("time"));
        assertThat(SCHEMAS.errors(data)).anySatisfy(error -> assertThat(error).contains("approvedAt"));
    }

    @Test
    void an_id_that_is_no_uuid_is_rejected() {
        ObjectNode message = example("PaymentApproved");
        message.put("id", "evt-1");

        assertThat(SCHEMAS.errors(message)).anySatisfy(error -> assertThat(error).contains("id"));
    }

    @Test
    void a_missing_envelope_attribute_is_rejected() {
        for (String attribute : List.of("specversion", "id", "source", "type", "subject", "time", "datacontenttype",
                "dataschema", "subjectseq", "data")) {
            ObjectNode message = example("VirtualAccountDeposited");
            message.remove(attribute);

            assertThat(SCHEMAS.errors(message)).as("without " + attribute).isNotEmpty();
        }
    }

    @Test
    void a_subject_that_is_not_the_datas_id_is_rejected() {
        ObjectNode message = example("SubscriptionCharged");
        message.put("subject", "sub_s0pbqgj09tqm83xssss6ys3c4dw_3");

        assertThat(SCHEMAS.errors(message)).anySatisfy(error -> assertThat(error).contains("subject"));
    }

    @Test
    void wrong_values_of_status_currency_and_sequence_are_rejected() {
        ObjectNode status = example("PaymentCanceled");
        data(status).put("status", "DONE");
        ObjectNode currency = example("PaymentApproved");
        data(currency).put("currency", "USD");
        ObjectNode sequence = example("BillingKeyDeleted");
        sequence.put("subjectseq", -1);

        assertThat(SCHEMAS.errors(status)).anySatisfy(error -> assertThat(error).contains("status"));
        assertThat(SCHEMAS.errors(currency)).anySatisfy(error -> assertThat(error).contains("currency"));
        assertThat(SCHEMAS.errors(sequence)).anySatisfy(error -> assertThat(error).contains("subjectseq"));
    }

    @Test
    void failures_write_their_nulls_and_other_events_leave_them_out() {
        ObjectNode missing = example("PaymentFailed");
        data(missing).remove("paymentKey");
        ObjectNode nullKey = example("PaymentFailed");
        data(nullKey).putNull("paymentKey");
        ObjectNode absent = example("PaymentApproved");
        data(absent).remove(List.of("paymentKey", "method", "receiptUrl", "orderName"));
        ObjectNode nullInApproved = example("PaymentApproved");
        data(nullInApproved).putNull("paymentKey");

        assertThat(SCHEMAS.errors(missing)).anySatisfy(error -> assertThat(error).contains("paymentKey"));
        assertThat(SCHEMAS.errors(nullKey)).isEmpty();
        assertThat(SCHEMAS.errors(absent)).isEmpty();
        assertThat(SCHEMAS.errors(nullInApproved)).isNotEmpty();
    }

    @Test
    void a_retry_has_a_time_and_the_last_failure_none() {
        ObjectNode retryWithoutTime = example("SubscriptionChargeFailed");
        data(retryWithoutTime).put("willRetry", true);
        ObjectNode retry = example("SubscriptionChargeFailed");
        data(retry).put("willRetry", true).put("failedAttempts", 1).put("nextRetryAt", "2026-12-26T09:00:04.210+09:00");

        assertThat(SCHEMAS.errors(retryWithoutTime)).anySatisfy(error -> assertThat(error).contains("nextRetryAt"));
        assertThat(SCHEMAS.errors(retry)).isEmpty();
    }

    @Test
    void new_optional_fields_are_tolerated() {
        ObjectNode message = example("SubscriptionCharged");
        data(message).put("couponId", "cp_2026_winter");
        message.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        assertThat(SCHEMAS.errors(message)).isEmpty();
    }

    @Test
    void the_schemas_are_found_from_any_directory_below_the_repository() {
        Path schemas = SCHEMAS.directory();
        Path repository = schemas.getParent().getParent();

        assertThat(EventSchemas.findDirectory(repository.resolve("infra/src/test"))).isEqualTo(schemas);
        assertThat(schemas.resolve("common.v1.json")).exists();
    }

    static Stream<String> records() {
        return Arrays.stream(PaymentsV1.Data.class.getPermittedSubclasses()).map(Class::getSimpleName);
    }

    /** The example messages of docs/events.md, by record name: every ```json block there. */
    private static Map<String, JsonNode> examples() {
        Path doc = SCHEMAS.directory().getParent().resolve("events.md");
        try {
            Matcher blocks = JSON_BLOCK.matcher(Files.readString(doc, StandardCharsets.UTF_8));
            Map<String, JsonNode> examples = new LinkedHashMap<>();
            List<String> duplicates = new ArrayList<>();
            while (blocks.find()) {
                JsonNode message = JSON.readTree(blocks.group(1));
                String record = message.path("type").asText().replace("grow.payments.", "");
                if (examples.put(record, message) != null) {
                    duplicates.add(record);
                }
            }
            assertThat(duplicates).as("records with more than one example in " + doc).isEmpty();
            return examples;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the examples of " + doc, e);
        }
    }

    private static ObjectNode example(String record) {
        assertThat(EXAMPLES).containsKey(record);
        return EXAMPLES.get(record).deepCopy();
    }

    private static ObjectNode data(ObjectNode message) {
        return (ObjectNode) message.get("data");
    }

    private static Class<?> recordClass(String record) {
        return Arrays.stream(PaymentsV1.Data.class.getPermittedSubclasses())
                .filter(type -> type.getSimpleName().equals(record))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no record PaymentsV1." + record));
    }

    /** The PaymentsV1 record an example's data describes, built through its canonical constructor. */
    private static PaymentsV1.Data toRecord(String record, JsonNode data) throws Exception {
        Class<?> type = recordClass(record);
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        Set<String> unknown = new TreeSet<>();
        for (Iterator<String> names = data.fieldNames(); names.hasNext(); ) {
            unknown.add(names.next());
        }
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            JsonNode value = data.get(components[i].getName());
            unknown.remove(components[i].getName());
            values[i] = value(types[i], value, components[i].getName());
        }
        assertThat(unknown).as("fields of the " + record + " example that the record does not have").isEmpty();
        Constructor<?> constructor = type.getDeclaredConstructor(types);
        return (PaymentsV1.Data) constructor.newInstance(values);
    }

    private static Object value(Class<?> type, JsonNode value, String name) {
        boolean absent = value == null || value.isNull();
        if (type == long.class || type == int.class || type == boolean.class) {
            assertThat(absent).as(name + " is a primitive and always present").isFalse();
            return type == long.class ? value.asLong() : type == int.class ? value.asInt() : value.asBoolean();
        }
        if (absent) {
            return null;
        }
        if (type == Instant.class) {
            return instant(value);
        }
        if (type == String.class) {
            return value.asText();
        }
        throw new IllegalStateException("no conversion to " + type + " for " + name);
    }

    private static Instant instant(JsonNode text) {
        return OffsetDateTime.parse(text.asText()).toInstant();
    }
}
