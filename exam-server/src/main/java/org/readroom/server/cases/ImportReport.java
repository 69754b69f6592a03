package org.readroom.server.cases;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one case import. {@code file} names are relative to the imported folder (or zip entry names); they
 * appear only here and on the terminal, never in the database.
 *
 * @param importId the id of the stored import, or empty when nothing was stored (no importable image)
 */
public record ImportReport(
        String importId,
        int files,
        int studies,
        int series,
        int images,
        List<ImportedFile> imported,
        List<FileNote> skipped,
        List<FileNote> warnings,
        Duration took) {

    /** One sentence about one source file. */
    public record FileNote(String file, String message) {
        public FileNote {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(message, "message");
        }
    }

    /** A source file that became a stored image: its asset (SHA-256 of the converted file) and new series UID. */
    public record ImportedFile(String file, String asset, String seriesUid) {
        public ImportedFile {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(asset, "asset");
            Objects.requireNonNull(seriesUid, "seriesUid");
        }
    }

    public ImportReport {
        Objects.requireNonNull(importId, "importId");
        imported = List.copyOf(imported);
        skipped = List.copyOf(skipped);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(took, "took");
    }

    /** True when at least one image was stored. */
    public boolean storedAnything() {
        return images > 0;
    }
}
