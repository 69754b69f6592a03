package org.readroom.core.packaging;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Package format version 1 (docs/package-format.md): magic {@code RRPKG}, a version byte, the manifest (JSON, length
 * prefixed), the server's Ed25519 signature over the manifest bytes, then the encrypted chunks in order. The version
 * selects the algorithms; anything else is refused.
 */
public final class PackageFormat {

    public static final byte[] MAGIC = "RRPKG".getBytes(StandardCharsets.US_ASCII);
    public static final int VERSION = 1;
    public static final String AEAD = "AES-256-GCM";
    public static final String SIGNATURE = "Ed25519";
    public static final String HASH = "SHA-256";
    public static final int DEFAULT_CHUNK_SIZE = 1 << 20;
    public static final int NONCE_BYTES = 12;
    public static final int TAG_BYTES = 16;
    public static final int KEY_BYTES = 32;
    static final int MAX_MANIFEST_BYTES = 64 << 20;

    private PackageFormat() {}

    /**
     * Associated data of a chunk: the package id and the chunk's index, so a chunk moved to another place or into
     * another package no longer authenticates.
     */
    static byte[] associatedData(String packageId, int index) {
        byte[] id = packageId.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(id.length + Integer.BYTES)
                .put(id)
                .putInt(index)
                .array();
    }
}
