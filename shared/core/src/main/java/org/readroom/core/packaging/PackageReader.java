package org.readroom.core.packaging;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.readroom.core.assets.ContentHash;
import org.readroom.core.packaging.PackageException.Reason;
import org.readroom.core.protocol.Wire;

/**
 * Reads packages and refuses anything altered. {@link #verify} checks the header, the server's signature and every
 * chunk against the signed manifest without the content key; {@link #read} also decrypts one entry with it.
 */
public final class PackageReader {

    private PackageReader() {}

    /**
     * A package whose header and signature checked out: its manifest and where the chunks start. A kiosk opens its
     * package once and then reads entries from it as the candidate needs them.
     */
    public record Opened(Manifest manifest, long chunksOffset) {

        /** Decrypts one entry, checking each of its chunks against the signed manifest as it is read. */
        public byte[] read(Path file, byte[] contentKey, String entryName) throws PackageException, IOException {
            Manifest.Entry entry = manifest.entry(entryName);
            long offset = chunksOffset;
            for (int i = 0; i < entry.firstChunk(); i++) {
                offset += manifest.chunks().get(i).length();
            }
            Map<String, Integer> indexByHash = new HashMap<>();
            manifest.chunks().forEach(c -> indexByHash.putIfAbsent(c.sha256(), c.index()));
            ByteBuffer plain = ByteBuffer.allocate(Math.toIntExact(entry.size()));
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                for (int i = entry.firstChunk(); i < entry.firstChunk() + entry.chunkCount(); i++) {
                    Manifest.Chunk chunk = manifest.chunks().get(i);
                    ByteBuffer data = ByteBuffer.allocate(chunk.length());
                    while (data.hasRemaining()) {
                        if (channel.read(data, offset + data.position()) < 0) {
                            throw new PackageException(
                                    Reason.TRUNCATED, "package truncated: chunk " + i + " is incomplete");
                        }
                    }
                    checkChunk(chunk, data.array(), indexByHash);
                    byte[] opened;
                    try {
                        opened = PackageCrypto.open(
                                contentKey, PackageFormat.associatedData(manifest.packageId(), i), data.array());
                    } catch (InvalidCipherTextException e) {
                        // The chunk matches the signed manifest, so only the key can be wrong.
                        throw new PackageException(Reason.WRONG_KEY, "the content key does not open this package");
                    }
                    if (opened.length > plain.remaining()) {
                        throw new PackageException(
                                Reason.ENTRY_CORRUPT, entryName + " is longer than the manifest says");
                    }
                    plain.put(opened);
                    offset += chunk.length();
                }
            }
            byte[] bytes = plain.array();
            if (plain.hasRemaining() || !ContentHash.sha256(bytes).equals(entry.sha256())) {
                throw new PackageException(Reason.ENTRY_CORRUPT, entryName + " does not match its checksum");
            }
            return bytes;
        }
    }

    /** Checks everything that can be checked without the content key; returns the manifest when all is well. */
    public static Manifest verify(Path file, byte[] serverPublicKey) throws PackageException, IOException {
        Opened opened = open(file, serverPublicKey);
        Manifest manifest = opened.manifest();
        Map<String, Integer> indexByHash = new HashMap<>();
        for (Manifest.Chunk chunk : manifest.chunks()) {
            indexByHash.putIfAbsent(chunk.sha256(), chunk.index());
        }
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(opened.chunksOffset());
            for (Manifest.Chunk chunk : manifest.chunks()) {
                byte[] data = in.readNBytes(chunk.length());
                if (data.length < chunk.length()) {
                    throw new PackageException(
                            Reason.TRUNCATED,
                            "package truncated: chunk " + chunk.index() + " of "
                                    + manifest.chunks().size() + " is incomplete");
                }
                checkChunk(chunk, data, indexByHash);
            }
            if (in.read() != -1) {
                throw new PackageException(Reason.CHUNK_CORRUPT, "package has data after its last chunk");
            }
        } catch (EOFException e) {
            throw new PackageException(Reason.TRUNCATED, "package truncated before its chunks");
        }
        return manifest;
    }

    /** Decrypts one entry; the package's header and signature are checked first, the entry's chunks as they are read. */
    public static byte[] read(Path file, byte[] serverPublicKey, byte[] contentKey, String entryName)
            throws PackageException, IOException {
        return open(file, serverPublicKey).read(file, contentKey, entryName);
    }

    /** Reads and checks the header and the manifest's signature. */
    public static Opened open(Path file, byte[] serverPublicKey) throws PackageException, IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            byte[] magic = in.readNBytes(PackageFormat.MAGIC.length);
            if (!Arrays.equals(magic, PackageFormat.MAGIC)) {
                throw new PackageException(Reason.NOT_A_PACKAGE, file.getFileName() + " is not a ReadRoom package");
            }
            int version = in.readUnsignedByte();
            if (version != PackageFormat.VERSION) {
                throw new PackageException(
                        Reason.UNSUPPORTED_VERSION,
                        "unsupported package version " + version + " (this ReadRoom reads version "
                                + PackageFormat.VERSION + ")");
            }
            int manifestLength = in.readInt();
            if (manifestLength <= 0 || manifestLength > PackageFormat.MAX_MANIFEST_BYTES) {
                throw new PackageException(
                        Reason.MALFORMED_MANIFEST, "manifest length " + manifestLength + " is not plausible");
            }
            byte[] manifestBytes = in.readNBytes(manifestLength);
            int signatureLength = manifestBytes.length == manifestLength ? in.readUnsignedShort() : -1;
            byte[] signature = signatureLength < 0 ? new byte[0] : in.readNBytes(signatureLength);
            if (manifestBytes.length < manifestLength || signature.length != signatureLength || signatureLength != 64) {
                throw new PackageException(Reason.TRUNCATED, "package truncated in its header");
            }
            // The signature is checked before the manifest is trusted for anything.
            if (!PackageCrypto.verify(serverPublicKey, manifestBytes, signature)) {
                throw new PackageException(Reason.BAD_SIGNATURE, "the manifest is not signed by this exam server");
            }
            Manifest manifest;
            try {
                manifest = Wire.decode(manifestBytes, Manifest.class);
            } catch (IllegalArgumentException e) {
                throw new PackageException(Reason.MALFORMED_MANIFEST, "manifest unreadable: " + e.getMessage());
            }
            if (manifest.version() != PackageFormat.VERSION
                    || !PackageFormat.AEAD.equals(manifest.aead())
                    || !PackageFormat.SIGNATURE.equals(manifest.signature())
                    || !PackageFormat.HASH.equals(manifest.hash())) {
                throw new PackageException(
                        Reason.UNKNOWN_ALGORITHM,
                        "package uses algorithms this ReadRoom does not" + " accept: " + manifest.aead() + ", "
                                + manifest.signature() + ", " + manifest.hash());
            }
            long offset =
                    PackageFormat.MAGIC.length + 1L + Integer.BYTES + manifestLength + Short.BYTES + signatureLength;
            return new Opened(manifest, offset);
        } catch (EOFException e) {
            throw new PackageException(Reason.TRUNCATED, "package truncated in its header");
        }
    }

    private static void checkChunk(Manifest.Chunk chunk, byte[] data, Map<String, Integer> indexByHash)
            throws PackageException {
        String sha = ContentHash.sha256(data);
        if (sha.equals(chunk.sha256())) {
            return;
        }
        Integer other = indexByHash.get(sha);
        if (other != null) {
            throw new PackageException(
                    Reason.CHUNK_OUT_OF_PLACE,
                    "chunk " + chunk.index() + " holds the data of chunk " + other
                            + " (chunks were swapped or reordered)");
        }
        throw new PackageException(
                Reason.CHUNK_CORRUPT, "chunk " + chunk.index() + " does not match the signed manifest");
    }
}
