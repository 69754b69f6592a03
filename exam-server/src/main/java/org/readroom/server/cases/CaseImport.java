package org.readroom.server.cases;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.readroom.core.dicom.DecodeResult;
import org.readroom.core.dicom.DicomDecoder;
import org.readroom.core.dicom.deid.CaseFileConverter;
import org.readroom.core.dicom.deid.Conversion;
import org.readroom.core.dicom.deid.DeidSession;
import org.readroom.core.dicom.deid.ImportPolicy;
import org.readroom.server.cases.CaseSource.SourceFile;
import org.readroom.server.cases.ImportReport.FileNote;
import org.readroom.server.cases.SeriesGrouping.PlannedSeries;
import org.readroom.server.cases.SeriesGrouping.PlannedStudy;
import org.readroom.server.cases.SeriesGrouping.StoredImage;
import org.readroom.server.store.AssetStore;
import org.readroom.server.store.Database;

/**
 * Imports a folder or zip of DICOM files into the case library: each file is de-identified and converted to
 * uncompressed Explicit VR Little Endian in a private workspace under the data folder, grouped into studies and
 * series, given a thumbnail per series; only when every file has been looked at are the blobs moved into the asset
 * store and all rows written in one SQLite transaction. A failure anywhere leaves the database as it was (blobs
 * already moved are content-addressed and referenced by nothing, so harmless). Files that are not images or cannot
 * be decoded are skipped, each with a reason. Runs on a worker thread of its own: safe to call from the event loop.
 */
public final class CaseImport {

    private final Vertx vertx;
    private final Database database;
    private final AssetStore assets;
    private final Path workRoot;
    private final Clock clock;

