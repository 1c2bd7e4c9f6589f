package com.grow.payments.sandbox;

import java.util.Map;
import java.util.Optional;

/**
 * The one table of Toss error codes the sandbox can answer with: code to HTTP status and message.
 * Statuses follow Toss's published error reference (docs/toss.md); messages are Toss's
 * Korean wording where known, so clients that log them see what production would show.
 */
public final class TossErrors {

    /**
     * The code for a charge or delete naming an unknown or deleted billing key. Toss's answer here is not
     * documented (docs/toss.md names none), so the sandbox uses its generic final refusal, 400
     * INVALID_REQUEST, with {@link #UNKNOWN_BILLING_KEY_MESSAGE}. A client should treat it as final and
     * re-register the card, never match on the message.
     */
    public static final String UNKNOWN_BILLING_KEY = "INVALID_REQUEST";
    public static final String UNKNOWN_BILLING_KEY_MESSAGE =
            "존재하지 않거나 삭제된 빌링키 입니다. (billingKey not found or deleted)";

    /** What an error code means on the wire. */
    public record ErrorSpec(String code, int status, String message) {
    }

    private static final Map<String, ErrorSpec> TABLE = Map.ofEntries(
            // 400
            spec("ALREADY_PROCESSED_PAYMENT", 400, "이미 처리된 결제 입니다."),
            spec("PROVIDER_ERROR", 400, "일시적인 오류가 발생했습니다. 잠시 후 다시 시도해주세요."),
            spec("EXCEED_MAX_CARD_INSTALLMENT_PLAN", 400, "설정 가능한 최대 할부 개월 수를 초과했습니다."),
            spec("INVALID_CARD_EXPIRATION", 400, "카드 정보를 다시 확인해주세요. (유효기간)"),
            spec("INVALID_REJECT_CARD", 400, "카드 사용이 거절되었습니다. 카드사 문의가 필요한지 확인해주세요."),
            spec("INVALID_REQUEST", 400, "잘못된 요청입니다."),
            spec("INVALID_IDEMPOTENCY_KEY", 400, "멱등키 형식이 올바르지 않습니다. 300자 이하로 입력해주세요."),
            spec("DUPLICATED_ORDER_ID", 400, "이미 승인 및 취소가 진행된 중복된 주문번호 입니다."),
            spec("ALREADY_CANCELED_PAYMENT", 400, "이미 취소된 결제 입니다."),
            spec("EXCEED_CANCEL_AMOUNT_DISCOUNT_AMOUNT", 400, "즉시할인금액보다 적은 금액은 부분취소가 불가능합니다."),
            spec("INVALID_REFUND_ACCOUNT_INFO", 400, "환불 계좌번호와 예금주명이 일치하지 않습니다."),
            spec("INVALID_REFUND_ACCOUNT_NUMBER", 400, "잘못된 환불 계좌번호입니다."),
            spec("REFUND_REJECTED", 400, "환불이 거절됐습니다. 결제사에 문의 부탁드립니다."),
            spec("PAY_PROCESS_CANCELED", 400, "사용자에 의해 결제가 취소되었습니다."),
            spec("PAY_PROCESS_ABORTED", 400, "결제 진행 중 승인에 실패하여 결제가 중단되었습니다."),
            spec("NOT_MATCHES_CUSTOMER_KEY", 400, "빌링 인증 고객키와 결제 요청 고객키가 일치하지 않습니다."),
            spec("INVALID_TRANSACTION_KEY", 400, "유효하지 않은 transactionKey 입니다."),
            spec("ALREADY_CANCELED_CASH_RECEIPT", 400, "이미 취소된 현금영수증 입니다."),
            // 401
            spec("UNAUTHORIZED_KEY", 401, "인증되지 않은 시크릿 키 혹은 클라이언트 키 입니다."),
            // 403
            spec("INCORRECT_BASIC_AUTH_FORMAT", 403, "잘못된 요청입니다. ':' 를 포함해 인코딩해주세요."),
            spec("REJECT_CARD_PAYMENT", 403, "한도초과 혹은 잔액부족으로 결제에 실패했습니다."),
            spec("REJECT_CARD_COMPANY", 403, "결제 승인이 거절되었습니다."),
            spec("FDS_ERROR", 403, "[토스페이먼츠] 위험거래가 감지되어 결제가 제한됩니다."),
            spec("FORBIDDEN_REQUEST", 403, "허용되지 않은 요청입니다."),
            spec("FORBIDDEN_CONSECUTIVE_REQUEST", 403, "반복적인 요청은 허용되지 않습니다. 잠시 후 다시 시도해주세요."),
            spec("NOT_CANCELABLE_AMOUNT", 403, "취소 할 수 없는 금액 입니다."),
            spec("NOT_CANCELABLE_PAYMENT", 403, "취소 할 수 없는 결제 입니다."),
            spec("EXCEED_MAX_REFUND_DUE", 403, "환불 가능한 기간이 지났습니다."),
            spec("NOT_CANCELABLE_CASH_RECEIPT", 403, "취소할 수 없는 현금영수증 입니다."),
            // 404
            spec("NOT_FOUND_PAYMENT", 404, "존재하지 않는 결제 정보 입니다."),
            spec("NOT_FOUND_PAYMENT_SESSION", 404, "결제 시간이 만료되어 결제 진행 데이터가 존재하지 않습니다."),
            spec("NOT_FOUND", 404, "존재하지 않는 API 입니다."),
            spec("NOT_FOUND_CASH_RECEIPT", 404, "존재하지 않는 현금영수증 입니다."),
            // 405 / 409 / 413: sandbox plumbing, not Toss business codes
            spec("METHOD_NOT_ALLOWED", 405, "허용되지 않은 HTTP 메서드 입니다."),
            spec("IDEMPOTENT_REQUEST_PROCESSING", 409, "이전 멱등 요청이 처리중입니다. 잠시 후 다시 시도해주세요."),
            spec("REQUEST_TOO_LARGE", 413, "요청 본문이 너무 큽니다."),
            // 500
            spec("FAILED_INTERNAL_SYSTEM_PROCESSING", 500, "내부 시스템 처리 작업이 실패했습니다. 잠시 후 다시 시도해주세요."),
            spec("FAILED_PAYMENT_INTERNAL_SYSTEM_PROCESSING", 500, "결제가 완료되지 않았어요. 다시 시도해주세요."),
            spec("UNKNOWN_PAYMENT_ERROR", 500, "결제에 실패했어요. 같은 문제가 반복된다면 은행이나 카드사로 문의해주세요."),
            spec("FAILED_REFUND_PROCESS", 500, "은행 응답시간 지연이나 일시적인 오류로 환불요청에 실패했습니다."));

    /** Used for codes outside the table (e.g. a made-up Test-Code): Toss treats unknown input as a bad request. */
    private static final int UNKNOWN_CODE_STATUS = 400;

    private TossErrors() {
    }

    private static Map.Entry<String, ErrorSpec> spec(String code, int status, String message) {
        return Map.entry(code, new ErrorSpec(code, status, message));
    }

    public static Optional<ErrorSpec> find(String code) {
        return Optional.ofNullable(code == null ? null : TABLE.get(code));
    }

    public static boolean isKnown(String code) {
        return code != null && TABLE.containsKey(code);
    }

    /** The spec for a code; unknown codes get status 400 and a generic message. */
    public static ErrorSpec of(String code) {
        return find(code).orElseGet(() -> new ErrorSpec(code, UNKNOWN_CODE_STATUS, "요청이 실패했습니다. (" + code + ")"));
    }

    public static int status(String code) {
        return of(code).status();
    }

    public static String message(String code) {
        return of(code).message();
    }
}
