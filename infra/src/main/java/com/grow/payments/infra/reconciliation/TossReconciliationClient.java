package com.grow.payments.infra.reconciliation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.grow.payments.infra.toss.TossProperties;
import com.grow.payments.shared.payment.PaymentStatus;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Toss's transaction and settlement lists over HTTP, read with one merchant's key. Toss's words
 * become ours here: statuses are parsed to {@link PaymentStatus}, a settlement's fees are what it
 * keeps of the amount (it sometimes answers one {@code fee} instead of {@code fees[]}; the payout
 * decides either way). A failed page is an exception: the run stops there and is resumed from its
 * cursor, never half-read.
 */
@Component
public class TossReconciliationClient {

    private static final Map<String, PaymentStatus> STATUSES = Arrays.stream(PaymentStatus.values())
            .collect(Collectors.toMap(Enum::name, status -> status));

    private final TossProperties properties;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    /** Lists are long: a page may take longer than a payment call. */
    private final Duration timeout;

    public TossReconciliationClient(TossProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout()).build();
        this.timeout = properties.readTimeout().multipliedBy(6);
    }

    /** One page of the merchant's transactions in the Seoul-time period, after {@code startingAfter}. */
    public List<TossTransaction> transactions(TossMerchant merchant, LocalDate from, LocalDate to, String startingAfter,
                                              int limit) {
        String query = "startDate=" + from + "T00:00:00&endDate=" + to + "T23:59:59&limit=" + limit
                + (startingAfter == null ? "" : "&startingAfter=" + URLEncoder.encode(startingAfter, StandardCharsets.UTF_8));
        List<TossTransaction> rows = new ArrayList<>();
        for (JsonNode row : get(merchant, "/v1/transactions?" + query)) {
            String status = row.path("status").asText();
            rows.add(new TossTransaction(row.path("mId").asText(), row.path("transactionKey").asText(),
                    row.path("paymentKey").asText(null), row.path("orderId").asText(null), row.path("method").asText(null),
                    row.path("amount").asLong(), STATUSES.get(status), status, instant(row.path("transactionAt"))));
        }
        return rows;
    }

    /** One page (from 1) of the merchant's settlements paid out in the period. */
    public List<TossSettlement> settlementsPaidOut(TossMerchant merchant, LocalDate from, LocalDate to, int page,
                                                   int size) {
        List<TossSettlement> rows = new ArrayList<>();
        for (JsonNode row : get(merchant, "/v1/settlements?startDate=" + from + "&endDate=" + to
                + "&dateType=paidOutDate&page=" + page + "&size=" + size)) {
            long amount = row.path("amount").asLong();
            long payOut = row.path("payOutAmount").asLong();
            rows.add(new TossSettlement(row.path("mId").asText(), row.path("transactionKey").asText(),
                    row.path("paymentKey").asText(null), row.path("orderId").asText(null), amount, amount - payOut, payOut,
                    LocalDate.parse(row.path("soldDate").asText()), LocalDate.parse(row.path("paidOutDate").asText())));
        }
        return rows;
    }

    private JsonNode get(TossMerchant merchant, String pathAndQuery) {
        String key = merchant.secretKey() == null ? "" : merchant.secretKey();
        HttpRequest request = HttpRequest.newBuilder(endpoint(pathAndQuery))
                .timeout(timeout)
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((key + ":").getBytes(StandardCharsets.UTF_8)))
                .GET()
                .build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body = json.readTree(response.body());
            if (response.statusCode() != 200 || !body.isArray()) {
                throw new TossListUnavailable("Toss answered " + response.statusCode() + " "
                        + body.path("code").asText("") + " to " + pathAndQuery.substring(0, pathAndQuery.indexOf('?'))
                        + " of merchant " + merchant.name());
            }
            return body;
        } catch (IOException e) {
            throw new TossListUnavailable("Toss's list could not be read for merchant " + merchant.name() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TossListUnavailable("interrupted reading Toss's list", e);
        }
    }

    private URI endpoint(String pathAndQuery) {
        String base = properties.baseUrl().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + pathAndQuery);
    }

    private static Instant instant(JsonNode node) {
        return node.isTextual() ? OffsetDateTime.parse(node.asText()).toInstant() : null;
    }

    /** Toss's list could not be read now: the run stops and is resumed from where it was. */
    public static final class TossListUnavailable extends RuntimeException {
        TossListUnavailable(String message) {
            super(message);
        }

        TossListUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
