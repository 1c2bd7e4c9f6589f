package com.grow.payments.infra.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.grow.payments.infra.config.WebJsonConfiguration;
import com.grow.payments.shared.integration.PaymentsV1;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Writes one published event as a CloudEvents 1.0 message in structured mode: the whole event,
 * attributes and data, is the JSON value of the Kafka record.
 */
final class CloudEventWriter {

    static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    private final ObjectMapper json;
    private final URI source;

    CloudEventWriter(URI source, ZoneId zone) {
        this.source = source;
        this.json = new ObjectMapper().findAndRegisterModules()
                .registerModule(WebJsonConfiguration.businessTime(zone))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    /**
     * @param id       the domain event's id: a re-publish repeats it, so consumers dedupe on it
     * @param sequence the domain event's place in its aggregate, increasing per subject
     */
    byte[] write(String id, Instant time, long sequence, PaymentsV1.Data data) {
        ObjectNode event = json.createObjectNode()
                .put("specversion", "1.0")
                .put("id", id)
                .put("source", source.toString())
                .put("type", data.type())
                .put("subject", data.subject());
        event.set("time", json.valueToTree(time));
        event.put("datacontenttype", "application/json")
                .put("dataschema", "urn:grow:payments:schema:" + data.getClass().getSimpleName() + ":" + PaymentsV1.VERSION)
                .put("subjectseq", sequence);
        event.set("data", json.valueToTree(data));
        try {
            return json.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("integration event " + id + " could not be written", e);
        }
    }
}
