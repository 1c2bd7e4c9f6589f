package com.grow.payments.sandbox;

/** HTML for the fake billing-auth (card registration) window. Self-contained like {@link CheckoutHtml}. */
final class BillingAuthHtml {

    private BillingAuthHtml() {
    }

    static String window(BillingAuthPage.AuthForm form) {
        return CheckoutHtml.page("토스페이먼츠 샌드박스 카드 등록",
                "<h1>토스페이먼츠 샌드박스 카드 등록</h1>"
                        + "<p>자동결제에 사용할 카드를 등록합니다.</p>"
                        + "<p>고객 <code id=\"customerKey\">" + CheckoutHtml.escape(form.customerKey()) + "</code></p>"
                        + "<form method=\"post\" action=\"/sandbox/billing-auth/authorize\">"
                        + CheckoutHtml.hidden("customerKey", form.customerKey())
                        + CheckoutHtml.hidden("successUrl", form.successUrl())
                        + CheckoutHtml.hidden("failUrl", form.failUrl())
                        + "<fieldset><legend>테스트 카드</legend>"
                        + card(BillingAuthPage.NORMAL_CARD, "신한 4330-12**-****-123* (정상 승인)", true)
                        + card("REJECT_CARD_PAYMENT", "한도초과/잔액부족 카드: 결제 시 거절 (REJECT_CARD_PAYMENT)", false)
                        + card("INVALID_CARD_EXPIRATION", "유효기간 오류 카드: 결제 시 거절 (INVALID_CARD_EXPIRATION)", false)
                        + "</fieldset>"
                        + button(BillingAuthPage.REGISTER, "approve", "카드 등록 (Register card)")
                        + button(BillingAuthPage.BUYER_CANCEL, "cancel", "취소 (Cancel)")
                        + "</form>");
    }

    private static String card(String outcome, String label, boolean checked) {
        return "<label><input type=\"radio\" name=\"card\" value=\"" + outcome + "\"" + (checked ? " checked" : "")
                + "> " + CheckoutHtml.escape(label) + "</label>";
    }

    private static String button(String action, String css, String label) {
        return "<button type=\"submit\" name=\"action\" value=\"" + action + "\" class=\"" + css + "\">"
                + CheckoutHtml.escape(label) + "</button>";
    }
}
