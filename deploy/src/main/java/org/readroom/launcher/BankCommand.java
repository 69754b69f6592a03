package org.readroom.launcher;

import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.readroom.core.bank.SeriesRef;
import org.readroom.server.audit.AuditLog;
import org.readroom.server.bank.BankImport;
import org.readroom.server.bank.BankStore;
import org.readroom.server.bank.io.BankFiles;
import org.readroom.server.bank.io.SeriesResolver;
import org.readroom.server.bank.qti.QtiBankWriter;
import org.readroom.server.bank.qti.QtiExport;
import org.readroom.server.bank.qti.QtiImages;
import org.readroom.server.cases.CaseStore;
import org.readroom.server.store.AssetStore;
import org.readroom.server.store.Database;

/**
 * {@code deploy/readroom bank}: validate bank files (a dry run that stores nothing) or import them into a data folder,
 * all or nothing. Problems are printed one per line as {@code FILE:LINE:FIELD: MESSAGE}, all of them.
 */
final class BankCommand {

    static final String USAGE =
            """
            Usage: deploy/readroom bank validate FILE... [--data DIR]
                   deploy/readroom bank import FILE... [--data DIR]
                   deploy/readroom bank export --qti OUT.zip [--data DIR]
              FILE       a JSON bank (.json, docs/bank-format.md), an Excel workbook (.xlsx, docs/bank-excel.md) or
                         QTI 3.0 (.xml item or .zip content package, docs/bank-qti.md)
              validate   check bank files without storing anything (docs/bank-format.md): prints every problem as
                         FILE:LINE:FIELD: MESSAGE, then "N files, M items, K problems"; exit 1 when there is any
              import     the same checks, plus against the items already in the bank, then stores every item in one
                         transaction; with any problem nothing is stored (exit 1). An item already stored unchanged
                         is skipped, so importing the same files again changes nothing. Progress goes to stderr.
              --data DIR the exam server's data folder; default ./data (import creates it when it does not exist).
                         validate looks images named by series id up only when --data is given; without it they are
                         not checked (nor hotspot frame numbers on them). Series ids are the CS-N that
                         `cases import` prints
              export     writes every item in the bank as a QTI 3.0 content package (docs/bank-qti.md)""";

    private static final String PREFIX = "readroom bank: ";

    private BankCommand() {}

    static int run(List<String> arguments, PrintStream out, PrintStream err) {
        Integer answered = Args.helpOrMissingAction(arguments, USAGE, out, err);
        if (answered != null) {
            return answered;
        }
        try {
            String action = arguments.get(0);
            if (action.equals("export")) {
                Args args = Args.parse(arguments.subList(1, arguments.size()), Set.of("--qti", "--data"), Set.of());
                String target = args.value("--qti", null);
                if (target == null) {
                    throw new Args.UsageException("export needs --qti OUT.zip");
                }
                return export(Path.of(target), Path.of(args.value("--data", "data")), out, err);
            }
            if (!action.equals("validate") && !action.equals("import")) {
                throw new Args.UsageException("unknown action \"" + action + "\" (actions: validate, import, export)");
            }
            Args args = Args.parseWithOperands(arguments.subList(1, arguments.size()), Set.of("--data"), Set.of());
            if (args.operands().isEmpty()) {
                throw new Args.UsageException(action + " needs at least one bank FILE");
            }
            List<Path> files = args.operands().stream().map(Path::of).toList();
            String data = args.value("--data", null);
            return action.equals("validate")
                    ? validate(files, data == null ? null : Path.of(data), out, err)
                    : importFiles(files, Path.of(data == null ? "data" : data), out, err, Clock.systemUTC());
        } catch (Args.UsageException e) {
            err.println(PREFIX + e.getMessage());
            err.println(USAGE);
            return 2;
        }
    }

    private static int validate(List<Path> files, Path data, PrintStream out, PrintStream err) {
        UncheckedSeries unchecked = new UncheckedSeries();
        SeriesResolver series;
        try {
            series = data == null ? unchecked : seriesIn(data);
        } catch (Exception e) {
            err.println(PREFIX + "cannot read the case library in " + data + ": " + Failures.describe(e));
            return 1;
        }
        BankFiles.Batch batch = BankFiles.readAll(files, series);
        batch.problems().forEach(out::println);
        out.println(summary(files.size(), batch.items().size(), batch.problems().size()));
        if (!unchecked.named.isEmpty()) {
            err.println(PREFIX + "images named by series id were not checked (" + unchecked.named.size()
                    + " series); give --data DIR to check them against the case library");
        }
        return batch.isClean() ? 0 : 1;
    }

