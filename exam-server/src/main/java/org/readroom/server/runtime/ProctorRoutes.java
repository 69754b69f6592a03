package org.readroom.server.runtime;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import org.readroom.core.errors.ApiException;
import org.readroom.core.errors.ErrorCode;
import org.readroom.core.protocol.ApiPaths;
import org.readroom.core.protocol.Messages.ActionDone;
import org.readroom.core.protocol.Messages.ExtraTime;
import org.readroom.core.protocol.Messages.InterruptionView;
import org.readroom.core.protocol.Messages.IrregularityReport;
import org.readroom.core.protocol.Messages.ProctorMessage;
import org.readroom.core.protocol.Messages.ResumeCode;
import org.readroom.core.protocol.Messages.ResumeCodeRequest;
import org.readroom.core.protocol.Messages.ScreenLock;
import org.readroom.core.protocol.Messages.VoidRequest;
import org.readroom.core.session.ResumeCodes;
import org.readroom.server.audit.AuditLog;
import org.readroom.server.auth.Principal;
import org.readroom.server.auth.Role;
import org.readroom.server.auth.Tokens;
import org.readroom.server.exam.CandidateRecord;
import org.readroom.server.exam.HandIn;
import org.readroom.server.http.Http;
import org.readroom.server.store.Database;

/**
 * The proctor's actions during an exam (role proctor or admin), each audited with who did it: on one candidate
 * (admit, pause, resume, extra time, message, lock screen, move to a spare kiosk, force submit, void with reason) and
 * on the room (pause, resume, extra time, message, end), irregularity reports, decisions on suggested time credits,
 * and resume codes for a kiosk that restarted while it could not reach the server.
 */
public final class ProctorRoutes {

    private static final Set<String> CATEGORIES = Set.of("ENVIRONMENT", "CANDIDATE", "STAFF", "TECHNICAL");
    private static final int MAX_TEXT = 2000;

    private final Database database;
    private final CandidateControl control;
    private final HandIn handIn;
    private final LiveSeats seats;
    private final Interruptions interruptions;
    private final IrregularityLog irregularities;
    private final Tokens tokens;
    private final AuditLog audit;
    private final Clock clock;
    private final ResumeKey resumeKey;

    public ProctorRoutes(
            Database database,
            CandidateControl control,
            HandIn handIn,
            LiveSeats seats,
            Interruptions interruptions,
            Tokens tokens,
            AuditLog audit,
            Clock clock,
            ResumeKey resumeKey) {
        this.database = database;
        this.control = control;
        this.handIn = handIn;
        this.seats = seats;
        this.interruptions = interruptions;
        this.irregularities = new IrregularityLog(database);
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
        this.resumeKey = resumeKey;
    }

    public void mount(Router router) {
        Handler<RoutingContext> proctor = Http.requireRole(tokens, Role.PROCTOR, Role.ADMIN);
        String session = ApiPaths.PROCTOR_SESSIONS + "/:session";
        String candidate = session + "/candidates/:number/";
        router.post(candidate + "admit").handler(proctor).handler(this::admit);
        router.post(candidate + "pause").handler(proctor).handler(this::pause);
        router.post(candidate + "resume").handler(proctor).handler(this::resume);
        router.post(candidate + "extra-time").handler(proctor).handler(this::extraTime);
        router.post(candidate + "message").handler(proctor).handler(this::message);
        router.post(candidate + "lock").handler(proctor).handler(this::lock);
        router.post(candidate + "move").handler(proctor).handler(this::move);
        router.post(candidate + "submit").handler(proctor).handler(this::forceSubmit);
        router.post(candidate + "void").handler(proctor).handler(this::voidCandidate);
        router.post(candidate + "resume-code").handler(proctor).handler(this::resumeCode);
        router.post(session + "/pause").handler(proctor).handler(this::pauseRoom);
        router.post(session + "/resume").handler(proctor).handler(this::resumeRoom);
        router.post(session + "/extra-time").handler(proctor).handler(this::extraTimeRoom);
        router.post(session + "/message").handler(proctor).handler(this::messageRoom);
        router.post(session + "/end").handler(proctor).handler(this::end);
        router.post(session + "/irregularities").handler(proctor).handler(this::irregularity);
        router.get(session + "/interruptions").handler(proctor).handler(this::interruptions);
        router.post(session + "/interruptions/:interruption/accept")
                .handler(proctor)
                .handler(ctx -> decide(ctx, true));
        router.post(session + "/interruptions/:interruption/decline")
                .handler(proctor)
                .handler(ctx -> decide(ctx, false));
    }

    private void admit(RoutingContext ctx) {
        candidateAction(ctx, "admit", "", control.admit(sessionId(ctx), number(ctx), clock.millis()));
    }

    private void pause(RoutingContext ctx) {
        candidateAction(ctx, "pause", "", control.pause(sessionId(ctx), number(ctx), clock.millis()));
    }

