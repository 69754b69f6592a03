package org.readroom.server.cases;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.streams.WriteStream;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.readroom.core.dicom.deid.ImportPolicy;
import org.readroom.core.errors.ApiException;
import org.readroom.core.errors.ErrorCode;
import org.readroom.core.protocol.ApiPaths;
import org.readroom.core.protocol.Wire;
import org.readroom.server.audit.AuditLog;
import org.readroom.server.auth.Principal;
import org.readroom.server.auth.Role;
import org.readroom.server.auth.Tokens;
import org.readroom.server.http.Http;
import org.readroom.server.store.AssetStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API of the imaging case library: import a zip of DICOM files (de-identified and converted as `readroom
 * cases import` does), list studies and series with the ids bank files use, and fetch a series' thumbnail. An
 * uploaded zip larger than {@link CaseSource.Limits#maxUploadBytes} is refused with 413: at once when its
 * Content-Length says so, else as soon as that many bytes have arrived, and its partial file is deleted.
 */
public final class CaseRoutes {

    public static final String CASES = ApiPaths.BASE + "/admin/cases";
    public static final String IMPORT = CASES + "/import";
    public static final String THUMBNAIL = CASES + "/series/:id/thumbnail";

    /** A study with its series, as the list answers it. */
    public record StudyView(
            long id, String patientPseudonym, String studyDate, String modalities, List<SeriesView> series) {}

    /** A series: {@code id} is what bank files write in "images" ("CS-12"). */
    public record SeriesView(
            String id, String modality, String bodyPart, int seriesNumber, int images, int columns, int rows) {}

    /** What an import stored and skipped. */
    public record ImportAnswer(
            int files,
            int studies,
            int series,
            int images,
            List<SeriesView> stored,
            List<ImportReport.FileNote> skipped,
            List<ImportReport.FileNote> warnings) {}

    private static final Logger LOG = LoggerFactory.getLogger(CaseRoutes.class);

    private final Vertx vertx;
    private final CaseStore store;
    private final CaseImport imports;
    private final AssetStore assets;
    private final Path workRoot;
    private final Tokens tokens;
    private final AuditLog audit;

    public CaseRoutes(
            Vertx vertx,
            CaseStore store,
            CaseImport imports,
            AssetStore assets,
            Path workRoot,
            Tokens tokens,
            AuditLog audit) {
        this.vertx = vertx;
        this.store = store;
        this.imports = imports;
        this.assets = assets;
        this.workRoot = workRoot;
        this.tokens = tokens;
        this.audit = audit;
    }

    /** Mount before the router's shared body handler: an import streams its zip to disk instead. */
    public void mount(Router router) {
        router.post(IMPORT).handler(Http.requireRole(tokens, Role.ADMIN)).handler(this::importZip);
        router.get(CASES).handler(Http.requireRole(tokens, Role.ADMIN)).handler(this::list);
        router.get(THUMBNAIL).handler(Http.requireRole(tokens, Role.ADMIN)).handler(this::thumbnail);
    }

    private void importZip(RoutingContext ctx) {
        Principal who = Http.principal(ctx);
        String type = ctx.request().getHeader("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/zip")) {
            ctx.request().resume();
            Http.fail(ctx, new ApiException(ErrorCode.BAD_REQUEST, "send the DICOM files as one application/zip"));
            return;
        }
        long cap = imports.limits().maxUploadBytes();
        long declared = declaredLength(ctx.request());
        if (declared > cap) {
            // Refused before anything is written; the body is read and dropped so the client gets the answer.
            ctx.request().resume();
            Http.fail(ctx, uploadTooLarge(cap, "Content-Length " + declared + " bytes"));
            return;
        }
        ImportPolicy policy = new ImportPolicy("true".equals(ctx.request().getParam("allowBurnedIn")));
        ctx.request().pause();
        // The upload holds identified originals: it goes however the import ends (a server that dies meanwhile
        // sweeps it at its next start, see CaseImport.sweepLeftovers).
        Future<ImportAnswer> answer = vertx.executeBlocking(
                        () -> Files.createTempFile(workRoot, CaseImport.UPLOAD_PREFIX, CaseImport.UPLOAD_SUFFIX))
                .compose(zip -> vertx.fileSystem()
                        .open(zip.toString(), new OpenOptions().setWrite(true).setTruncateExisting(true))
                        .compose(file -> ctx.request().pipeTo(new CappedUpload(file, cap)))
                        .compose(v -> imports.run(zip, policy, ProgressListener.silent()))
                        .eventually(() -> deleteUpload(zip)))
                .compose(report -> (report.storedAnything()
                                ? store.seriesOfImport(report.importId())
                                : Future.succeededFuture(List.<CaseStore.CaseSeries>of()))
                        .map(series -> new ImportAnswer(
                                report.files(),
                                report.studies(),
                                report.series(),
                                report.images(),
                                series.stream().map(CaseRoutes::view).toList(),
                                report.skipped(),
                                report.warnings())))
                .recover(failure -> Future.failedFuture(
                        failure instanceof CaseImportException refused ? refusal(refused) : failure))
                .compose(a -> audit.append(
                                "staff:" + who.name(),
                                "cases import",
                                a.images() + " images in " + a.series() + " series, "
                                        + a.skipped().size() + " files skipped")
                        .map(v -> a));
        // Nothing importable is a 422 that still lists why each file was skipped.
        answer.onSuccess(a -> ctx.response()
                        .setStatusCode(a.images() == 0 ? 422 : 200)
                        .putHeader("Content-Type", "application/json; charset=utf-8")
                        .end(Buffer.buffer(Wire.encode(a))))
                .onFailure(failure -> Http.fail(ctx, failure));
    }

    /**
     * The API's answer to an import that could not run. The detail goes only to the debug log: an unsafe zip's
     * message quotes an entry name, which may name a patient, so that one is left out.
     */
    private static ApiException refusal(CaseImportException refused) {
        String detail = refused.error() == ErrorCode.CASE_ZIP_UNSAFE
                ? "case import refused: a zip entry points outside the archive"
                : refused.getMessage();
        return new ApiException(refused.error(), detail);
    }

    /** The Content-Length the request declares, or -1 when it has none (chunked) or an unreadable one. */
    private static long declaredLength(HttpServerRequest request) {
        String header = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The refusal of an upload larger than {@code cap}; {@code what} says how it showed (never a file name). */
    private static ApiException uploadTooLarge(long cap, String what) {
        LOG.info("Refused a case upload larger than {}", CaseSource.megabytes(cap));
        return new ApiException(
                ErrorCode.CASE_ZIP_TOO_LARGE,
                "case upload refused: " + what + " is more than " + CaseSource.megabytes(cap)
                        + ", the limit for one uploaded zip");
    }

    /**
     * The upload's file behind a byte count: a write that would take the file past {@code cap} fails instead, and
     * so does every later one, which makes the request's pipe stop, drop the rest of the body and close the file.
     * Counts what actually arrives, whatever Content-Length said.
     */
    private static final class CappedUpload implements WriteStream<Buffer> {
        private final WriteStream<Buffer> file;
        private final long cap;
        private long written;
        private ApiException refused;

        CappedUpload(WriteStream<Buffer> file, long cap) {
            this.file = file;
            this.cap = cap;
        }

        @Override
        public Future<Void> write(Buffer data) {
            if (refused == null && data.length() > cap - written) {
                refused = uploadTooLarge(cap, "the body");
            }
            if (refused != null) {
                return Future.failedFuture(refused);
            }
            written += data.length();
            return file.write(data);
        }

        @Override
        public Future<Void> end() {
            return file.end();
        }

        @Override
        public CappedUpload exceptionHandler(Handler<Throwable> handler) {
            file.exceptionHandler(handler);
            return this;
        }

        @Override
        public CappedUpload setWriteQueueMaxSize(int maxSize) {
            file.setWriteQueueMaxSize(maxSize);
            return this;
        }

        /** Once refused, the pipe may already have closed the file (it does so as soon as a write fails). */
        @Override
        public boolean writeQueueFull() {
            return refused == null && file.writeQueueFull();
        }

        @Override
        public CappedUpload drainHandler(Handler<Void> handler) {
            if (refused == null) {
                file.drainHandler(handler);
            }
            return this;
        }
    }

    private Future<Void> deleteUpload(Path zip) {
        return vertx.fileSystem().delete(zip.toString()).recover(failure -> {
            LOG.warn("Could not delete an uploaded case zip; it is removed at the next server start");
            return Future.succeededFuture();
        });
    }

    private void list(RoutingContext ctx) {
        Http.reply(ctx, store.studies().compose(studies -> {
            List<Future<StudyView>> views = new ArrayList<>();
            for (CaseStore.CaseStudy study : studies) {
                views.add(store.series(study.id())
                        .map(series -> new StudyView(
                                study.id(),
                                study.patientPseudonym(),
                                study.studyDate(),
                                study.modalities(),
                                series.stream().map(CaseRoutes::view).toList())));
            }
            return Future.all(views).map(all -> all.<StudyView>list());
        }));
    }

    private void thumbnail(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        long seriesId;
        try {
            seriesId = Long.parseLong(id.startsWith("CS-") ? id.substring(3) : id);
        } catch (NumberFormatException e) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "series id: CS-<number>, was " + id);
        }
        store.thumbnail(seriesId)
                .compose(sha -> sha.isEmpty()
                        ? Future.failedFuture(new ApiException(ErrorCode.NOT_FOUND, "series " + id))
                        : vertx.fileSystem().readFile(assets.path(sha.get()).toString()))
                .onSuccess(png ->
                        ctx.response().putHeader("Content-Type", "image/png").end(png))
                .onFailure(failure -> Http.fail(ctx, failure));
    }

    static SeriesView view(CaseStore.CaseSeries series) {
        return new SeriesView(
                CaseStore.publicId(series.id()),
                series.modality(),
                series.bodyPart(),
                series.seriesNumber(),
                series.images(),
                series.columns(),
                series.rows());
    }
}