    /**
     * @param workRoot where import workspaces are made: the data folder, so blobs move into the asset store without
     *     a copy
     */
    public CaseImport(Vertx vertx, Database database, AssetStore assets, Path workRoot, Clock clock) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.database = Objects.requireNonNull(database, "database");
        this.assets = Objects.requireNonNull(assets, "assets");
        this.workRoot = Objects.requireNonNull(workRoot, "workRoot");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Imports {@code source} (a folder or a .zip). Fails with a {@link CaseImportException} when the import cannot
     * run at all; otherwise the report says what was stored and what was skipped (nothing stored when no file was an
     * importable image: then {@link ImportReport#storedAnything()} is false).
     */
    public Future<ImportReport> run(Path source, ImportPolicy policy, ProgressListener listener) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(listener, "listener");
        WorkerExecutor worker = vertx.createSharedWorkerExecutor("case-import", 1, 12, TimeUnit.HOURS);
        Run run = new Run(source, policy, listener, System.nanoTime());
        return worker.executeBlocking(run::prepare)
                .compose(this::store)
                .eventually(() -> worker.executeBlocking(() -> {
                    run.deleteWorkspace();
                    return null;
                }))
                .eventually(() -> {
                    worker.close();
                    return Future.succeededFuture();
                });
    }

    private Future<ImportReport> store(Prepared prepared) {
        if (!prepared.report().storedAnything()) {
            return Future.succeededFuture(prepared.report());
        }
        return database.write(connection -> {
            CaseStore.insert(
                    connection,
                    prepared.report().importId(),
                    clock.millis(),
                    prepared.report(),
                    prepared.studies(),
                    prepared.thumbnails(),
                    prepared.sizes());
            return prepared.report();
        });
    }

    private record Prepared(
            ImportReport report, List<PlannedStudy> studies, Map<String, String> thumbnails, Map<String, Long> sizes) {}

    /** The state of one import, confined to its worker thread. */
    private final class Run {
        private final Path source;
        private final ImportPolicy policy;
        private final ProgressListener listener;
        private final long startedNanos;
        private final List<FileNote> skipped = new ArrayList<>();
        private final List<FileNote> warnings = new ArrayList<>();
        private final Map<String, Path> blobs = new LinkedHashMap<>();
        private volatile Path workspace;

        Run(Path source, ImportPolicy policy, ProgressListener listener, long startedNanos) {
            this.source = source;
            this.policy = policy;
            this.listener = listener;
            this.startedNanos = startedNanos;
        }

        Prepared prepare() throws CaseImportException, IOException {
            if (!Files.exists(source)) {
                throw new CaseImportException(source + ": no such file or folder");
            }
            try {
                Files.createDirectories(workRoot);
                workspace = Files.createTempDirectory(workRoot, ".case-import-");
            } catch (IOException e) {
                throw new CaseImportException("cannot write in " + workRoot + ": " + e.getMessage(), e);
            }
            List<SourceFile> files = CaseSource.open(source, workspace);
            Path converted = Files.createDirectories(workspace.resolve("converted"));
            CaseFileConverter converter = CaseFileConverter.pixelMed(DeidSession.random(), policy);
            Map<String, String> firstFileOfInstance = new HashMap<>();
            List<StoredImage> images = new ArrayList<>();
            List<ImportReport.ImportedFile> imported = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                SourceFile file = files.get(i);
                Path target = converted.resolve(i + ".dcm");
                Conversion result = converter.convert(file.path(), target);
                if (result instanceof Conversion.Skipped skip) {
                    skip(file.name(), skip.reason());
                } else {
                    var image = ((Conversion.Converted) result).image();
                    String earlier = firstFileOfInstance.putIfAbsent(image.sopInstanceUid(), file.name());
                    if (earlier != null) {
                        Files.delete(target);
                        skip(file.name(), "duplicate of " + earlier + " (the same SOP Instance UID)");
                    } else {
                        String sha = keep(target);
                        images.add(new StoredImage(image, sha));
                        imported.add(new ImportReport.ImportedFile(file.name(), sha, image.seriesUid()));
                        for (String warning : image.warnings()) {
                            warnings.add(new FileNote(file.name(), warning));
                            listener.warning(file.name(), warning);
                        }
                    }
                }
                listener.progress(i + 1, files.size());
            }
            List<PlannedStudy> studies = SeriesGrouping.group(images);
            Map<String, String> thumbnails = images.isEmpty() ? Map.of() : thumbnails(studies);
            Map<String, Long> sizes = images.isEmpty() ? Map.of() : moveIntoAssetStore();
            int seriesCount = studies.stream().mapToInt(s -> s.series().size()).sum();
            ImportReport report = new ImportReport(
                    images.isEmpty() ? "" : UUID.randomUUID().toString(),
                    files.size(),
                    studies.size(),
                    seriesCount,
                    images.size(),
                    imported,
                    skipped,
                    warnings,
                    Duration.ofNanos(System.nanoTime() - startedNanos));
            return new Prepared(report, studies, thumbnails, sizes);
        }

        private void skip(String file, String reason) {
            skipped.add(new FileNote(file, reason));
            listener.skipped(file, reason);
        }

        /** Renames a finished file to its content address inside the workspace and remembers it. */
        private String keep(Path file) throws IOException {
            String sha = sha256(file);
            Path named = file.resolveSibling(sha);
            Files.move(file, named, StandardCopyOption.REPLACE_EXISTING);
            blobs.put(sha, named);
            return sha;
        }

        private Map<String, String> thumbnails(List<PlannedStudy> studies) throws IOException {
            DicomDecoder decoder = DicomDecoder.pixelMed();
            Path folder = Files.createDirectories(workspace.resolve("thumbnails"));
            Map<String, String> thumbnails = new HashMap<>();
            for (PlannedStudy study : studies) {
                for (PlannedSeries series : study.series()) {
                    StoredImage middle = series.middle();
                    DecodeResult decoded = decoder.decode(blobs.get(middle.sha256()));
                    if (!(decoded instanceof DecodeResult.Decoded image)) {
                        // The converter checked every written file already; this would be a bug, not bad input.
                        throw new IOException("a converted image did not decode for its thumbnail: "
                                + ((DecodeResult.Failed) decoded).reason());
                    }
                    Path png = folder.resolve(series.seriesUid() + ".png");
                    Files.write(png, Thumbnails.png(image.image()));
                    thumbnails.put(series.seriesUid(), keep(png));
                }
            }
            return thumbnails;
        }

        /** Moves every blob to its place in the asset store (same file system: a rename) and returns the sizes. */
        private Map<String, Long> moveIntoAssetStore() throws IOException {
            Map<String, Long> sizes = new LinkedHashMap<>();
            for (Map.Entry<String, Path> blob : blobs.entrySet()) {
                Path target = assets.path(blob.getKey());
                sizes.put(blob.getKey(), Files.size(blob.getValue()));
                if (Files.exists(target)) {
                    continue; // the same content is already stored
                }
                Files.createDirectories(target.getParent());
                try {
                    Files.move(blob.getValue(), target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    assets.put(Files.readAllBytes(blob.getValue()));
                } catch (FileAlreadyExistsException e) {
                    // stored meanwhile by someone else: the same bytes, by definition of the name
                }
            }
            return sizes;
        }

        void deleteWorkspace() throws IOException {
            Path folder = workspace;
            if (folder == null) {
                return;
            }
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
