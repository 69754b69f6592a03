package org.readroom.server.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.readroom.core.assets.ContentHash;

/**
 * Content-addressed files (DICOM slices, later package chunks) under {@code DATA/assets/ab/abcdef…}. A file's name is
 * the SHA-256 of its bytes, so storing the same content twice keeps one copy and a corrupted file is detectable.
 */
public final class AssetStore {

    private final Path root;

    public AssetStore(Path root) {
        this.root = root;
    }

    /** Stores the bytes (blocking; call off the event loop) and returns their SHA-256 hex. */
    public String put(byte[] content) throws IOException {
        String sha = ContentHash.sha256(content);
        Path target = path(sha);
        if (Files.exists(target)) {
            return sha;
        }
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), sha, ".part");
        Files.write(temp, content);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return sha;
    }

    public Path path(String sha) {
        if (!ContentHash.isSha256(sha)) {
            throw new IllegalArgumentException("asset id is not a SHA-256 hex digest: " + sha);
        }
        return root.resolve(sha.substring(0, 2)).resolve(sha);
    }
}
