package com.grow.payments.infra.reconciliation;

/** Which way a transaction moved money: to us (an approval or deposit), or back (a cancel or reversal). */
public enum ItemKind {
    APPROVAL, CANCEL
}
