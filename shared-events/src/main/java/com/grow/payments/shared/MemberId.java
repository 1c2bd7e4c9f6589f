package com.grow.payments.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The platform member a payment belongs to (the JWT subject). */
public record MemberId(@JsonValue String value) {

    @JsonCreator
    public MemberId {
        if (value == null || value.isBlank() || value.length() > 128) {
            throw new IllegalArgumentException("memberId must be 1-128 characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
