package com.grow.payments.command;

import static org.hamcrest.Matchers.equalTo;

import com.grow.payments.shared.error.ErrorCode;
import com.grow.payments.shared.error.PaymentRejection;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;

/** Matches the one exception type the aggregates throw on purpose, by its error code. */
public final class Rejections {

    private Rejections() {
    }

    public static Matcher<PaymentRejection> rejectedWith(ErrorCode kind) {
        return new FeatureMatcher<>(equalTo(kind), "a PaymentRejection of kind", "kind") {
            @Override
            protected ErrorCode featureValueOf(PaymentRejection rejection) {
                return rejection.kind();
            }
        };
    }
}