    private void resume(RoutingContext ctx) {
        candidateAction(ctx, "resume", "", control.resume(sessionId(ctx), number(ctx), clock.millis()));
    }

    private void extraTime(RoutingContext ctx) {
        ExtraTime extra = extraTimeOf(ctx);
        candidateAction(
                ctx,
                "extra time",
                extra.minutes() + " min: " + reasonOf(extra),
                control.extend(sessionId(ctx), number(ctx), extra.minutes() * 60_000L, clock.millis()));
    }

    private void message(RoutingContext ctx) {
        String text = textOf(Http.body(ctx, ProctorMessage.class).text(), "text");
        Future<CandidateRecord> found =
                control.find(sessionId(ctx), number(ctx)).onSuccess(c -> seats.message(c.id(), c.sessionId(), text));
        candidateAction(ctx, "message", text, found);
    }

    private void lock(RoutingContext ctx) {
        boolean locked = Http.body(ctx, ScreenLock.class).locked();
        Future<CandidateRecord> found =
                control.find(sessionId(ctx), number(ctx)).onSuccess(c -> seats.lock(c.id(), c.sessionId(), locked));
        candidateAction(ctx, locked ? "lock screen" : "unlock screen", "", found);
    }

    private void move(RoutingContext ctx) {
        Future<CandidateRecord> moved = control.move(sessionId(ctx), number(ctx), clock.millis())
                .onSuccess(c -> seats.forgetConnection(c.id()));
        candidateAction(ctx, "move to spare kiosk", "clock stands still until the candidate resumes", moved);
    }

    private void forceSubmit(RoutingContext ctx) {
        Principal who = Http.principal(ctx);
        long now = clock.millis();
        Future<CandidateRecord> done = control.find(sessionId(ctx), number(ctx))
                .compose(c -> handIn.handIn(c, now, "proctor", null, actor(who)).map(sheet -> c));
        Http.reply(ctx, done.map(c -> new ActionDone("submit", c.candidateNumber(), now)));
    }

    private void voidCandidate(RoutingContext ctx) {
        String reason = textOf(Http.body(ctx, VoidRequest.class).reason(), "reason");
        candidateAction(
                ctx, "void", reason, control.voidCandidate(sessionId(ctx), number(ctx), reason, clock.millis()));
    }

