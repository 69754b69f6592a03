package org.readroom.core.packaging;

import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/** The server's Ed25519 package-signing key pair (32-byte raw keys). */
public record SigningKeys(byte[] privateKey, byte[] publicKey) {

    public SigningKeys {
        if (privateKey == null || privateKey.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("signing key: private key must be 32 bytes");
        }
        privateKey = privateKey.clone();
        publicKey = new Ed25519PrivateKeyParameters(privateKey, 0)
                .generatePublicKey()
                .getEncoded();
    }

    public static SigningKeys generate() {
        return new SigningKeys(new Ed25519PrivateKeyParameters(new SecureRandom()).getEncoded(), null);
    }

    @Override
    public byte[] privateKey() {
        return privateKey.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SigningKeys keys && Arrays.equals(publicKey, keys.publicKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return "SigningKeys[public " + java.util.HexFormat.of().formatHex(publicKey) + "]";
    }
}
