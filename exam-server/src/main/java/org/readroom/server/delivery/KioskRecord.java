package org.readroom.server.delivery;

import org.readroom.core.enrolment.KioskIdentity.KioskPublicKeys;

/** An enrolled kiosk as stored. */
public record KioskRecord(String id, String name, KioskPublicKeys keys, String status) {

    public boolean approved() {
        return "APPROVED".equals(status);
    }

    public boolean revoked() {
        return "REVOKED".equals(status);
    }
}
