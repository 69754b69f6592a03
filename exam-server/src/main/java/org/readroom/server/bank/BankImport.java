package org.readroom.server.bank;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.readroom.core.bank.Item;
import org.readroom.server.bank.io.BankFiles;
import org.readroom.server.bank.io.BankProblem;
import org.readroom.server.bank.io.BankReadResult;
import org.readroom.server.bank.io.SeriesResolver;
import org.readroom.server.store.Database;

/**
 * Imports bank files all or nothing: every file is read and checked first (syntax, fields, series, ids unique across
 * the files), then the stored bank (an id already there must hold the same item), and only when nothing at all is
 * wrong are the items written, in one transaction. A re-import of the same files changes nothing.
 */
public final class BankImport {

    /** Told how many items are written so far, every {@link ItemStore#PROGRESS_EVERY} and at the end. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> {};

        void written(int done, int total);
    }

    /** What an import (or a validation, which writes nothing) found. */
    public record Outcome(int files, int items, int imported, int unchanged, List<BankProblem> problems) {

        public Outcome {
            problems = List.copyOf(problems);
        }

        public boolean isClean() {
            return problems.isEmpty();
        }
    }

    private final Vertx vertx;
    private final ItemStore store;
    private final Clock clock;

    public BankImport(Vertx vertx, Database database, Clock clock) {
        this.vertx = vertx;
        this.store = new ItemStore(database);
        this.clock = clock;
    }

    /** Reads and checks the files without touching the database (a dry run of the file checks). */
    public Future<Outcome> validate(List<Path> files, SeriesResolver series) {
        return read(files, series)
                .map(batch -> new Outcome(files.size(), batch.items().size(), 0, 0, batch.problems()));
    }

    /** Imports the files, or with any problem imports nothing and reports every problem. */
    public Future<Outcome> run(List<Path> files, SeriesResolver series, Progress progress) {
        return read(files, series).compose(batch -> {
            List<Item> items = batch.items();
            if (!batch.isClean()) {
                return Future.succeededFuture(new Outcome(files.size(), items.size(), 0, 0, batch.problems()));
            }
            Map<String, String> fileOf = fileOfItems(batch);
            return store.add(
                            items,
                            item -> fileName(fileOf.get(item.id())),
                            clock.millis(),
                            done -> progress.written(done, items.size()))
                    .map(added -> new Outcome(
                            files.size(),
                            items.size(),
                            added.added(),
                            added.unchanged(),
                            problems(added.conflicts(), fileOf)));
        });
    }

    private Future<BankFiles.Batch> read(List<Path> files, SeriesResolver series) {
        // Parsing and checking a large bank is CPU work: keep it off the event loop, files in parallel with nothing.
        return vertx.executeBlocking(() -> BankFiles.readAll(files, series), false);
    }

    private static Map<String, String> fileOfItems(BankFiles.Batch batch) {
        Map<String, String> fileOf = new HashMap<>();
        for (BankReadResult result : batch.results()) {
            for (Item item : result.items()) {
                fileOf.put(item.id(), result.file());
            }
        }
        return fileOf;
    }

    private static List<BankProblem> problems(List<ItemStore.Conflict> conflicts, Map<String, String> fileOf) {
        List<BankProblem> problems = new ArrayList<>();
        for (ItemStore.Conflict conflict : conflicts) {
            problems.add(new BankProblem(fileOf.get(conflict.itemId()), "", "id", conflict.message()));
        }
        return problems;
    }

    private static String fileName(String file) {
        if (file == null) {
            return null;
        }
        Path name = Path.of(file).getFileName();
        return name == null ? file : name.toString();
    }
}
