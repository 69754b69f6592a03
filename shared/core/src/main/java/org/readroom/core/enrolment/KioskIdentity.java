package org.readroom.core.enrolment;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.readroom.core.assets.ContentHash;

/**
 * A kiosk's own key pairs, made on the kiosk at enrolment: X25519 to receive wrapped content keys, Ed25519 to sign
 * its requests. Private keys never leave the kiosk; the public keys and a short pairing code go to the server.
 */
public final class KioskIdentity {

    private final byte[] agreementPrivate;
    private final byte[] signingPrivate;
    private final KioskPublicKeys publicKeys;

    private KioskIdentity(byte[] agreementPrivate, byte[] signingPrivate) {
        this.agreementPrivate = agreementPrivate.clone();
        this.signingPrivate = signingPrivate.clone();
        this.publicKeys = new KioskPublicKeys(
                new X25519PrivateKeyParameters(agreementPrivate, 0)
                        .generatePublicKey()
                        .getEncoded(),
                new Ed25519PrivateKeyParameters(signingPrivate, 0)
                        .generatePublicKey()
                        .getEncoded());
    }

    public static KioskIdentity generate() {
        SecureRandom random = new SecureRandom();
        return new KioskIdentity(
                new X25519PrivateKeyParameters(random).getEncoded(),
                new Ed25519PrivateKeyParameters(random).getEncoded());
    }

    /** Restores an identity from its 64 stored bytes (X25519 private ‖ Ed25519 private). */
    public static KioskIdentity fromBytes(byte[] stored) {
        if (stored == null || stored.length != 64) {
            throw new IllegalArgumentException(
                    "kiosk identity: expected 64 bytes, found " + (stored == null ? 0 : stored.length));
        }
        return new KioskIdentity(Arrays.copyOfRange(stored, 0, 32), Arrays.copyOfRange(stored, 32, 64));
    }

    public byte[] toBytes() {
        byte[] out = new byte[64];
        System.arraycopy(agreementPrivate, 0, out, 0, 32);
        System.arraycopy(signingPrivate, 0, out, 32, 32);
        return out;
    }

    public KioskPublicKeys publicKeys() {
        return publicKeys;
    }

    /**
     * A 32-byte key for one local purpose (the answer journal, say), derived with HKDF-SHA256 from this kiosk's
     * private keys: only this kiosk's identity file can recreate it, and different purposes never share a key.
     */
    public byte[] derivedKey(String purpose) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(toBytes(), null, purpose.getBytes(StandardCharsets.UTF_8)));
        byte[] key = new byte[32];
        hkdf.generateBytes(key, 0, key.length);
        return key;
    }

    byte[] agreementPrivate() {
        return agreementPrivate.clone();
    }

    public byte[] sign(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, new Ed25519PrivateKeyParameters(signingPrivate, 0));
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    /** The public halves, as the server stores them. */
    public record KioskPublicKeys(byte[] agreement, byte[] signing) {

        public KioskPublicKeys {
            if (agreement == null || agreement.length != 32 || signing == null || signing.length != 32) {
                throw new IllegalArgumentException("kiosk public keys must be 32 bytes each");
            }
            agreement = agreement.clone();
            signing = signing.clone();
        }

        /**
         * A short code shown on the kiosk and to the approving admin: if both show the same code, the server holds
         * this kiosk's keys and not someone else's.
         */
        public String pairingCode() {
            String hex = ContentHash.sha256(concat(agreement, signing));
            long value = Long.parseUnsignedLong(hex.substring(0, 12), 16) % 100_000_000L;
            String digits = String.format("%08d", value);
            return digits.substring(0, 4) + "-" + digits.substring(4);
        }

        public boolean verify(byte[] message, byte[] signature) {
            if (signature == null || signature.length != 64) {
                return false;
            }
            Ed25519Signer verifier = new Ed25519Signer();
            verifier.init(false, new Ed25519PublicKeyParameters(signing, 0));
            verifier.update(message, 0, message.length);
            return verifier.verifySignature(signature);
        }

        public String agreementHex() {
            return HexFormat.of().formatHex(agreement);
        }

        public String signingHex() {
            return HexFormat.of().formatHex(signing);
        }

        @Override
        public byte[] agreement() {
            return agreement.clone();
        }

        @Override
        public byte[] signing() {
            return signing.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof KioskPublicKeys keys
                    && Arrays.equals(agreement, keys.agreement)
                    && Arrays.equals(signing, keys.signing);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(agreement) + Arrays.hashCode(signing);
        }

        @Override
        public String toString() {
            return "KioskPublicKeys[" + pairingCode() + "]";
        }

        private static byte[] concat(byte[] a, byte[] b) {
            byte[] out = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, out, a.length, b.length);
            return out;
        }
    }

    /**
     * The bytes a kiosk signs for one request: method, path with its query, timestamp, a one-time nonce and the body's
     * hash, one per line. The nonce lets the server refuse a replayed request within the timestamp window.
     */
    public static byte[] requestToSign(String method, String pathAndQuery, long timestamp, String nonce, byte[] body) {
        String text = method + "\n" + pathAndQuery + "\n" + timestamp + "\n" + nonce + "\n"
                + ContentHash.sha256(body == null ? new byte[0] : body);
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
