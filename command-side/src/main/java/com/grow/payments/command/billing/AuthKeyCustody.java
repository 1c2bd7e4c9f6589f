package com.grow.payments.command.billing;

/**
 * Where the authKey of Toss's billing window waits, sealed, while its billing key is issued. It
 * is a one-time secret that lets whoever holds it obtain a billing key for the buyer's card, so it
 * never enters a command or an event (those are kept for ever); the issuing process takes it from
 * here and it is deleted once Toss has answered.
 */
public interface AuthKeyCustody {

    /** Seals the authKey under the billing key id it is to be exchanged for. */
    void keep(String billingKeyId, String authKey);
}
