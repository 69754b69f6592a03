package org.readroom.core.enrolment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KioskIdentityTest {

    private final KioskIdentity kiosk = KioskIdentity.generate();

    @Test
    void aDerivedKeyIs32Bytes() {
        assertEquals(32, kiosk.derivedKey("answer journal").length);
        assertEquals(32, kiosk.derivedKey("").length);
    }

    @Test
    void aDerivedKeyIsStableAcrossStorage() {
        byte[] key = kiosk.derivedKey("answer journal");
        assertArrayEquals(key, kiosk.derivedKey("answer journal"));
        assertArrayEquals(key, KioskIdentity.fromBytes(kiosk.toBytes()).derivedKey("answer journal"));
    }

    @Test
    void anotherPurposeGetsAnotherKey() {
        assertFalse(Arrays.equals(kiosk.derivedKey("answer journal"), kiosk.derivedKey("answer journal ")));
        assertFalse(Arrays.equals(kiosk.derivedKey("answer journal"), kiosk.derivedKey("settings")));
    }

    @Test
    void anotherKioskGetsAnotherKey() {
        KioskIdentity other = KioskIdentity.generate();
        assertFalse(Arrays.equals(kiosk.derivedKey("answer journal"), other.derivedKey("answer journal")));
    }

    @Test
    void theDerivedKeyIsNotThePrivateKeyMaterial() {
        byte[] key = kiosk.derivedKey("answer journal");
        byte[] stored = kiosk.toBytes();
        assertFalse(Arrays.equals(key, Arrays.copyOfRange(stored, 0, 32)));
        assertFalse(Arrays.equals(key, Arrays.copyOfRange(stored, 32, 64)));
    }
}
