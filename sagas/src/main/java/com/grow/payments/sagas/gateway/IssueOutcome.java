package com.grow.payments.sagas.gateway;

import com.grow.payments.shared.payment.Failure;
import java.time.Instant;

/** What asking Toss for a billing key came to. */
public sealed interface IssueOutcome {

    /** Issued: the key is a secret, to be put in the vault and nowhere else. */
    record Issued(String billingKey, String cardCompany, String cardNumberMasked, Instant issuedAt)
            implements IssueOutcome {
        @Override
        public String toString() {
            return "Issued[billingKey=****, cardCompany=" + cardCompany + "]";
        }
    }

    record Refused(Failure failure) implements IssueOutcome {
    }

    record Unknown(String reason) implements IssueOutcome {
    }
}
