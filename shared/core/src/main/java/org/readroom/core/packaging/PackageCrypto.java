package org.readroom.core.packaging;

import java.security.SecureRandom;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** The primitives of package format v1, from Bouncy Castle: AES-256-GCM chunks and Ed25519 manifest signatures. */
public final class PackageCrypto {

    private static final SecureRandom RANDOM = new SecureRandom();

    private PackageCrypto() {}

    static byte[] newContentKey() {
        byte[] key = new byte[PackageFormat.KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /** nonce ‖ ciphertext ‖ tag, with a fresh random nonce. */
    public static byte[] seal(byte[] key, byte[] associatedData, byte[] plain) {
        byte[] nonce = new byte[PackageFormat.NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        GCMModeCipher gcm = gcm(true, key, nonce, associatedData);
        byte[] out = new byte[PackageFormat.NONCE_BYTES + gcm.getOutputSize(plain.length)];
        System.arraycopy(nonce, 0, out, 0, nonce.length);
        int written = gcm.processBytes(plain, 0, plain.length, out, nonce.length);
        try {
            gcm.doFinal(out, nonce.length + written);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("encryption cannot fail authentication", e);
        }
        return out;
    }

    /** The plain bytes, or an exception when the key, the data or the associated data do not match. */
    public static byte[] open(byte[] key, byte[] associatedData, byte[] sealed) throws InvalidCipherTextException {
        if (sealed.length < PackageFormat.NONCE_BYTES + PackageFormat.TAG_BYTES) {
            throw new InvalidCipherTextException("sealed data shorter than nonce and tag");
        }
        byte[] nonce = java.util.Arrays.copyOf(sealed, PackageFormat.NONCE_BYTES);
        GCMModeCipher gcm = gcm(false, key, nonce, associatedData);
        int length = sealed.length - PackageFormat.NONCE_BYTES;
        byte[] out = new byte[gcm.getOutputSize(length)];
        int written = gcm.processBytes(sealed, PackageFormat.NONCE_BYTES, length, out, 0);
        gcm.doFinal(out, written);
        return out;
    }

    private static GCMModeCipher gcm(boolean encrypt, byte[] key, byte[] nonce, byte[] associatedData) {
        if (key == null || key.length != PackageFormat.KEY_BYTES) {
            throw new IllegalArgumentException("content key must be " + PackageFormat.KEY_BYTES + " bytes");
        }
        GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
        gcm.init(
                encrypt, new AEADParameters(new KeyParameter(key), PackageFormat.TAG_BYTES * 8, nonce, associatedData));
        return gcm;
    }

    static byte[] sign(byte[] privateKey, byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, new Ed25519PrivateKeyParameters(privateKey, 0));
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }
}
