package com.grow.payments.command.billing;

import java.util.Optional;

/**
 * Which billing key each authKey from Toss's billing window was submitted for. Toss exchanges an
 * authKey once; when that exchange's answer is lost, a second request with the same authKey would
 * be refused by Toss while the first key may be live. So the second request never reaches Toss.
 */
public interface AuthKeyUses {

    /** Records that the authKey goes to this billing key; if it was already submitted, the billing key it went to. */
    Optional<String> claim(String authKey, String billingKeyId);

    /** Moves the authKey from a billing key Toss refused to a new one; false when it no longer pointed there. */
    boolean reassign(String authKey, String from, String to);
}
