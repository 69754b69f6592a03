package org.readroom.server.proctor;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.readroom.core.errors.ApiException;
import org.readroom.core.errors.ErrorCode;
import org.readroom.core.protocol.ApiPaths;
import org.readroom.core.protocol.Messages.SessionRoster;
import org.readroom.core.protocol.Messages.StaffLoginRequest;
import org.readroom.core.protocol.Messages.StaffLoginResponse;
import org.readroom.server.audit.AuditLog;
import org.readroom.server.auth.Passwords;
import org.readroom.server.auth.Principal;
import org.readroom.server.auth.Role;
import org.readroom.server.auth.StaffStore;
import org.readroom.server.auth.Tokens;
import org.readroom.server.http.Http;

/** Staff login, the proctor's live roster, and the admin's results summary. */
public final class StaffRoutes {

    private final Vertx vertx;
    private final StaffStore staff;
    private final RosterStore rosters;
    private final Tokens tokens;
    private final AuditLog audit;
    private final Clock clock;

    public StaffRoutes(Vertx vertx, StaffStore staff, RosterStore rosters, Tokens tokens, AuditLog audit, Clock clock) {
        this.vertx = vertx;
        this.staff = staff;
        this.rosters = rosters;
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
    }

    public void mount(Router router) {
        router.post(ApiPaths.STAFF_LOGIN).handler(this::login);
        router.get(ApiPaths.PROCTOR_SESSIONS)
                .handler(Http.requireRole(tokens, Role.PROCTOR, Role.ADMIN))
                .handler(this::sessions);
        router.get(ApiPaths.PROCTOR_SESSIONS + "/:id/candidates")
                .handler(Http.requireRole(tokens, Role.PROCTOR, Role.ADMIN))
                .handler(this::roster);
        router.get(ApiPaths.BASE + "/admin/sessions/:id/results")
                .handler(Http.requireRole(tokens, Role.ADMIN, Role.PROCTOR))
                .handler(this::results);
    }

    private void login(RoutingContext ctx) {
        StaffLoginRequest request = Http.body(ctx, StaffLoginRequest.class);
        if (request.username() == null || request.password() == null) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "username and password are required");
        }
        Future<StaffLoginResponse> result = staff.find(request.username().strip())
                .compose(found -> found.isEmpty()
                        ? Future.failedFuture(
                                new ApiException(ErrorCode.LOGIN_FAILED, "no staff " + request.username()))
                        : vertx.executeBlocking(
                                        () -> Passwords.verify(
                                                request.password(), found.get().passwordHash()),
                                        false)
                                .compose(ok -> {
                                    if (!ok) {
                                        return Future.failedFuture(
                                                new ApiException(ErrorCode.LOGIN_FAILED, "wrong password"));
                                    }
                                    StaffStore.Account account = found.get();
                                    String token = tokens.issue(
                                            new Principal(account.role(), account.id(), account.username()));
                                    return audit.append(
                                                    "staff:" + account.username(),
                                                    "login",
                                                    account.role().name())
                                            .map(v -> new StaffLoginResponse(
                                                    token,
                                                    account.role().name().toLowerCase(Locale.ROOT),
                                                    account.displayName()));
                                }));
        Http.reply(ctx, result);
    }

    private void sessions(RoutingContext ctx) {
        long now = clock.millis();
        Future<List<SessionRoster>> result = rosters.sessionIds().compose(ids -> Future.all(
                        ids.stream().map(id -> rosters.roster(id, now)).toList())
                .map(all -> all.<SessionRoster>list()));
        Http.reply(ctx, result);
    }

    private void roster(RoutingContext ctx) {
        Http.reply(ctx, rosters.roster(sessionId(ctx), clock.millis()));
    }

    private void results(RoutingContext ctx) {
        Http.reply(ctx, rosters.results(sessionId(ctx)));
    }

    private static long sessionId(RoutingContext ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "session id is not a number: " + ctx.pathParam("id"));
        }
    }
}
