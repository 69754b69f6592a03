package org.readroom.core.packaging;

import java.util.List;

/**
 * The signed table of contents of a package: what it holds, how it is cut into chunks, and the SHA-256 of every
 * encrypted chunk, so integrity can be checked without the content key.
 */
public record Manifest(
        int version,
        String aead,
        String signature,
        String hash,
        String packageId,
        String paperId,
        long createdAt,
        int chunkSize,
        List<Entry> entries,
        List<Chunk> chunks) {

    public Manifest {
        entries = List.copyOf(entries == null ? List.of() : entries);
        chunks = List.copyOf(chunks == null ? List.of() : chunks);
    }

    /**
     * One file in the package: its name (e.g. {@code paper.json}, {@code assets/<sha256>}), plain size and SHA-256,
     * and the run of chunks that holds it.
     */
    public record Entry(String name, long size, String sha256, int firstChunk, int chunkCount) {}

    /** One encrypted chunk: its length on disk (nonce + ciphertext + tag) and that data's SHA-256. */
    public record Chunk(int index, int length, String sha256) {}

    public Entry entry(String name) throws PackageException {
        return entries.stream()
                .filter(e -> e.name().equals(name))
                .findFirst()
                .orElseThrow(() ->
                        new PackageException(PackageException.Reason.NO_SUCH_ENTRY, "package has no entry " + name));
    }
}
