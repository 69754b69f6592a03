package org.readroom.server.exam;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.readroom.core.assets.ContentHash;
import org.readroom.core.bank.ChoiceOption;
import org.readroom.core.bank.Item;
import org.readroom.core.errors.ApiException;
import org.readroom.core.errors.ErrorCode;
import org.readroom.core.journal.AnswerChain;
import org.readroom.core.paper.navigation.Moves;
import org.readroom.core.protocol.ApiPaths;
import org.readroom.core.protocol.DeliveryMessages.PackageInfo;
import org.readroom.core.protocol.Messages.AnswerAck;
import org.readroom.core.protocol.Messages.AnswerSave;
import org.readroom.core.protocol.Messages.ExamClock;
import org.readroom.core.protocol.Messages.Heartbeat;
import org.readroom.core.protocol.Messages.HeartbeatReply;
import org.readroom.core.protocol.Messages.LoginRequest;
import org.readroom.core.protocol.Messages.LoginResponse;
import org.readroom.core.protocol.Messages.Sitting;
import org.readroom.core.protocol.Messages.SubmitRequest;
import org.readroom.core.protocol.Messages.SubmitResponse;
import org.readroom.core.session.CandidateStatus;
import org.readroom.server.audit.AuditLog;
import org.readroom.server.auth.Passwords;
import org.readroom.server.auth.Principal;
import org.readroom.server.auth.Role;
import org.readroom.server.auth.Tokens;
import org.readroom.server.bank.BankStore;
import org.readroom.server.delivery.KioskRegistry;
import org.readroom.server.http.Http;
import org.readroom.server.runtime.Interruptions;
import org.readroom.server.runtime.LiveSeats;
import org.readroom.server.runtime.ResumeKey;
import org.readroom.server.scoring.SubmitService;
import org.readroom.server.store.AssetStore;

/**
 * The candidate's side of protocol v1: login, start, sitting (seed and saved answers), answers, submit. The paper and
 * its images reach the kiosk only inside the package (see the delivery routes); candidates cannot fetch assets.
 */
public final class KioskRoutes {

    private final Vertx vertx;
    private final ExamStore exams;
    private final KioskRegistry packages;
    private final BankStore bank;
    private final AssetStore assets;
    private final HandIn handIn;
    private final Tokens tokens;
    private final AuditLog audit;
    private final Clock clock;
    private final AnswerWriter answers;
    private final LiveSeats seats;
    private final Interruptions interruptions;
    private final ResumeKey resumeKey;

    public KioskRoutes(
            Vertx vertx,
            ExamStore exams,
            AnswerWriter answers,
            LiveSeats seats,
            Interruptions interruptions,
            KioskRegistry packages,
            BankStore bank,
            AssetStore assets,
            HandIn handIn,
            Tokens tokens,
            AuditLog audit,
            Clock clock,
            ResumeKey resumeKey) {
        this.vertx = vertx;
        this.exams = exams;
        this.answers = answers;
        this.seats = seats;
        this.interruptions = interruptions;
        this.packages = packages;
        this.bank = bank;
        this.assets = assets;
        this.handIn = handIn;
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
        this.resumeKey = resumeKey;
    }

