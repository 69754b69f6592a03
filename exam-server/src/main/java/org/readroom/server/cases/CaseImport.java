package org.readroom.server.cases;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports a folder or zip of DICOM files into the case library: each file is de-identified and converted to
 * uncompressed Explicit VR Little Endian in a private workspace under the data folder, grouped into studies and
 * series, given a thumbnail per series; only when every file has been looked at are the blobs moved into the asset
 * store and all rows written in one SQLite transaction. A failure anywhere leaves the database as it was (blobs
 * already moved are content-addressed and referenced by nothing, so harmless). Files that are not images or cannot
 * be decoded are skipped, each with a reason. Runs on a worker thread of its own: safe to call from the event loop.
 *
 * <p>Source paths and zip entry names often name patients: the server log refers to files by their position in the
 * import ("file 17 of 165") only. The workspace (which holds a zip's unpacked, still identified originals) is deleted
 * when the import ends however it ends, by a shutdown hook when the process is stopped meanwhile, and by {@link
 * #sweepLeftovers} at the next server start when the process died.
 */
public final class CaseImport {

    /** Workspaces of running imports, directly in the data folder. */
    public static final String WORKSPACE_PREFIX = ".case-import-";

    /** Uploaded zips of the admin API wait as {@code upload-*.zip} in the data folder while they are imported. */
    public static final String UPLOAD_PREFIX = "upload-";

    public static final String UPLOAD_SUFFIX = ".zip";

    private static final Logger LOG = LoggerFactory.getLogger(CaseImport.class);

    /** Held by a running import in its workspace, so a sweep never deletes the workspace of a live import. */
    private static final String LOCK_FILE = ".lock";

    private final Vertx vertx;
    private final Database database;
    private final AssetStore assets;
    private final Path workRoot;
    private final Clock clock;
    private final CaseSource.Limits limits;

    /**
     * @param workRoot where import workspaces are made: the data folder, so blobs move into the asset store without
     *     a copy
     */
    public CaseImport(Vertx vertx, Database database, AssetStore assets, Path workRoot, Clock clock) {
        this(vertx, database, assets, workRoot, clock, CaseSource.Limits.DEFAULT);
    }

    /** With other zip limits than {@link CaseSource.Limits#DEFAULT}: tests, through the server's configuration. */
    public CaseImport(
            Vertx vertx, Database database, AssetStore assets, Path workRoot, Clock clock, CaseSource.Limits limits) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.database = Objects.requireNonNull(database, "database");
        this.assets = Objects.requireNonNull(assets, "assets");
        this.workRoot = Objects.requireNonNull(workRoot, "workRoot");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** The limits this import holds zips to, the uploaded zip's own size included. */
    CaseSource.Limits limits() {
        return limits;
    }

    /**
     * Deletes what interrupted imports left in {@code dataFolder}: workspaces ({@value #WORKSPACE_PREFIX}*) no running
     * import holds, and uploaded zips ({@value #UPLOAD_PREFIX}*{@value #UPLOAD_SUFFIX}). Both may hold identified
     * originals. Blocking; the server calls it at start, before any import can run. Returns how many were removed;
     * the log says how many, never which.
     */
    public static int sweepLeftovers(Path dataFolder) throws IOException {
        if (!Files.isDirectory(dataFolder)) {
            return 0;
        }
        List<Path> leftovers;
        try (Stream<Path> children = Files.list(dataFolder)) {
            leftovers = children.filter(CaseImport::isLeftover).toList();
        }
        int workspaces = 0;
        int uploads = 0;
        int failed = 0;
        for (Path leftover : leftovers) {
            boolean workspace = Files.isDirectory(leftover, LinkOption.NOFOLLOW_LINKS);
            if (workspace && inUse(leftover)) {
                continue;
            }
            try {
                deleteTree(leftover);
                if (workspace) {
                    workspaces++;
                } else {
                    uploads++;
                }
            } catch (IOException e) {
                failed++;
            }
        }
        if (workspaces + uploads > 0) {
            LOG.info(
                    "Removed what interrupted case imports left in the data folder: {} workspace(s), {} uploaded"
                            + " zip(s)",
                    workspaces,
                    uploads);
        }
        if (failed > 0) {
            LOG.warn("Could not remove {} leftover(s) of interrupted case imports from the data folder", failed);
        }
        return workspaces + uploads;
    }

    private static boolean isLeftover(Path child) {
        String name = child.getFileName().toString();
        if (name.startsWith(WORKSPACE_PREFIX)) {
            return Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS);
        }
        return name.startsWith(UPLOAD_PREFIX)
                && name.endsWith(UPLOAD_SUFFIX)
                && Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS);
    }

    /** True when a running import (in this process or another) holds the workspace's lock. */
    private static boolean inUse(Path workspace) {
        Path lock = workspace.resolve(LOCK_FILE);
        if (!Files.exists(lock)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
            FileLock held = channel.tryLock();
            if (held == null) {
                return true;
            }
            held.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
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
        private FileChannel lockChannel;
        private Thread cleanupOnExit;

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
            openWorkspace();
            List<SourceFile> files = CaseSource.open(source, workspace, limits);
            Path converted = Files.createDirectories(workspace.resolve("converted"));
            CaseFileConverter converter = CaseFileConverter.pixelMed(DeidSession.random(), policy);
            Map<String, String> firstFileOfInstance = new HashMap<>();
            List<StoredImage> images = new ArrayList<>();
            List<ImportReport.ImportedFile> imported = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                SourceFile file = files.get(i);
                Path target = converted.resolve(i + ".dcm");
                Conversion result = converter.convert(file.path(), target);
                // The log knows files by position only: their names may be patients' names.
                String position = "file " + (i + 1) + " of " + files.size();
                if (result instanceof Conversion.Skipped skip) {
                    LOG.debug("Case import: {} skipped: {}", position, skip.reason());
                    skip(file.name(), skip.reason());
                } else {
                    var image = ((Conversion.Converted) result).image();
                    String earlier = firstFileOfInstance.putIfAbsent(image.sopInstanceUid(), file.name());
                    if (earlier != null) {
                        Files.delete(target);
                        LOG.debug("Case import: {} skipped: the same SOP Instance UID as an earlier file", position);
                        skip(file.name(), "duplicate of " + earlier + " (the same SOP Instance UID)");
                    } else {
                        String sha = keep(target);
                        images.add(new StoredImage(image, sha));
                        imported.add(new ImportReport.ImportedFile(file.name(), sha, image.seriesUid()));
                        for (String warning : image.warnings()) {
                            LOG.debug("Case import: {} imported with a warning: {}", position, warning);
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
            LOG.info(
                    "Case import: {} files looked at, {} images in {} series of {} studies prepared, {} skipped, {}"
                            + " with warnings",
                    report.files(),
                    report.images(),
                    report.series(),
                    report.studies(),
                    report.skipped().size(),
                    report.warnings().size());
            return new Prepared(report, studies, thumbnails, sizes);
        }

        /** Makes the workspace, takes its lock and arranges for it to go even if the process is stopped. */
        private void openWorkspace() throws CaseImportException {
            try {
                Files.createDirectories(workRoot);
                workspace = Files.createTempDirectory(workRoot, WORKSPACE_PREFIX);
                lockChannel = FileChannel.open(
                        workspace.resolve(LOCK_FILE), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                lockChannel.lock();
            } catch (IOException e) {
                throw new CaseImportException("cannot write in " + workRoot + ": " + e.getMessage(), e);
            }
            Thread hook = new Thread(this::deleteWorkspace, "case-import-cleanup");
            try {
                Runtime.getRuntime().addShutdownHook(hook);
                cleanupOnExit = hook;
            } catch (IllegalStateException e) {
                // The process is already stopping; the workspace goes in deleteWorkspace or at the next start.
            }
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

        /** Deletes the workspace (and with it a zip's unpacked originals); never throws, so it can run in any end. */
        synchronized void deleteWorkspace() {
            Path folder = workspace;
            if (folder == null) {
                return;
            }
            workspace = null;
            try {
                if (lockChannel != null) {
                    lockChannel.close(); // releases the lock
                }
                deleteTree(folder);
            } catch (IOException | RuntimeException e) {
                LOG.warn(
                        "Could not delete a case import workspace; it is removed at the next server start ({})",
                        e.getClass().getSimpleName());
            }
            Thread hook = cleanupOnExit;
            cleanupOnExit = null;
            if (hook != null && Thread.currentThread() != hook) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // The process is stopping and the hook is running or ran: nothing left to undo.
                }
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
