package com.grow.payments.infra.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.grow.payments.infra.IntegrationTest;
import com.grow.payments.infra.VaultFault;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.payment.PaymentCommands.FlagPaymentForOperator;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The operator console in a real browser: an operator signs in, finds payments and acts on them,
 * and every action is the API's, recorded with the operator as its author. The tests for endpoints
 * a service may not have yet (resolve, dead letters) run as soon as the endpoint answers.
 */
class ConsoleBrowserIT extends IntegrationTest {

    private static final String OPERATOR = "ops-kim";

    @Autowired
    private CommandGateway commands;

    private Browser browser;

    @BeforeEach
    void openBrowser() throws IOException {
        Assumptions.assumeTrue(Browser.installed(),
                "chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
        browser = Browser.open(baseUrl());
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void an_operator_finds_a_payment_refunds_part_of_it_and_sees_the_timeline_grow() throws IOException {
        String member = "console-member-" + System.nanoTime();
        String orderId = paid(member, 50_000);
        int eventsBefore = events(orderId).size();

        browser.signIn(OPERATOR);
        browser.test("nav-payments").click();
        browser.test("search-memberId").sendKeys(member);
        browser.test("search-submit").click();
        browser.awaitText(By.cssSelector("[data-test='payment-" + orderId + "']"), "50,000원");
        browser.screenshot("payments");
        browser.test("order-link").click();

        browser.awaitText(By.cssSelector("[data-test=balance]"), "50,000원");
        awaitEventCount(eventsBefore);
        browser.test("chain-valid");
        browser.test("refund-amount").sendKeys("20000");
        browser.test("refund-reason").sendKeys("partial refund: one session missed");
        browser.test("refund-submit").click();
        browser.test("refund-confirm").findElement(By.cssSelector("[data-test=confirm]")).click();

        browser.test("refunded");
        browser.awaitText(By.cssSelector("[data-test=balance]"), "30,000원");
        browser.awaitText(By.cssSelector("[data-test=status]"), "부분 취소");
        List<WebElement> timeline = awaitEventCountAbove(eventsBefore);
        assertThat(timeline.get(timeline.size() - 1).getText()).contains("PaymentCancelled");
        assertThat(browser.all("who").stream().map(WebElement::getText)).contains(OPERATOR);
        browser.screenshot("payment");

        await().atMost(Duration.ofSeconds(10)).until(() ->
                get("/api/v1/payments/" + orderId, token(member)).json().path("balanceAmount").asLong() == 30_000);
        JsonNode cancelRequest = events(orderId).stream()
                .filter(event -> event.path("type").asText().equals("PaymentCancelRequested")).findFirst().orElseThrow();
        assertThat(cancelRequest.path("metadata").path("memberId").asText()).isEqualTo(OPERATOR);
    }

    @Test
    void the_overview_counts_payments_and_shows_processor_lag_in_korean_and_english() throws IOException {
        String member = "console-overview-" + System.nanoTime();
        paid(member, 12_000);
        String[] declined = checkoutAndAuthorize(token(member), 8_000, "REJECT_CARD_PAYMENT");
        confirm(token(member), declined[0], declined[1], 8_000);

        browser.signIn(OPERATOR);
        browser.awaitText(By.cssSelector("[data-test=approval-rate]"), "%");
        assertThat(Long.parseLong(browser.test("total").getText().replace(",", ""))).isGreaterThanOrEqualTo(2);
        browser.test("status-chart");
        browser.await(By.cssSelector("[data-test=lag] tbody tr"));
        browser.wait(Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-test=day-chart] rect")));
        browser.screenshot("overview");

        browser.test("lang").click();
        browser.awaitText(By.cssSelector("[data-test=nav-payments]"), "Payments");
        browser.awaitText(By.cssSelector("[data-test=approval-rate]"), "%");
        browser.screenshot("overview-en");
        browser.test("lang").click();
        browser.awaitText(By.cssSelector("[data-test=nav-payments]"), "결제");

        browser.size(390, 844);
        browser.go("/console/#/payments?memberId=" + member);
        browser.await(By.cssSelector("[data-test=payments] tbody tr"));
        browser.screenshot("payments-phone");
        browser.size(1280, 1000);
    }

    @Test
    void a_replay_waits_for_the_operators_confirmation() throws IOException {
        browser.signIn(OPERATOR);
        browser.go("/console/#/projections");
        browser.await(By.cssSelector("[data-test='projection-payment-history']"));
        browser.test("replay-payment-history").click();
        WebElement confirmation = browser.test("replay-confirm");
        assertThat(confirmation.getText()).contains("payment-history");
        browser.screenshot("projections");
        confirmation.findElement(By.cssSelector("[data-test=cancel]")).click();
        browser.wait(Duration.ofSeconds(5)).until(ExpectedConditions.numberOfElementsToBe(
                By.cssSelector("[data-test=replay-confirm]"), 0));
        assertThat(browser.all("replay-started")).isEmpty();
    }

    @Test
    void an_operator_resolves_a_flagged_payment_with_a_note() throws IOException {
        String admin = token("console-admin", "ADMIN");
        String member = "console-flagged-" + System.nanoTime();
        String orderId = paid(member, 9_000);
        commands.sendAndWait(new FlagPaymentForOperator(new OrderId(orderId), "Toss's record differs"));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                get("/api/v1/payments/" + orderId, admin).json().path("needsAttention").asBoolean());

        browser.signIn(OPERATOR);
        browser.go("/console/#/payments?needsAttention=true");
        browser.await(By.cssSelector("[data-test='payment-" + orderId + "']"));
        browser.go("/console/#/payments/" + orderId);
        browser.test("resolve-note").sendKeys("checked with Toss: amounts agree");
        browser.screenshot("payment-flagged");
        browser.test("resolve-submit").click();

        browser.test("resolved");
        await().atMost(Duration.ofSeconds(10)).until(() ->
                !get("/api/v1/payments/" + orderId, admin).json().path("needsAttention").asBoolean());
        JsonNode last = events(orderId).get(events(orderId).size() - 1);
        assertThat(last.path("metadata").path("memberId").asText()).isEqualTo(OPERATOR);
        assertThat(last.path("payload").toString()).contains("checked with Toss: amounts agree");
    }

    @Test
    void an_operator_retries_a_parked_charge_once_its_cause_is_fixed() throws IOException {
        String member = "console-dlq-" + System.nanoTime();
        String token = token(member);
        String customerKey = UUID.randomUUID().toString();
        Reply issued = post("/api/v1/billing-keys", token, "{\"authKey\":\"" + sandbox().authorizeBilling(customerKey, null)
                + "\",\"customerKey\":\"" + customerKey + "\"}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        VaultFault vault = new VaultFault(jdbc);
        vault.breakFor(issued.json().path("billingKeyId").asText());
        String subscriptionId;
        try {
            Reply started = post("/api/v1/subscriptions", token, "{\"billingKeyId\":\""
                    + issued.json().path("billingKeyId").asText()
                    + "\",\"planId\":\"console\",\"orderName\":\"수학 심화반\",\"amount\":9900,\"cycle\":\"MONTHLY\"}");
            assertThat(started.status()).as(started.body()).isEqualTo(201);
            subscriptionId = started.json().path("subscriptionId").asText();
            await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/admin/dead-letters",
                    token("console-admin", "ADMIN")).body().contains(subscriptionId));
        } finally {
            vault.heal();
        }

        browser.signIn(OPERATOR);
        browser.go("/console/#/dead-letters");
        browser.await(By.cssSelector("[data-test='dead-letters-table']"));
        browser.screenshot("dead-letters");
        browser.all("retry").get(0).click();
        browser.test("retried");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                get("/api/v1/subscriptions/" + subscriptionId, token).json().at("/charges/0/status").asText())
                .isEqualTo("DONE"));
        post("/api/v1/subscriptions/" + subscriptionId + "/cancel", token, "{}");
    }

    @Test
    void reconciliation_runs_are_listed_or_shown_as_not_available() {
        Reply served = get("/api/v1/admin/reconciliation/runs", token("console-admin", "ADMIN"));
        browser.signIn(OPERATOR);
        browser.go("/console/#/reconciliation");
        if (served.status() == 404) {
            browser.test("not-available");
            return;
        }
        browser.await(By.cssSelector("[data-test='runs-table'], [data-test='runs-table-empty']"));
    }

    @Test
    void a_payment_is_found_by_its_payment_key_and_a_subscription_page_is_shown() {
        String member = "console-key-" + System.nanoTime();
        String orderId = paid(member, 7_000);
        String paymentKey = get("/api/v1/payments/" + orderId, token(member)).json().path("paymentKey").asText();

        browser.signIn(OPERATOR);
        browser.go("/console/#/payments");
        browser.test("search-paymentKey").sendKeys(paymentKey);
        new Select(browser.test("search-status")).selectByValue("DONE");
        browser.test("search-submit").click();
        browser.await(By.cssSelector("[data-test='payment-" + orderId + "']"));
        assertThat(browser.all("order-link")).hasSize(1);

        browser.go("/console/#/subscriptions?id=sub_not_there");
        browser.awaitText(By.cssSelector("[data-test=subscription]"), "sub_not_there");
    }


    private String paid(String member, long amount) {
        String token = token(member);
        String[] payment = checkoutAndAuthorize(token, amount, null);
        Reply confirmed = confirm(token, payment[0], payment[1], amount);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        return payment[0];
    }

    private List<JsonNode> events(String orderId) {
        JsonNode events = get("/api/v1/payments/" + orderId + "/events", token("console-admin", "ADMIN")).json();
        List<JsonNode> list = new java.util.ArrayList<>();
        events.forEach(list::add);
        return list;
    }

    private void awaitEventCount(int count) {
        browser.wait(Duration.ofSeconds(20)).until(ExpectedConditions.numberOfElementsToBe(
                By.cssSelector("[data-test=event]"), count));
    }

    private List<WebElement> awaitEventCountAbove(int count) {
        return browser.wait(Duration.ofSeconds(20)).until(ExpectedConditions.numberOfElementsToBeMoreThan(
                By.cssSelector("[data-test=event]"), count));
    }
}
