package org.readroom.server.schedule;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.readroom.core.errors.ApiException;
import org.readroom.core.errors.ErrorCode;
import org.readroom.core.protocol.ApiPaths;
import org.readroom.core.protocol.Messages.CreatedSession;
import org.readroom.core.protocol.Messages.NewSession;
import org.readroom.server.audit.AuditLog;
import org.readroom.server.auth.Passwords;
import org.readroom.server.auth.Principal;
import org.readroom.server.auth.Role;
import org.readroom.server.auth.Tokens;
import org.readroom.server.http.Http;

/** The admin schedules a session: a paper, a room, and generated candidates sharing one admission code. */
public final class ScheduleRoutes {

    static final int MAX_CANDIDATES = 20_000;

    private final Vertx vertx;
    private final ScheduleStore store;
    private final Tokens tokens;
    private final AuditLog audit;

    public ScheduleRoutes(Vertx vertx, ScheduleStore store, Tokens tokens, AuditLog audit) {
        this.vertx = vertx;
        this.store = store;
        this.tokens = tokens;
        this.audit = audit;
    }

    public void mount(Router router) {
        router.post(ApiPaths.ADMIN_SESSIONS)
                .handler(Http.requireRole(tokens, Role.ADMIN))
                .handler(this::create);
    }

    private void create(RoutingContext ctx) {
        Principal who = Http.principal(ctx);
        NewSession request = Http.body(ctx, NewSession.class);
        require(request.paperId(), "paperId");
        require(request.titleZh(), "titleZh");
        require(request.titleEn(), "titleEn");
        require(request.room(), "room");
        require(request.numberPrefix(), "numberPrefix");
        if (!request.numberPrefix().matches("[A-Za-z0-9-]{1,12}")) {
            throw new ApiException(
                    ErrorCode.BAD_REQUEST,
                    "numberPrefix: 1 to 12 letters, digits or '-', was " + request.numberPrefix());
        }
        if (request.admissionCode() == null || request.admissionCode().strip().length() < 6) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "admissionCode: at least 6 characters");
        }
        if (request.candidates() < 1 || request.candidates() > MAX_CANDIDATES) {
            throw new ApiException(
                    ErrorCode.BAD_REQUEST, "candidates: 1 to " + MAX_CANDIDATES + ", was " + request.candidates());
        }
        // One Argon2id hash for the shared code, off the event loop.
        Future<CreatedSession> result = vertx.executeBlocking(
                        () -> Passwords.hash(request.admissionCode().strip()), false)
                .compose(hash -> store.create(request, hash))
                .compose(created -> audit.append(
                                "staff:" + who.name(),
                                "schedule session",
                                "session " + created.sessionId() + " paper " + request.paperId() + ", "
                                        + created.candidates() + " candidates")
                        .map(v -> created));
        Http.reply(ctx, result);
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ApiException(ErrorCode.BAD_REQUEST, field + " is required");
        }
    }
}
