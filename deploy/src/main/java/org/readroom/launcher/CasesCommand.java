package org.readroom.launcher;

import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.readroom.core.dicom.deid.ImportPolicy;
import org.readroom.server.cases.CaseImport;
import org.readroom.server.cases.CaseImportException;
import org.readroom.server.cases.CaseStore;
import org.readroom.server.cases.ImportReport;
import org.readroom.server.cases.ProgressListener;
import org.readroom.server.store.AssetStore;
import org.readroom.server.store.Database;

/**
 * {@code deploy/readroom cases import}: DICOM case folders or zips into the server's case library, de-identified and
 * converted (see docs/cases-import.md). One line per skipped file, progress on stderr, a summary at the end.
 */
final class CasesCommand {

    static final String USAGE =
            """
            Usage: deploy/readroom cases import DIR-or-ZIP [--data DIR] [--allow-burned-in]
              Imports every DICOM image below DIR (or in the .zip) into the case library: de-identified with the
              DICOM PS3.15 Basic Profile (names, IDs, birth date, institution and UIDs replaced, dates shifted),
              converted to uncompressed Explicit VR Little Endian, grouped into studies and series with a thumbnail
              each. Reports, plans, waveforms and files that do not decode are skipped with one line each; nothing is
              stored unless the whole import succeeds. See docs/cases-import.md.
              --data DIR          the exam server's data folder; default ./data
              --allow-burned-in   import images marked Burned In Annotation = YES with a warning (default: refused)""";

    private static final String PREFIX = "cases import: ";
    private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int PROGRESS_EVERY_FILES = 500;

    private CasesCommand() {}

    static int run(List<String> arguments, PrintStream out, PrintStream err) {
        Integer answered = Args.helpOrMissingAction(arguments, USAGE, out, err);
        if (answered != null) {
            return answered;
        }
        try {
            if (!arguments.get(0).equals("import")) {
                throw new Args.UsageException("unknown action \"" + arguments.get(0) + "\" (actions: import)");
            }
            Args args = Args.parseWithOperands(
                    arguments.subList(1, arguments.size()), Set.of("--data"), Set.of("--allow-burned-in"));
            if (args.operands().size() != 1) {
                throw new Args.UsageException("import needs exactly one DIR or ZIP, got "
                        + args.operands().size());
            }
            Path source = Path.of(args.operands().get(0));
            Path data = Path.of(args.value("--data", "data")).toAbsolutePath();
            return importCases(source, data, new ImportPolicy(args.has("--allow-burned-in")), out, err);
        } catch (Args.UsageException e) {
            err.println("readroom cases: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
    }

    private static int importCases(Path source, Path data, ImportPolicy policy, PrintStream out, PrintStream err) {
        quietToolkitLog();
        if (!Files.exists(source)) {
            err.println(PREFIX + source + ": no such file or folder");
            return 1;
        }
        if (!Files.isRegularFile(data.resolve("readroom.db"))) {
            err.println(PREFIX + data + " holds no ReadRoom database (give the exam server's --data folder)");
            return 1;
        }
        Vertx vertx = Vertx.vertx();
        try {
            Database database =
                    Database.open(vertx, data.resolve("readroom.db")).await();
            try {
                CaseImport cases = new CaseImport(
                        vertx, database, new AssetStore(data.resolve("assets")), data, Clock.systemUTC());
                ImportReport report =
                        cases.run(source, policy, new Lines(source, out, err)).await();
                int status = summary(source, report, out, err);
                if (status == 0) {
                    // The ids bank files use to attach these series to items ("images": ["CS-3"]).
                    for (CaseStore.CaseSeries series : new CaseStore(database)
                            .seriesOfImport(report.importId())
                            .await()) {
                        out.println("  " + CaseStore.publicId(series.id()) + "  " + series.modality() + " "
                                + series.bodyPart() + "  " + series.images() + " images  " + series.columns() + "x"
                                + series.rows());
                    }
                }
                return status;
            } finally {
                database.close();
            }
        } catch (Exception e) {
            // await() rethrows the import's own failure as it is, or wrapped once when the JDK wrapped it.
            Throwable failure = e instanceof CaseImportException || e.getCause() == null ? e : e.getCause();
            if (failure instanceof CaseImportException) {
                err.println(PREFIX + failure.getMessage());
            } else {
                err.println(PREFIX + "import failed, nothing was stored: " + Failures.describe(e));
            }
            return 1;
        } finally {
            vertx.close().await();
        }
    }

    private static int summary(Path source, ImportReport report, PrintStream out, PrintStream err) {
        String seconds = String.format(Locale.ROOT, "%.1f", report.took().toMillis() / 1000.0);
        if (!report.storedAnything()) {
            err.println(PREFIX + source + ": no importable images (" + report.files() + " files, "
                    + report.skipped().size() + " skipped); nothing was stored");
            return 1;
        }
        out.println("Imported " + report.images() + " images in " + report.series() + " series of " + report.studies()
                + " studies from " + report.files() + " files ("
                + report.skipped().size() + " skipped, "
                + report.warnings().size() + " with warnings) in " + seconds + " s");
        return 0;
    }

    /** Prints one line per skipped or warned file and a progress line at most once a second (and at the end). */
    private static final class Lines implements ProgressListener {
        private final String where;
        private final boolean zip;
        private final PrintStream out;
        private final PrintStream err;
        private long lastProgress = System.nanoTime();

        Lines(Path source, PrintStream out, PrintStream err) {
            this.where = source.toString();
            this.zip = Files.isRegularFile(source);
            this.out = out;
            this.err = err;
        }

        private String path(String file) {
            return zip ? where + "!/" + file : Path.of(where).resolve(file).toString();
        }

        @Override
        public void progress(int done, int total) {
            long now = System.nanoTime();
            if (done == total || done % PROGRESS_EVERY_FILES == 0 || now - lastProgress >= PROGRESS_EVERY_NANOS) {
                lastProgress = now;
                err.println(PREFIX + done + "/" + total + " files");
            }
        }

        @Override
        public void skipped(String file, String reason) {
            out.println(PREFIX + path(file) + ": skipped: " + reason);
        }

        @Override
        public void warning(String file, String message) {
            out.println(PREFIX + path(file) + ": warning: " + message);
        }
    }

    /**
     * PixelMed and the decoder log stack traces for the problems that the skip lines already explain, and the import
     * logs a summary the last line already gives; on a terminal those lines would bury the answer. Set before the
     * loggers are created.
     */
    private static void quietToolkitLog() {
        for (String logger : List.of("com.pixelmed", "org.readroom.core.dicom", "org.readroom.server.cases")) {
            String key = "org.slf4j.simpleLogger.log." + logger;
            if (System.getProperty(key) == null) {
                System.setProperty(key, "off");
            }
        }
    }
}