    public void mount(Router router) {
        Handler<RoutingContext> candidate = Http.requireRole(tokens, Role.CANDIDATE);
        router.post(ApiPaths.KIOSK_LOGIN).handler(this::login);
        router.post(ApiPaths.KIOSK_START).handler(candidate).handler(this::start);
        router.get(ApiPaths.KIOSK_SITTING).handler(candidate).handler(this::sitting);
        router.get(ApiPaths.KIOSK_CLOCK).handler(candidate).handler(this::clock);
        router.post(ApiPaths.KIOSK_ANSWERS).handler(candidate).handler(this::answer);
        router.post(ApiPaths.KIOSK_SUBMIT).handler(candidate).handler(this::submit);
        router.post(ApiPaths.KIOSK_HEARTBEAT).handler(candidate).handler(this::heartbeat);
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
        Future<LoginResponse> result = exams.findOpen(number)
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
                                tokens.issue(new Principal(Role.CANDIDATE, c.id(), c.candidateNumber(), c.epoch())),
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
        long now = clock.millis();
        Future<ExamClock> result = current(who)
                .compose(c -> bank.paper(c.paperId()))
                .compose(paper -> exams.start(who.id(), now, paper.durationMinutes()))
                .compose(c -> {
                    seats.changed(c.sessionId());
                    return audit.append("candidate:" + c.candidateNumber(), "start", "deadline " + c.deadline())
                            .map(v -> clockOf(c, now));
                });
        Http.reply(ctx, result);
    }

    private void clock(RoutingContext ctx) {
        Principal who = Http.principal(ctx);
        Http.reply(ctx, current(who).map(c -> clockOf(c, clock.millis())));
    }

    /** The candidate's clock as of {@code now}, from the server's record. */
    static ExamClock clockOf(CandidateRecord candidate, long now) {
        return candidate
                .time()
                .map(time -> new ExamClock(
                        candidate.status(),
                        now,
                        time.deadline(now),
                        candidate.status().isInSitting() ? time.remaining(now) : 0,
                        time.isPaused()))
                .orElse(new ExamClock(candidate.status(), now, 0, 0, false));
    }

    private void heartbeat(RoutingContext ctx) {
        Principal who = Http.principal(ctx);
        Heartbeat beat = Http.body(ctx, Heartbeat.class);
        long now = clock.millis();
        Future<HeartbeatReply> result = current(who).compose(c -> {
            seats.beat(
                            c.id(),
                            c.sessionId(),
                            now,
                            beat.focusLost(),
                            beat.alerts(),
                            c.status() == CandidateStatus.SITTING)
                    .ifPresent(gap -> interruptions.suggest(c, gap));
            // Section clocks are a bonus: if they cannot be read, the clock, pause and lock still get through.
            return bank.paper(c.paperId())
                    .compose(paper -> exams.sectionClocks(c, paper, now))
                    .recover(failure -> Future.succeededFuture(List.of()))
                    .map(sections -> new HeartbeatReply(
                            clockOf(c, now),
                            seats.takeMessages(c.id(), c.sessionId()),
                            seats.live(c.id(), now).locked(),
                            seats.heartbeatMillis(),
                            sections));
        });
        Http.reply(ctx, result);
    }

    private void sitting(RoutingContext ctx) {
        long now = clock.millis();
        Future<Sitting> result = sitting(Http.principal(ctx), false).compose(c -> packages.latestPackage(c.paperId())
                .compose(pkg -> exams.sittingRecord(c).compose(held -> bank.paper(c.paperId())
                        .compose(paper -> exams.sectionClocks(c, paper, now))
                        .map(sections -> new Sitting(
                                c.paperId(),
                                pkg.map(PackageInfo::packageId).orElse(null),
                                c.seed(),
                                held.answers(),
                                held.lastSequence(),
                                held.chainHead(),
                                resumeKey.secretFor(c),
                                sections)))));
        Http.reply(ctx, result);
    }