    static int importFiles(List<Path> files, Path data, PrintStream out, PrintStream err, Clock clock) {
        Path database = data.resolve("readroom.db");
        boolean fresh = !Files.exists(database);
        Vertx vertx = Vertx.vertx();
        try {
            Files.createDirectories(data);
            Database opened = Database.open(vertx, database).await();
            try {
                if (fresh) {
                    err.println(PREFIX + "created a new ReadRoom database in " + data.toAbsolutePath());
                }
                BankImport.Outcome outcome = new BankImport(vertx, opened, clock)
                        .run(
                                files,
                                new CaseStore(opened).resolver().await(),
                                (done, total) -> err.println("bank import: " + done + "/" + total + " items"))
                        .await();
                String detail = String.join(
                                ", ", files.stream().map(Path::toString).toList()) + ": "
                        + (outcome.isClean()
                                ? "imported " + outcome.imported() + " items (" + outcome.unchanged() + " unchanged)"
                                : "refused, " + outcome.problems().size() + " problems, nothing stored");
                new AuditLog(opened, clock)
                        .append("offline:" + System.getProperty("user.name"), "bank import", detail)
                        .await();
                if (!outcome.isClean()) {
                    outcome.problems().forEach(out::println);
                    out.println(summary(
                            files.size(), outcome.items(), outcome.problems().size()));
                    err.println(PREFIX + "nothing imported");
                    return 1;
                }
                out.println("imported " + outcome.imported() + " items (" + outcome.unchanged() + " unchanged) from "
                        + files.size() + (files.size() == 1 ? " file" : " files"));
                return 0;
            } finally {
                opened.close();
            }
        } catch (Exception e) {
            err.println(PREFIX + "cannot import into " + data + ": " + Failures.describe(e));
            return 1;
        } finally {
            vertx.close().await();
        }
    }

    private static String summary(int files, int items, int problems) {
        return files
                + (files == 1 ? " file, " : " files, ")
                + items
                + (items == 1 ? " item, " : " items, ")
                + problems
                + (problems == 1 ? " problem" : " problems");
    }

    /** Series by the id `cases import` printed (CS-N), from the data folder's case library. */
    private static SeriesResolver seriesIn(Path data) {
        Path database = data.resolve("readroom.db");
        if (!Files.exists(database)) {
            return SeriesResolver.NONE;
        }
        Vertx vertx = Vertx.vertx();
        try {
            Database opened = Database.open(vertx, database).await();
            try {
                return new CaseStore(opened).resolver().await();
            } finally {
                opened.close();
            }
        } finally {
            vertx.close().await();
        }
    }

    private static int export(Path target, Path data, PrintStream out, PrintStream err) {
        Path database = data.resolve("readroom.db");
        if (!Files.exists(database)) {
            err.println(PREFIX + data + " holds no ReadRoom database (give the exam server's --data folder)");
            return 1;
        }
        Vertx vertx = Vertx.vertx();
        try {
            Database opened = Database.open(vertx, database).await();
            try {
                List<org.readroom.core.bank.Item> items =
                        new BankStore(opened).allItems().await();
                QtiExport export = QtiBankWriter.write(
                        items, QtiImages.caseLibrary(new AssetStore(data.resolve("assets"))), target);
                export.warnings().forEach(w -> err.println(PREFIX + "export: " + w));
                out.println("exported " + export.itemsWritten() + " of " + items.size() + " items to " + target + " ("
                        + export.qtiItemFiles() + " QTI item files)");
                return 0;
            } finally {
                opened.close();
            }
        } catch (Exception e) {
            err.println(PREFIX + "cannot export to " + target + ": " + Failures.describe(e));
            return 1;
        } finally {
            vertx.close().await();
        }
    }

    /** For a validation without a data folder: any series id passes, with slices enough for hotspot frames 0-2047. */
    private static final class UncheckedSeries implements SeriesResolver {

        private static final List<String> SLICES = Collections.nCopies(2048, "0".repeat(64));

        final Set<String> named = ConcurrentHashMap.newKeySet();

        @Override
        public Optional<SeriesRef> find(String seriesId) {
            named.add(seriesId);
            try {
                return Optional.of(new SeriesRef(seriesId, "not checked", SLICES, null, null));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }
}
