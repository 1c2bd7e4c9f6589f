package com.grow.payments.shared;

/** Who asks: the authenticated member and whether they hold the ADMIN role. */
public record Caller(MemberId memberId, boolean admin) {

    public boolean mayAccess(MemberId owner) {
        return admin || memberId.equals(owner);
    }
}