    private void answer(RoutingContext ctx) {
        Principal who = Http.principal(ctx);
        AnswerSave save = Http.body(ctx, AnswerSave.class);
        if (save.sequence() < 1 || blank(save.itemId()) || !AnswerChain.isHash(save.hash())) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "sequence must be >= 1, itemId given and hash 64 hex digits");
        }
        long now = clock.millis();
        Future<AnswerAck> result = sitting(who, true)
                .compose(c -> {
                    if (c.time()
                            .map(t -> t.isClosed(now, SubmitService.GRACE_MILLIS))
                            .orElse(false)) {
                        return Future.failedFuture(new ApiException(
                                ErrorCode.TIME_IS_OVER, "candidate " + c.candidateNumber() + " is past the deadline"));
                    }
                    return bank.paper(c.paperId()).compose(paper -> {
                        boolean move = Moves.isMove(save.itemId());
                        String question = Moves.questionOf(save.itemId());
                        Item item = paper.questions().stream()
                                .filter(i -> i.id().equals(question))
                                .findFirst()
                                .orElse(null);
                        if (item == null) {
                            return Future.failedFuture(new ApiException(ErrorCode.UNKNOWN_ITEM, save.itemId()));
                        }
                        if (move
                                && !(blank(save.text())
                                        && (save.choices() == null
                                                || save.choices().isEmpty()))) {
                            return Future.failedFuture(new ApiException(
                                    ErrorCode.BAD_REQUEST, "move event " + save.itemId() + " carries an answer"));
                        }
                        Set<String> options =
                                item.options().stream().map(ChoiceOption::id).collect(Collectors.toSet());
                        if (save.choices() != null && !options.containsAll(save.choices())) {
                            return Future.failedFuture(new ApiException(
                                    ErrorCode.BAD_REQUEST,
                                    "choices " + save.choices() + " are not options of " + save.itemId()));
                        }
                        return answers.save(c, save, now, paper).onSuccess(v -> seats.changed(c.sessionId()));
                    });
                })
                .map(notCounted -> new AnswerAck(save.sequence(), now, notCounted));
        Http.reply(ctx, result);
    }

    private void submit(RoutingContext ctx) {
        Principal who = Http.principal(ctx);
        SubmitRequest request = Http.body(ctx, SubmitRequest.class);
        if (!AnswerChain.isHash(request.chainHead())) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "chainHead must be 64 hex digits");
        }
        long now = clock.millis();
        Future<SubmitResponse> result = sitting(who, false)
                .compose(c -> handIn.handIn(c, now, "candidate", request, "candidate:" + c.candidateNumber()))
                .map(sheet -> new SubmitResponse(
                        now,
                        (int) sheet.rows().stream()
                                .filter(r -> !r.answer().isBlank())
                                .count(),
                        sheet.rows().size()));
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

    /**
     * The candidate behind a token, refusing a token from a kiosk they were moved away from (answers still in flight
     * from that kiosk are accepted until the candidate resumes on the spare one, when {@code inFlight}).
     */
    private Future<CandidateRecord> current(Principal who) {
        return exams.candidate(who.id()).compose(c -> {
            if (who.epoch() != c.epoch()) {
                return Future.failedFuture(
                        new ApiException(ErrorCode.CANDIDATE_MOVED, "candidate " + c.candidateNumber()));
            }
            return Future.succeededFuture(c);
        });
    }

    /** The candidate, if their sitting is under way; otherwise the error that says why not. */
    private Future<CandidateRecord> sitting(Principal who, boolean inFlight) {
        return exams.candidate(who.id()).compose(c -> {
            boolean movedAway = who.epoch() != c.epoch();
            if (movedAway && !(inFlight && c.status() == CandidateStatus.MOVED && who.epoch() == c.epoch() - 1)) {
                return Future.failedFuture(
                        new ApiException(ErrorCode.CANDIDATE_MOVED, "candidate " + c.candidateNumber()));
            }
            return switch (c.status()) {
                case SITTING, PAUSED, MOVED -> Future.succeededFuture(c);
                case SUBMITTED -> Future.failedFuture(
                        new ApiException(ErrorCode.ALREADY_SUBMITTED, "candidate " + c.candidateNumber()));
                case VOIDED -> Future.failedFuture(
                        new ApiException(ErrorCode.CANDIDATE_VOIDED, "candidate " + c.candidateNumber()));
                default -> Future.failedFuture(
                        new ApiException(ErrorCode.NOT_STARTED, "candidate " + c.candidateNumber()));
            };
        });
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
