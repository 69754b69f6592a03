package org.readroom.core.enrolment;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.agreement.X25519Agreement;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;

/**
 * Wraps a package's content key for one kiosk: an ephemeral X25519 agreement with the kiosk's key, HKDF-SHA256 to a
 * key-encryption key, AES-256-GCM over the content key with the package and kiosk ids as associated data. Only that
 * kiosk's private key unwraps it, and only for that package.
 */
public final class KeyWrap {

    private static final byte[] INFO = "readroom key release v1".getBytes(StandardCharsets.UTF_8);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What travels to the kiosk: the ephemeral public key and nonce ‖ ciphertext ‖ tag. */
    public record Wrapped(byte[] ephemeralPublic, byte[] sealed) {
        public Wrapped {
            ephemeralPublic = ephemeralPublic.clone();
            sealed = sealed.clone();
        }

        @Override
        public byte[] ephemeralPublic() {
            return ephemeralPublic.clone();
        }

        @Override
        public byte[] sealed() {
            return sealed.clone();
        }
    }

    private KeyWrap() {}

    public static Wrapped wrap(
            byte[] contentKey, KioskIdentity.KioskPublicKeys kiosk, String packageId, String kioskId) {
        X25519PrivateKeyParameters ephemeral = new X25519PrivateKeyParameters(RANDOM);
        byte[] ephemeralPublic = ephemeral.generatePublicKey().getEncoded();
        byte[] kek = kek(ephemeral, kiosk.agreement(), ephemeralPublic, kiosk.agreement());
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        GCMModeCipher gcm = gcm(true, kek, nonce, associatedData(packageId, kioskId));
        byte[] out = new byte[12 + gcm.getOutputSize(contentKey.length)];
        System.arraycopy(nonce, 0, out, 0, 12);
        int n = gcm.processBytes(contentKey, 0, contentKey.length, out, 12);
        try {
            gcm.doFinal(out, 12 + n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("wrapping cannot fail authentication", e);
        }
        return new Wrapped(ephemeralPublic, out);
    }

    /** The content key, or an exception when this kiosk, package or data do not match. */
    public static byte[] unwrap(Wrapped wrapped, KioskIdentity kiosk, String packageId, String kioskId)
            throws InvalidCipherTextException {
        byte[] ownPublic = kiosk.publicKeys().agreement();
        byte[] kek = kek(
                new X25519PrivateKeyParameters(kiosk.agreementPrivate(), 0),
                wrapped.ephemeralPublic(),
                wrapped.ephemeralPublic(),
                ownPublic);
        byte[] sealed = wrapped.sealed();
        if (sealed.length < 12 + 16) {
            throw new InvalidCipherTextException("wrapped key too short");
        }
        GCMModeCipher gcm = gcm(false, kek, Arrays.copyOf(sealed, 12), associatedData(packageId, kioskId));
        byte[] out = new byte[gcm.getOutputSize(sealed.length - 12)];
        int n = gcm.processBytes(sealed, 12, sealed.length - 12, out, 0);
        gcm.doFinal(out, n);
        return out;
    }

    private static byte[] kek(
            X25519PrivateKeyParameters own, byte[] peerPublic, byte[] ephemeralPublic, byte[] kioskPublic) {
        X25519Agreement agreement = new X25519Agreement();
        agreement.init(own);
        byte[] shared = new byte[agreement.getAgreementSize()];
        agreement.calculateAgreement(new X25519PublicKeyParameters(peerPublic, 0), shared, 0);
        byte[] salt = Arrays.copyOf(ephemeralPublic, 64);
        System.arraycopy(kioskPublic, 0, salt, 32, 32);
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(shared, salt, INFO));
        byte[] kek = new byte[32];
        hkdf.generateBytes(kek, 0, kek.length);
        return kek;
    }

    private static byte[] associatedData(String packageId, String kioskId) {
        return (packageId + "\n" + kioskId).getBytes(StandardCharsets.UTF_8);
    }

    private static GCMModeCipher gcm(boolean encrypt, byte[] key, byte[] nonce, byte[] associatedData) {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
        gcm.init(encrypt, new AEADParameters(new KeyParameter(key), 128, nonce, associatedData));
        return gcm;
    }
}
