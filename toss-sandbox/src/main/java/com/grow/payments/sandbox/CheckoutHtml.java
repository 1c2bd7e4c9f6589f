package com.grow.payments.sandbox;

import java.text.NumberFormat;
import java.util.Locale;

/** HTML for the fake payment window and receipt. Self-contained: no scripts, fonts or images to fetch. */
final class CheckoutHtml {

    private static final String STYLE = "body{font-family:sans-serif;max-width:28rem;margin:2rem auto;color:#222}"
            + "h1{font-size:1.2rem}.amount{font-size:1.6rem;font-weight:bold}"
            + "button{display:block;width:100%;margin:.4rem 0;padding:.7rem;font-size:1rem;cursor:pointer}"
            + ".approve{background:#3182f6;color:#fff;border:0}.cancel{background:#eee;border:0}"
            + "label{display:block;margin:.3rem 0}";

    private CheckoutHtml() {
    }

    static String window(CheckoutPage.CheckoutForm form) {
        return page("토스페이먼츠 샌드박스 결제창",
                "<h1>토스페이먼츠 샌드박스 결제창</h1>"
                        + "<p>주문 <strong id=\"orderName\">" + escape(form.orderName()) + "</strong></p>"
                        + "<p>주문번호 <code id=\"orderId\">" + escape(form.orderId()) + "</code></p>"
                        + "<p class=\"amount\" id=\"amount\">" + won(form.amount()) + "</p>"
                        + "<form method=\"post\" action=\"/sandbox/checkout/authorize\">"
                        + hidden("orderId", form.orderId())
                        + hidden("orderName", form.orderName())
                        + hidden("amount", Long.toString(form.amount()))
                        + hidden("taxFreeAmount", Long.toString(form.taxFreeAmount()))
                        + hidden("successUrl", form.successUrl())
                        + hidden("failUrl", form.failUrl())
                        + button("APPROVE", "approve", "결제하기 (Approve)")
                        + button("REJECT_CARD_PAYMENT", "decline", "거절: 한도초과/잔액부족 (REJECT_CARD_PAYMENT)")
                        + button("INVALID_CARD_EXPIRATION", "decline", "거절: 유효기간 오류 (INVALID_CARD_EXPIRATION)")
                        + button("REJECT_CARD_COMPANY", "decline", "거절: 카드사 승인 거절 (REJECT_CARD_COMPANY)")
                        + button(CheckoutPage.BUYER_CANCEL, "cancel", "취소 (Cancel)")
                        + "</form>");
    }

    static String receipt(SandboxPayment payment) {
        return page("영수증",
                "<h1>샌드박스 카드 영수증</h1>"
                        + "<p>주문 " + escape(payment.orderName()) + "</p>"
                        + "<p>주문번호 <code>" + escape(payment.orderId()) + "</code></p>"
                        + "<p>상태 " + payment.status() + "</p>"
                        + "<p>결제금액 " + won(payment.totalAmount()) + " / 잔액 " + won(payment.balanceAmount()) + "</p>");
    }

    static String problem(String message) {
        return page("요청 오류", "<h1>요청 오류</h1><p>" + escape(message) + "</p>");
    }

    static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"ko\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title><style>" + STYLE + "</style></head><body>" + body + "</body></html>";
    }

    static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + escape(value) + "\">";
    }

    private static String button(String outcome, String css, String label) {
        return "<button type=\"submit\" name=\"outcome\" value=\"" + outcome + "\" class=\"" + css + "\">"
                + escape(label) + "</button>";
    }

    private static String won(long amount) {
        return NumberFormat.getIntegerInstance(Locale.KOREA).format(amount) + "원";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
