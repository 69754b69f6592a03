package org.readroom.kiosk.delivery;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.readroom.core.packaging.PackageException;
import org.readroom.core.packaging.PackageReader;
import org.readroom.core.paper.PaperContent;
import org.readroom.core.protocol.Wire;

/**
 * A package on this kiosk, opened with the content key released at the start: the paper and its images are decrypted
 * entry by entry as the candidate needs them, each checked against the server's signed manifest.
 */
public final class PaperPackage {

    private final Path file;
    private final PackageReader.Opened opened;
    private final byte[] contentKey;

    PaperPackage(Path file, PackageReader.Opened opened, byte[] contentKey) {
        this.file = file;
        this.opened = opened;
        this.contentKey = contentKey.clone();
    }

    public String packageId() {
        return opened.manifest().packageId();
    }

    /** The paper as the package carries it (authoring order, no answer keys). */
    public PaperContent paper() throws PackageException, IOException {
        return Wire.decode(opened.read(file, contentKey, "paper.json"), PaperContent.class);
    }

    /** One image, by its SHA-256. */
    public byte[] asset(String sha256) throws PackageException, IOException {
        return opened.read(file, contentKey, "assets/" + sha256);
    }

    /** A copy of the content key, for the sealed resume ticket (see {@code ResumeTickets}). */
    public byte[] contentKey() {
        return contentKey.clone();
    }

    /** Wipes the key from memory (the exam on this kiosk is over). */
    public void close() {
        Arrays.fill(contentKey, (byte) 0);
    }
}
