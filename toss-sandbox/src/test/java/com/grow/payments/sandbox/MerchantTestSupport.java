package com.grow.payments.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A sandbox with two merchants: the default one ({@link #SECRET_KEY}, mId {@link #CARD_MID}) and a billing one
 * ({@link #BILLING_KEY}, mId {@link #BILLING_MID}), with the helpers the newer resources' tests share.
 */
abstract class MerchantTestSupport extends BillingTestSupport {

    static final String CARD_MID = "tgrowcard";
    static final String BILLING_MID = "tgrowbill";
    static final String BILLING_KEY = "test_sk_" + "billingMerchantKey0000001";

    @Override
    SandboxConfig.Builder configure(SandboxConfig.Builder builder) {
        return builder.mid(CARD_MID).merchant(BILLING_MID, BILLING_KEY);
    }

    /** Headers that make a call with the billing merchant's key. */
    static String[] asBilling(String... more) {
        String[] headers = new String[more.length + 2];
        headers[0] = "Authorization";
        headers[1] = basic(BILLING_KEY);
        System.arraycopy(more, 0, headers, 2, more.length);
        return headers;
    }

    /** A card payment approved through the window and confirm, with the given tax-free part; returns its paymentKey. */
    String paidCard(String orderId, long amount, long taxFree) {
        String paymentKey = sandbox.authorize(null, orderId, "수강료", amount, taxFree, null);
        Answer confirmed = confirm(paymentKey, orderId, amount, newKey());
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        return paymentKey;
    }

    static Map<String, Object> virtualAccountBody(String orderId, long amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", amount);
        body.put("orderId", orderId);
        body.put("orderName", "겨울 특강");
        body.put("customerName", "김그로");
        body.put("bank", "20");
        return body;
    }

    Answer issueVirtualAccount(Map<String, Object> body, String... headers) {
        return post("/v1/virtual-accounts", body, headers);
    }

    Answer cancel(String paymentKey, Map<String, Object> body, String... headers) {
        return post("/v1/payments/" + paymentKey + "/cancel", body, headers);
    }

    static Map<String, Object> refundTo() {
        return Map.of("bank", "20", "accountNumber", "1002123456789", "holderName", "김그로");
    }
}