    /**
     * The response to the challenge on a kiosk that restarted while it could not reach the server, for the candidate's
     * current sitting only (a candidate moved to a spare kiosk has a new secret). The challenge is audited; the response
     * is not written anywhere.
     */
    private void resumeCode(RoutingContext ctx) {
        String challenge;
        try {
            challenge = ResumeCodes.normalise(
                    Http.body(ctx, ResumeCodeRequest.class).challenge());
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "challenge: " + e.getMessage());
        }
        Principal who = Http.principal(ctx);
        Future<ResumeCode> result = control.find(sessionId(ctx), number(ctx)).compose(c -> {
            if (!c.status().isInSitting()) {
                return Future.failedFuture(new ApiException(
                        ErrorCode.NOT_ALLOWED_NOW,
                        "candidate " + c.candidateNumber() + " is " + c.status() + "; only a sitting can be resumed"));
            }
            String shown = ResumeCodes.display(challenge);
            return audit.append(
                            actor(who),
                            "resume code",
                            "session " + c.sessionId() + " candidate " + c.candidateNumber() + " challenge " + shown)
                    .map(v -> new ResumeCode(
                            c.candidateNumber(), shown, ResumeCodes.display(resumeKey.responseFor(c, challenge))));
        });
        Http.reply(ctx, result);
    }

    private void pauseRoom(RoutingContext ctx) {
        roomAction(ctx, "pause room", control.pauseRoom(sessionId(ctx), clock.millis()));
    }

    private void resumeRoom(RoutingContext ctx) {
        roomAction(ctx, "resume room", control.resumeRoom(sessionId(ctx), clock.millis()));
    }

    private void extraTimeRoom(RoutingContext ctx) {
        ExtraTime extra = extraTimeOf(ctx);
        roomAction(
                ctx,
                "extra time room " + extra.minutes() + " min: " + reasonOf(extra),
                control.extendRoom(sessionId(ctx), extra.minutes() * 60_000L, clock.millis()));
    }

    private void messageRoom(RoutingContext ctx) {
        String text = textOf(Http.body(ctx, ProctorMessage.class).text(), "text");
        long sessionId = sessionId(ctx);
        seats.messageRoom(sessionId, text);
        roomAction(ctx, "message room: " + text, Future.succeededFuture(0));
    }

    /** Ends the session: everyone still sitting is handed in by the proctor, then the session is ENDED. */
    private void end(RoutingContext ctx) {
        Principal who = Http.principal(ctx);
        long sessionId = sessionId(ctx);
        long now = clock.millis();
        Future<Integer> ended = control.sittingCandidates(sessionId).compose(sitting -> {
            Future<Integer> chain = Future.succeededFuture(0);
            for (CandidateRecord c : sitting) {
                chain = chain.compose(
                        n -> handIn.handIn(c, now, "proctor", null, actor(who)).map(sheet -> n + 1));
            }
            return chain.compose(n -> control.endSession(sessionId).map(v -> n));
        });
        roomAction(ctx, "end session", ended);
    }

    private void irregularity(RoutingContext ctx) {
        Principal who = Http.principal(ctx);
        IrregularityReport report = Http.body(ctx, IrregularityReport.class);
        String category =
                report.category() == null ? "" : report.category().strip().toUpperCase(Locale.ROOT);
        if (!CATEGORIES.contains(category)) {
            throw new ApiException(
                    ErrorCode.BAD_REQUEST, "category must be one of " + CATEGORIES + ", was " + report.category());
        }
        String description = textOf(report.description(), "description");
        long sessionId = sessionId(ctx);
        long now = clock.millis();
        Future<ActionDone> result = irregularities
                .report(sessionId, report.candidateNumber(), category, description, who.name(), now)
                .compose(v -> audit.append(
                        actor(who),
                        "irregularity",
                        "session " + sessionId + " " + category
                                + (report.candidateNumber() == null ? "" : " candidate " + report.candidateNumber())
                                + ": " + description))
                .map(v -> new ActionDone("irregularity", category, now));
        Http.reply(ctx, result);
    }

    private void interruptions(RoutingContext ctx) {
        Http.reply(ctx, interruptions.list(sessionId(ctx)));
    }

    /** Accepting applies the suggested credit as extra time; both decisions are audited. */
    private void decide(RoutingContext ctx, boolean accept) {
        Principal who = Http.principal(ctx);
        long sessionId = sessionId(ctx);
        long id = longParam(ctx, "interruption");
        long now = clock.millis();
        Future<InterruptionView> result = interruptions
                .decide(sessionId, id, accept, who.name(), now)
                .compose(view -> (accept && view.creditMillis() > 0
                                ? control.extend(sessionId, view.candidateNumber(), view.creditMillis(), now)
                                        .mapEmpty()
                                : Future.<Void>succeededFuture())
                        .compose(v -> audit.append(
                                actor(who),
                                accept ? "accept time credit" : "decline time credit",
                                "candidate " + view.candidateNumber() + " " + view.creditMillis() + " ms"))
                        .map(v -> {
                            seats.changed(sessionId);
                            return view;
                        }));
        Http.reply(ctx, result);
    }

    private void candidateAction(RoutingContext ctx, String action, String detail, Future<CandidateRecord> done) {
        Principal who = Http.principal(ctx);
        long now = clock.millis();
        Http.reply(ctx, done.compose(c -> {
            seats.changed(c.sessionId());
            return audit.append(
                            actor(who),
                            action,
                            "session " + c.sessionId() + " candidate " + c.candidateNumber()
                                    + (detail.isEmpty() ? "" : " " + detail))
                    .map(v -> new ActionDone(action, c.candidateNumber(), now));
        }));
    }

    private void roomAction(RoutingContext ctx, String action, Future<Integer> done) {
        Principal who = Http.principal(ctx);
        long sessionId = sessionId(ctx);
        long now = clock.millis();
        Http.reply(ctx, done.compose(count -> {
            seats.changed(sessionId);
            return audit.append(actor(who), action, "session " + sessionId + ", " + count + " candidates")
                    .map(v -> new ActionDone(action, "session " + sessionId, now));
        }));
    }

    private static ExtraTime extraTimeOf(RoutingContext ctx) {
        ExtraTime extra = Http.body(ctx, ExtraTime.class);
        if (extra.minutes() < 1 || extra.minutes() > 240) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "minutes must be 1 to 240, was " + extra.minutes());
        }
        return extra;
    }

    private static String reasonOf(ExtraTime extra) {
        return extra.reason() == null || extra.reason().isBlank()
                ? "(no reason given)"
                : extra.reason().strip();
    }

    private static String textOf(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new ApiException(ErrorCode.BAD_REQUEST, field + " is required");
        }
        if (text.length() > MAX_TEXT) {
            throw new ApiException(ErrorCode.BAD_REQUEST, field + " is longer than " + MAX_TEXT + " characters");
        }
        return text.strip();
    }

    private static String actor(Principal who) {
        return "staff:" + who.name();
    }

    private static String number(RoutingContext ctx) {
        return ctx.pathParam("number");
    }

    private static long sessionId(RoutingContext ctx) {
        return longParam(ctx, "session");
    }

    private static long longParam(RoutingContext ctx, String name) {
        try {
            return Long.parseLong(ctx.pathParam(name));
        } catch (NumberFormatException e) {
            throw new ApiException(ErrorCode.BAD_REQUEST, name + " is not a number: " + ctx.pathParam(name));
        }
    }
}
