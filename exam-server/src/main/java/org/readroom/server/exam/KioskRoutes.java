package org.readroom.server.exam;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import org.readroom.core.assets.ContentHash;
import org.readroom.core.errors.ApiException;
import org.readroom.core.errors.ErrorCode;
import org.readroom.core.protocol.ApiPaths;
import org.readroom.core.protocol.DeliveryMessages.PackageInfo;
import org.readroom.core.protocol.Messages.AnswerAck;
import org.readroom.core.protocol.Messages.AnswerSave;
import org.readroom.core.protocol.Messages.ExamClock;
import org.readroom.core.protocol.Messages.LoginRequest;
import org.readroom.core.protocol.Messages.LoginResponse;
import org.readroom.core.protocol.Messages.Sitting;
import org.readroom.core.protocol.Messages.SubmitRequest;
import org.readroom.core.protocol.Messages.SubmitResponse;
import org.readroom.server.audit.AuditLog;
import org.readroom.server.auth.Passwords;
import org.readroom.server.auth.Principal;
import org.readroom.server.auth.Role;
import org.readroom.server.auth.Tokens;
import org.readroom.server.bank.BankStore;
import org.readroom.server.delivery.KioskRegistry;
import org.readroom.server.http.Http;
import org.readroom.server.report.ReportService;
import org.readroom.server.scoring.SubmitService;
import org.readroom.server.store.AssetStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The candidate's side of protocol v1: login, start, sitting (seed and saved answers), answers, submit. The paper and
 * its images reach the kiosk only inside the package (see the delivery routes); candidates cannot fetch assets.
 */
public final class KioskRoutes {

    /** Answers sent in flight at the deadline are still accepted for this long. */
    public static final long GRACE_MILLIS = 30_000;

    private static final Logger LOG = LoggerFactory.getLogger(KioskRoutes.class);

    private final Vertx vertx;
    private final ExamStore exams;
    private final KioskRegistry packages;
    private final BankStore bank;
    private final AssetStore assets;
    private final SubmitService submits;
    private final ReportService reports;
    private final Tokens tokens;
    private final AuditLog audit;
    private final Clock clock;

    public KioskRoutes(
            Vertx vertx,
            ExamStore exams,
            KioskRegistry packages,
            BankStore bank,
            AssetStore assets,
            SubmitService submits,
            ReportService reports,
            Tokens tokens,
            AuditLog audit,
            Clock clock) {
        this.vertx = vertx;
        this.exams = exams;
        this.packages = packages;
        this.bank = bank;
        this.assets = assets;
        this.submits = submits;
        this.reports = reports;
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
    }

    public void mount(Router router) {
        Handler<RoutingContext> candidate = Http.requireRole(tokens, Role.CANDIDATE);
        router.post(ApiPaths.KIOSK_LOGIN).handler(this::login);
        router.post(ApiPaths.KIOSK_START).handler(candidate).handler(this::start);
        router.get(ApiPaths.KIOSK_SITTING).handler(candidate).handler(this::sitting);
        router.get(ApiPaths.KIOSK_CLOCK).handler(candidate).handler(this::clock);
        router.post(ApiPaths.KIOSK_ANSWERS).handler(candidate).handler(this::answer);
        router.post(ApiPaths.KIOSK_SUBMIT).handler(candidate).handler(this::submit);
        router.get(ApiPaths.ASSETS + ":sha256")
                .handler(Http.requireRole(tokens, Role.ADMIN, Role.PROCTOR, Role.MARKER))
                .handler(this::asset);
    }

