package org.readroom.core.assets;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Content addresses: the SHA-256 of an asset's bytes, in lower-case hex, is its name everywhere. */
public final class ContentHash {

    private ContentHash() {}

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    public static boolean isSha256(String name) {
        return name != null && name.matches("[0-9a-f]{64}");
    }
}
