package org.readroom.core.enrolment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.junit.jupiter.api.Test;
import org.readroom.core.packaging.PackageWriter;

class KeyWrapTest {

    private final KioskIdentity kioskA = KioskIdentity.generate();
    private final KioskIdentity kioskB = KioskIdentity.generate();
    private final byte[] contentKey = PackageWriter.newContentKey();

    @Test
    void onlyTheKioskItWasWrappedForUnwrapsTheKey() throws Exception {
        KeyWrap.Wrapped wrapped = KeyWrap.wrap(contentKey, kioskA.publicKeys(), "pkg-1", "kiosk-a");
        assertArrayEquals(contentKey, KeyWrap.unwrap(wrapped, kioskA, "pkg-1", "kiosk-a"));
        assertThrows(InvalidCipherTextException.class, () -> KeyWrap.unwrap(wrapped, kioskB, "pkg-1", "kiosk-a"));
    }

    @Test
    void theWrappedKeyIsBoundToItsPackageAndKiosk() {
        KeyWrap.Wrapped wrapped = KeyWrap.wrap(contentKey, kioskA.publicKeys(), "pkg-1", "kiosk-a");
        assertThrows(InvalidCipherTextException.class, () -> KeyWrap.unwrap(wrapped, kioskA, "pkg-2", "kiosk-a"));
        assertThrows(InvalidCipherTextException.class, () -> KeyWrap.unwrap(wrapped, kioskA, "pkg-1", "kiosk-b"));
    }

    @Test
    void theWrappedBytesDoNotContainTheKeyAndAFlippedByteIsRefused() {
        KeyWrap.Wrapped wrapped = KeyWrap.wrap(contentKey, kioskA.publicKeys(), "pkg-1", "kiosk-a");
        byte[] sealed = wrapped.sealed();
        for (int i = 0; i + contentKey.length <= sealed.length; i++) {
            assertFalse(Arrays.equals(Arrays.copyOfRange(sealed, i, i + contentKey.length), contentKey));
        }
        sealed[20] ^= 1;
        KeyWrap.Wrapped flipped = new KeyWrap.Wrapped(wrapped.ephemeralPublic(), sealed);
        assertThrows(InvalidCipherTextException.class, () -> KeyWrap.unwrap(flipped, kioskA, "pkg-1", "kiosk-a"));
    }

    @Test
    void anIdentitySurvivesStorageAndItsPairingCodeIsStable() {
        KioskIdentity restored = KioskIdentity.fromBytes(kioskA.toBytes());
        assertEquals(kioskA.publicKeys(), restored.publicKeys());
        assertEquals(kioskA.publicKeys().pairingCode(), restored.publicKeys().pairingCode());
        assertTrue(kioskA.publicKeys().pairingCode().matches("\\d{4}-\\d{4}"));
        assertNotEquals(kioskA.publicKeys().pairingCode(), kioskB.publicKeys().pairingCode());
    }

    @Test
    void requestSignaturesVerifyOnlyForTheSameRequestAndKey() {
        byte[] request = KioskIdentity.requestToSign("GET", "/api/v1/kiosks/me", 1000, "n1", new byte[0]);
        byte[] signature = kioskA.sign(request);
        assertTrue(kioskA.publicKeys().verify(request, signature));
        assertFalse(kioskB.publicKeys().verify(request, signature));
        byte[] other = KioskIdentity.requestToSign("GET", "/api/v1/kiosks/me", 1001, "n1", new byte[0]);
        assertFalse(kioskA.publicKeys().verify(other, signature));
        byte[] otherNonce = KioskIdentity.requestToSign("GET", "/api/v1/kiosks/me", 1000, "n2", new byte[0]);
        assertFalse(kioskA.publicKeys().verify(otherNonce, signature));
        byte[] otherQuery = KioskIdentity.requestToSign("GET", "/api/v1/kiosks/me?wait=1", 1000, "n1", new byte[0]);
        assertFalse(kioskA.publicKeys().verify(otherQuery, signature));
        byte[] body = KioskIdentity.requestToSign("POST", "/x", 1000, "n1", "a".getBytes(StandardCharsets.UTF_8));
        assertFalse(kioskA.publicKeys()
                .verify(
                        body,
                        kioskA.sign(KioskIdentity.requestToSign(
                                "POST", "/x", 1000, "n1", "b".getBytes(StandardCharsets.UTF_8)))));
    }
}