    private void login(RoutingContext ctx) {
        LoginRequest request = Http.body(ctx, LoginRequest.class);
        if (blank(request.candidateNumber()) || blank(request.admissionCode())) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "candidateNumber and admissionCode are required");
        }
        String number = request.candidateNumber().strip();
        Future<LoginResponse> result = exams.findRunning(number)
                .compose(found -> found.isEmpty()
                        ? Future.failedFuture(new ApiException(ErrorCode.LOGIN_FAILED, "no candidate " + number))
                        : vertx.executeBlocking(
                                        () -> Passwords.verify(
                                                request.admissionCode().strip(),
                                                found.get().admissionCodeHash()),
                                        false)
                                .compose(ok -> ok
                                        ? exams.loggedIn(found.get().id(), clock.millis())
                                        : Future.failedFuture(
                                                new ApiException(ErrorCode.LOGIN_FAILED, "wrong code for " + number))))
                .compose(c -> audit.append("candidate:" + c.candidateNumber(), "login", "session " + c.sessionId())
                        .compose(v -> packages.latestPackage(c.paperId()))
                        .map(pkg -> new LoginResponse(
                                tokens.issue(new Principal(Role.CANDIDATE, c.id(), c.candidateNumber())),
                                c.candidateNumber(),
                                c.name(),
                                c.sessionId(),
                                c.sessionTitle(),
                                c.status(),
                                clock.millis(),
                                c.paperId(),
                                pkg.map(PackageInfo::packageId).orElse(null))));
        Http.reply(ctx, result);
    }

    private void start(RoutingContext ctx) {
        Principal who = Http.principal(ctx);
        Future<ExamClock> result = exams.candidate(who.id())
                .compose(c -> bank.paper(c.paperId()))
                .compose(paper -> exams.start(who.id(), clock.millis(), paper.durationMinutes()))
                .compose(c -> audit.append("candidate:" + c.candidateNumber(), "start", "deadline " + c.deadline())
                        .map(v -> clockOf(c)));
        Http.reply(ctx, result);
    }

    private void clock(RoutingContext ctx) {
        Http.reply(ctx, exams.candidate(Http.principal(ctx).id()).map(this::clockOf));
    }

    private ExamClock clockOf(CandidateRecord candidate) {
        return new ExamClock(candidate.status(), clock.millis(), candidate.deadline());
    }

    private void sitting(RoutingContext ctx) {
        long id = Http.principal(ctx).id();
        Future<Sitting> result = sitting(id).compose(c -> packages.latestPackage(c.paperId())
                .compose(pkg -> exams.latestAnswers(id).compose(answers -> exams.lastSequence(id)
                        .map(last -> new Sitting(
                                c.paperId(), pkg.map(PackageInfo::packageId).orElse(null), c.seed(), answers, last)))));
        Http.reply(ctx, result);
    }

    private void answer(RoutingContext ctx) {
        long id = Http.principal(ctx).id();
        AnswerSave save = Http.body(ctx, AnswerSave.class);
        if (save.sequence() < 1 || blank(save.itemId())) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "sequence must be >= 1 and itemId given");
        }
        long now = clock.millis();
        Future<AnswerAck> result = sitting(id)
                .compose(c -> {
                    if (now > c.deadline() + GRACE_MILLIS) {
                        return Future.failedFuture(new ApiException(ErrorCode.TIME_IS_OVER, "candidate " + id));
                    }
                    return bank.paper(c.paperId());
                })
                .compose(paper -> {
                    if (paper.items().stream().noneMatch(i -> i.id().equals(save.itemId()))) {
                        return Future.failedFuture(new ApiException(ErrorCode.UNKNOWN_ITEM, save.itemId()));
                    }
                    return exams.saveAnswer(id, save, now);
                })
                .map(v -> new AnswerAck(save.sequence(), now));
        Http.reply(ctx, result);
    }

    private void submit(RoutingContext ctx) {
        long id = Http.principal(ctx).id();
        SubmitRequest request = Http.body(ctx, SubmitRequest.class);
        long now = clock.millis();
        Future<SubmitResponse> result = exams.candidate(id).compose(c -> bank.paper(c.paperId())
                .compose(paper -> submits.submit(id, paper, now))
                .compose(sheet -> audit.append(
                                "candidate:" + c.candidateNumber(), "submit", "last sequence " + request.lastSequence())
                        .compose(v -> reports.write(id, c.sessionId(), sheet)
                                .map(path -> sheet)
                                .recover(failure -> {
                                    // The submission is committed; a missing report must not undo it.
                                    LOG.error("result report for candidate {} failed", c.candidateNumber(), failure);
                                    return Future.succeededFuture(sheet);
                                })))
                .map(sheet -> new SubmitResponse(
                        now,
                        (int) sheet.rows().stream()
                                .filter(r -> !r.answer().isBlank())
                                .count(),
                        sheet.rows().size())));
        Http.reply(ctx, result);
    }

    private void asset(RoutingContext ctx) {
        String sha = ctx.pathParam("sha256");
        if (!ContentHash.isSha256(sha)) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "asset id is not a SHA-256 hex digest");
        }
        vertx.fileSystem()
                .exists(assets.path(sha).toString())
                .onSuccess(exists -> {
                    if (!exists) {
                        Http.fail(ctx, new ApiException(ErrorCode.NOT_FOUND, "asset " + sha));
                    } else {
                        ctx.response().putHeader("Content-Type", "application/dicom");
                        ctx.response().sendFile(assets.path(sha).toString());
                    }
                })
                .onFailure(failure -> Http.fail(ctx, failure));
    }

    /** The candidate, if they are answering now; otherwise the error that says why not. */
    private Future<CandidateRecord> sitting(long candidateId) {
        return exams.candidate(candidateId).compose(c -> switch (c.status()) {
            case ANSWERING -> Future.succeededFuture(c);
            case SUBMITTED -> Future.failedFuture(
                    new ApiException(ErrorCode.ALREADY_SUBMITTED, "candidate " + candidateId));
            default -> Future.failedFuture(new ApiException(ErrorCode.NOT_STARTED, "candidate " + candidateId));
        });
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
