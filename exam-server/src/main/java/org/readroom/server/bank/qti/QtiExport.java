package org.readroom.server.bank.qti;

import java.nio.file.Path;
import java.util.List;

/**
 * What a QTI export wrote: the package, how many bank items went in (a case cluster or B1 set counts once), how many
 * QTI item files that made, and a warning for each item left out with the reason.
 */
public record QtiExport(Path file, int itemsWritten, int qtiItemFiles, List<String> warnings) {

    public QtiExport {
        warnings = List.copyOf(warnings);
    }
}
