package com.grow.payments.infra.ledger;

/** One step of a property run: something the buyer, the service, Toss or time does. */
sealed interface Step {

    record CardCheckout(long amount) implements Step {
    }

    record AccountRequest(long amount) implements Step {
    }

    record Confirm(int order, boolean tampered) implements Step {
    }

    /** Toss answers the confirmation (or answers it again: a late or repeated answer). */
    record TossAnswersConfirm(int order, ConfirmOutcome outcome, long otherAmountDelta) implements Step {
    }

    /** The service records the buyer's window as expired while Toss has not answered (Toss may yet approve). */
    record ServiceGivesUp(int order) implements Step {
    }

    /** The janitor (or a webhook's hint) looks the order up at Toss. */
    record Lookup(int order) implements Step {
    }

    record RequestCancel(int order, CancelSize size, long seed, boolean admin) implements Step {
    }

    record TossAnswersCancel(int order, CancelOutcome outcome) implements Step {
    }

    /** Someone cancels part of the payment on Toss's console; the service learns it by the look-up its webhook asks for. */
    record ConsoleCancel(int order, long seed) implements Step {
    }

    /** The compensation saga's refund at Toss. */
    record CompensationRefund(int order, boolean answerLost) implements Step {
    }

    record TossOpensAccount(int order) implements Step {
    }

    record BuyerDeposits(int order) implements Step {
    }

    /** Toss's deposit error: the account goes back to waiting. */
    record DepositError(int order) implements Step {
    }

    record AccountExpires(int order) implements Step {
    }

    record Subscribe(long amount) implements Step {
    }

    record ChargeCycle(int subscription, boolean approved) implements Step {
    }

    /**
     * The next thing that naturally happens to an order in its state (the buyer confirms, Toss
     * answers, a cancel is asked, a deposit arrives, ...), {@code choice} picking among the ways it
     * can go: so that runs go deep into each order's life, not only wide.
     */
    record Advance(int order, int choice, long seed) implements Step {
    }

    /** An event is delivered to the ledger again (at-least-once delivery). */
    record Redeliver(int event) implements Step {
    }

    record Wait(int minutes) implements Step {
    }

    enum ConfirmOutcome { APPROVED, APPROVED_OTHER_AMOUNT, DECLINED, ANSWER_LOST }

    enum CancelSize { WHOLE_BALANCE, PART, OVER_BALANCE }

    enum CancelOutcome { DONE, REFUSED, DONE_ANSWER_LOST, NOT_PROCESSED_ANSWER_LOST }
}
