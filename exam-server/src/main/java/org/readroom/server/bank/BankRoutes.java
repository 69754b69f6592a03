package org.readroom.server.bank;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.readroom.core.bank.Difficulty;
import org.readroom.core.bank.ItemType;
import org.readroom.core.bank.Topic;
import org.readroom.core.errors.ApiException;
import org.readroom.core.errors.ErrorCode;
import org.readroom.core.protocol.ApiPaths;
import org.readroom.core.protocol.Wire;
import org.readroom.server.audit.AuditLog;
import org.readroom.server.auth.Principal;
import org.readroom.server.auth.Role;
import org.readroom.server.auth.Tokens;
import org.readroom.server.bank.io.BankProblem;
import org.readroom.server.bank.io.SeriesResolver;
import org.readroom.server.http.Http;
import org.readroom.server.store.Database;

/**
 * The admin's item bank API ({@code docs/admin-api.md}, "Bank"): validate or import a bank file sent as the request
 * body (nothing is stored when anything is wrong: 422 with every problem), list the bank, read one item. Admins only;
 * imports and item reads are audited.
 */
public final class BankRoutes {

    public static final String VALIDATE = ApiPaths.BASE + "/admin/bank/validate";
    public static final String IMPORT = ApiPaths.BASE + "/admin/bank/import";
    public static final String ITEMS = ApiPaths.BASE + "/admin/bank/items";

    /** Bank files are larger than any other request; this route reads up to this much. */
    static final long MAX_BANK_BYTES = 64L * 1024 * 1024;

    static final int DEFAULT_LIMIT = 200;
    static final int MAX_LIMIT = 1000;

    /** The bank file kinds the API takes, by media type, as the file extension the readers go by. */
    private static final Map<String, String> EXTENSIONS = Map.of(
            "application/json", ".json",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx",
            "application/xml", ".xml",
            "text/xml", ".xml",
            "application/zip", ".zip");

    /** The answer to validate and import: counts, and every problem (with problems, also the error envelope). */
    public record BankAnswer(
            String code,
            String key,
            String message,
            int items,
            int imported,
            int unchanged,
            List<BankProblem> problems) {}

    /** A page of the bank list. */
    public record ItemPage(List<ItemStore.Summary> items, int limit, int offset) {}

    private final Vertx vertx;
    private final BankImport imports;
    private final ItemStore store;
    private final Supplier<Future<SeriesResolver>> series;
    private final Tokens tokens;
    private final AuditLog audit;

    public BankRoutes(
            Vertx vertx,
            Database database,
            Supplier<Future<SeriesResolver>> series,
            Tokens tokens,
            AuditLog audit,
            Clock clock) {
        this.vertx = vertx;
        this.imports = new BankImport(vertx, database, clock);
        this.store = new ItemStore(database);
        this.series = series;
        this.tokens = tokens;
        this.audit = audit;
    }

    /** Mount before the router's shared body handler: these routes read larger bodies with their own. */
    public void mount(Router router) {
        BodyHandler bankBody = BodyHandler.create(false).setBodyLimit(MAX_BANK_BYTES);
        // The role is checked on a route of its own before the body is read: vertx-web wants a body handler first on
        // its route, and a stranger should not get to upload 64 MiB.
        router.post(VALIDATE).handler(Http.requireRole(tokens, Role.ADMIN));
        router.post(VALIDATE).handler(bankBody).handler(this::validate);
        router.post(IMPORT).handler(Http.requireRole(tokens, Role.ADMIN));
        router.post(IMPORT).handler(bankBody).handler(this::importBank);
        router.get(ITEMS).handler(Http.requireRole(tokens, Role.ADMIN)).handler(this::list);
        router.get(ITEMS + "/:id").handler(Http.requireRole(tokens, Role.ADMIN)).handler(this::item);
    }

    private void validate(RoutingContext ctx) {
        Upload upload = upload(ctx);
        Future<BankImport.Outcome> outcome = withFile(upload, file -> series.get()
                .compose(resolver -> imports.validate(List.of(file), resolver))
                .map(o -> named(o, file, upload)));
        outcome.onSuccess(o -> answer(ctx, o)).onFailure(failure -> Http.fail(ctx, failure));
    }

    private void importBank(RoutingContext ctx) {
        Principal who = Http.principal(ctx);
        Upload upload = upload(ctx);
        Future<BankImport.Outcome> outcome = withFile(upload, file -> series.get()
                        .compose(resolver -> imports.run(List.of(file), resolver, BankImport.Progress.NONE))
                        .map(o -> named(o, file, upload)))
                .compose(o -> audit.append(
                                "staff:" + who.name(),
                                "bank import",
                                upload.name() + ": "
                                        + (o.isClean()
                                                ? "imported " + o.imported() + " items (" + o.unchanged()
                                                        + " unchanged)"
                                                : "refused, " + o.problems().size() + " problems, nothing stored"))
                        .map(v -> o));
        outcome.onSuccess(o -> answer(ctx, o)).onFailure(failure -> Http.fail(ctx, failure));
    }

