package com.grow.payments.shared.merchant;

/** An event that starts a record at one Toss merchant: every later call about it uses that merchant's key. */
public interface MerchantBound {

    /** The merchant's name; null in events written before merchants existed (the default one). */
    String merchant();
}
