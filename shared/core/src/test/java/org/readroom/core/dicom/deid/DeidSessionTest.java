package org.readroom.core.dicom.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeidSessionTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();

    @Test
    void theSameOriginalUidGetsTheSameNewUidWithinOneImport() {
        DeidSession session = DeidSession.withSecret(SECRET);
        assertEquals(session.newUid("1.2.3.4"), session.newUid("1.2.3.4"));
        assertEquals(session.newUid("1.2.3.4"), session.newUid(" 1.2.3.4 "), "padding does not make a new UID");
    }

    @Test
    void differentOriginalsStayDifferent() {
        DeidSession session = DeidSession.withSecret(SECRET);
        Set<String> uids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            uids.add(session.newUid("1.2.826.0.1.3680043." + i));
        }
        assertEquals(10_000, uids.size());
    }

    @Test
    void newUidsAreValidUuidDerivedUids() {
        String uid = DeidSession.withSecret(SECRET).newUid("1.3.6.1.4.1.5962.1.1.1.1.1.20040119072730.12322");
        assertTrue(uid.matches("2\\.25\\.[1-9][0-9]*"), uid);
        assertTrue(uid.length() <= 64, uid);
    }

    @Test
    void anotherImportGetsOtherReplacementsSoNothingCanBeRecomputedLater() {
        assertNotEquals(
                DeidSession.random().newUid("1.2.3.4"), DeidSession.random().newUid("1.2.3.4"));
        assertNotEquals(
                DeidSession.random().pseudonym("id:|12345"),
                DeidSession.random().pseudonym("id:|12345"));
    }

    @Test
    void aPatientKeepsOnePseudonymAndOneDateOffset() {
        DeidSession session = DeidSession.withSecret(SECRET);
        assertEquals(session.pseudonym("id:|4MR1"), session.pseudonym("id:|4MR1"));
        assertTrue(session.pseudonym("id:|4MR1").matches("CASE-[0-9A-F]{8}"));
        assertNotEquals(session.pseudonym("id:|4MR1"), session.pseudonym("id:|1CT1"));
        assertEquals(session.daysBack("id:|4MR1"), session.daysBack("id:|4MR1"));
    }

    @Test
    void dateOffsetsAreAtLeastAYearAndAtMostTenYears() {
        DeidSession session = DeidSession.withSecret(SECRET);
        for (int i = 0; i < 1_000; i++) {
            int days = session.daysBack("patient " + i);
            assertTrue(days >= DeidSession.MIN_DAYS_BACK && days <= DeidSession.MAX_DAYS_BACK, "days " + days);
        }
    }

    @Test
    void blankUidsAndShortSecretsAreRefused() {
        DeidSession session = DeidSession.withSecret(SECRET);
        assertThrows(IllegalArgumentException.class, () -> session.newUid(" "));
        assertThrows(IllegalArgumentException.class, () -> DeidSession.withSecret(new byte[8]));
    }
}