    private void list(RoutingContext ctx) {
        String type = param(ctx, "type");
        if (type != null) {
            ItemType parsed = ItemType.parse(type);
            if (parsed == null) {
                throw new ApiException(ErrorCode.BAD_REQUEST, "type: unknown \"" + type + "\"");
            }
            type = parsed.wireName();
        }
        String difficulty = param(ctx, "difficulty");
        if (difficulty != null) {
            Difficulty parsed = Difficulty.parse(difficulty);
            if (parsed == null) {
                throw new ApiException(ErrorCode.BAD_REQUEST, "difficulty: easy, medium or hard, was " + difficulty);
            }
            difficulty = parsed.wireName();
        }
        String topic = param(ctx, "topic");
        if (topic != null) {
            try {
                topic = Topic.parse(topic).path();
            } catch (IllegalArgumentException e) {
                throw new ApiException(ErrorCode.BAD_REQUEST, e.getMessage());
            }
        }
        int limit = number(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = number(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        Http.reply(
                ctx,
                store.list(new ItemStore.Filter(type, topic, difficulty, limit, offset))
                        .map(rows -> new ItemPage(rows, limit, offset)));
    }

    private void item(RoutingContext ctx) {
        Principal who = Http.principal(ctx);
        String id = ctx.pathParam("id");
        store.find(id)
                .compose(found -> found.isEmpty()
                        ? Future.failedFuture(new ApiException(ErrorCode.NOT_FOUND, "item " + id))
                        // The body holds the answer key: who read it is worth knowing.
                        : audit.append("staff:" + who.name(), "bank item read", "item " + id)
                                .map(v -> found.get()))
                .onSuccess(item -> ctx.response()
                        .putHeader("Content-Type", "application/json; charset=utf-8")
                        .end(ItemStore.canonical(item)))
                .onFailure(failure -> Http.fail(ctx, failure));
    }

    /** A bank file in a request: its bytes, the name problems give it, and its extension. */
    private record Upload(Buffer body, String name, String extension) {}

    private static Upload upload(RoutingContext ctx) {
        String contentType = ctx.request().getHeader("Content-Type");
        String mediaType =
                contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        String extension = EXTENSIONS.get(mediaType);
        if (extension == null) {
            throw new ApiException(
                    ErrorCode.BANK_FORMAT_UNSUPPORTED,
                    "Content-Type " + (mediaType.isEmpty() ? "missing" : mediaType)
                            + "; send application/json (JSON bank), the .xlsx type (Excel) or application/xml / application/zip (QTI)");
        }
        Buffer body = ctx.body().buffer();
        if (body == null || body.length() == 0) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "the bank file is empty");
        }
        String given = ctx.request().getParam("file");
        // The name problems and the bank's "source" show: a plain file name, with the extension the reader needs.
        String name = given == null || !given.matches("[\\p{L}\\p{N}_()-][\\p{L}\\p{N} ._()-]{0,99}")
                ? "upload" + extension
                : given.toLowerCase(Locale.ROOT).endsWith(extension) ? given : given + extension;
        return new Upload(body, name, extension);
    }

    private interface FileWork {
        Future<BankImport.Outcome> apply(Path file);
    }

    /** Puts the upload in a temporary file for the reader, runs the work, and removes the file afterwards. */
    private Future<BankImport.Outcome> withFile(Upload upload, FileWork work) {
        return vertx.executeBlocking(
                        () -> {
                            Path folder = Files.createTempDirectory("readroom-bank-");
                            Path file = folder.resolve(upload.name());
                            Files.write(file, upload.body().getBytes());
                            return file;
                        },
                        false)
                .compose(file -> work.apply(file)
                        .eventually(() -> vertx.executeBlocking(
                                () -> {
                                    deleteQuietly(file);
                                    deleteQuietly(file.getParent());
                                    return null;
                                },
                                false)));
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a temp file left behind is removed with the temp folder; nothing secret in it beyond the upload
        }
    }

    /** Problems name the file the admin sent, not the temporary copy. */
    private static BankImport.Outcome named(BankImport.Outcome outcome, Path file, Upload upload) {
        List<BankProblem> problems = outcome.problems().stream()
                .map(p -> p.file().equals(file.toString())
                        ? new BankProblem(upload.name(), p.where(), p.field(), p.message())
                        : p)
                .toList();
        return new BankImport.Outcome(
                outcome.files(), outcome.items(), outcome.imported(), outcome.unchanged(), problems);
    }

    private static void answer(RoutingContext ctx, BankImport.Outcome outcome) {
        if (ctx.response().ended()) {
            return;
        }
        BankAnswer body;
        if (outcome.isClean()) {
            body = new BankAnswer(
                    null, null, null, outcome.items(), outcome.imported(), outcome.unchanged(), List.of());
        } else {
            ErrorCode code = ErrorCode.BANK_INVALID;
            body = new BankAnswer(
                    code.code(),
                    code.messageKey(),
                    code.message(Locale.ENGLISH),
                    outcome.items(),
                    0,
                    0,
                    outcome.problems());
        }
        ctx.response()
                .setStatusCode(outcome.isClean() ? 200 : ErrorCode.BANK_INVALID.httpStatus())
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .end(Buffer.buffer(Wire.encode(body)));
    }

    private static String param(RoutingContext ctx, String name) {
        String value = ctx.request().getParam(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static int number(RoutingContext ctx, String name, int fallback, int min, int max) {
        String text = param(ctx, name);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ApiException(ErrorCode.BAD_REQUEST, name + ": " + min + " to " + max + ", was " + text);
        }
    }
}
