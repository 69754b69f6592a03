package org.readroom.core.packaging;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.readroom.core.assets.ContentHash;
import org.readroom.core.protocol.Wire;

/**
 * Builds one package for a paper: every entry cut into chunks, each chunk sealed with the content key (AES-256-GCM,
 * package id and chunk index as associated data), the manifest signed with the server's key. Encrypted once, the
 * same file serves every kiosk.
 */
public final class PackageWriter {

    /** One file to put in the package. */
    public record Content(String name, byte[] bytes) {
        public Content {
            if (name == null || name.isBlank() || name.contains("..")) {
                throw new IllegalArgumentException("package entry name is not valid: " + name);
            }
            bytes = bytes.clone();
        }
    }

    private PackageWriter() {}

    public static Manifest write(
            Path target, String paperId, List<Content> contents, byte[] contentKey, SigningKeys keys, long createdAt)
            throws IOException {
        return write(target, paperId, contents, contentKey, keys, createdAt, PackageFormat.DEFAULT_CHUNK_SIZE);
    }

    public static Manifest write(
            Path target,
            String paperId,
            List<Content> contents,
            byte[] contentKey,
            SigningKeys keys,
            long createdAt,
            int chunkSize)
            throws IOException {
        if (chunkSize < 1024) {
            throw new IllegalArgumentException("chunk size must be at least 1024 bytes, was " + chunkSize);
        }
        String packageId = UUID.randomUUID().toString();
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path body = Files.createTempFile(dir, ".package", ".chunks");
        Path whole = Files.createTempFile(dir, ".package", ".part");
        try {
            List<Manifest.Entry> entries = new ArrayList<>();
            List<Manifest.Chunk> chunks = new ArrayList<>();
            try (OutputStream out = Files.newOutputStream(body)) {
                for (Content content : contents) {
                    int first = chunks.size();
                    byte[] bytes = content.bytes();
                    for (int offset = 0; offset < bytes.length || offset == 0; offset += chunkSize) {
                        byte[] plain = Arrays.copyOfRange(bytes, offset, Math.min(bytes.length, offset + chunkSize));
                        int index = chunks.size();
                        byte[] sealed =
                                PackageCrypto.seal(contentKey, PackageFormat.associatedData(packageId, index), plain);
                        out.write(sealed);
                        chunks.add(new Manifest.Chunk(index, sealed.length, ContentHash.sha256(sealed)));
                        if (bytes.length == 0) {
                            break;
                        }
                    }
                    entries.add(new Manifest.Entry(
                            content.name(), bytes.length, ContentHash.sha256(bytes), first, chunks.size() - first));
                }
            }
            Manifest manifest = new Manifest(
                    PackageFormat.VERSION,
                    PackageFormat.AEAD,
                    PackageFormat.SIGNATURE,
                    PackageFormat.HASH,
                    packageId,
                    paperId,
                    createdAt,
                    chunkSize,
                    entries,
                    chunks);
            byte[] manifestBytes = Wire.encode(manifest);
            byte[] signature = PackageCrypto.sign(keys.privateKey(), manifestBytes);
            try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(whole));
                    InputStream in = Files.newInputStream(body)) {
                out.write(PackageFormat.MAGIC);
                out.writeByte(PackageFormat.VERSION);
                out.writeInt(manifestBytes.length);
                out.write(manifestBytes);
                out.writeShort(signature.length);
                out.write(signature);
                in.transferTo(out);
            }
            Files.move(whole, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return manifest;
        } finally {
            Files.deleteIfExists(body);
            Files.deleteIfExists(whole);
        }
    }

    /** A fresh random 256-bit content key. */
    public static byte[] newContentKey() {
        return PackageCrypto.newContentKey();
    }
}
