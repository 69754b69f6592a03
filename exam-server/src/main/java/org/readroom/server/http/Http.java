package org.readroom.server.http;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.readroom.core.errors.ApiException;
import org.readroom.core.errors.ErrorCode;
import org.readroom.core.protocol.Messages.ErrorBody;
import org.readroom.core.protocol.Wire;
import org.readroom.server.auth.Principal;
import org.readroom.server.auth.Role;
import org.readroom.server.auth.Tokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The router's edge: reading bodies, checking tokens and roles, writing results and the one error envelope. */
public final class Http {

    private static final Logger LOG = LoggerFactory.getLogger(Http.class);
    private static final String PRINCIPAL = "readroom.principal";

    private Http() {}

    /** Decodes the JSON body or fails the request with BAD_REQUEST naming the problem. */
    public static <T> T body(RoutingContext ctx, Class<T> type) {
        Buffer buffer = ctx.body().buffer();
        if (buffer == null || buffer.length() == 0) {
            throw new ApiException(ErrorCode.BAD_REQUEST, type.getSimpleName() + ": body is empty");
        }
        try {
            return Wire.decode(buffer.getBytes(), type);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.BAD_REQUEST, e.getMessage());
        }
    }

    /** A handler step that lets the request through only with a valid token of one of the roles. */
    public static io.vertx.core.Handler<RoutingContext> requireRole(Tokens tokens, Role first, Role... more) {
        Set<Role> allowed = EnumSet.of(first, more);
        return ctx -> {
            String header = ctx.request().getHeader("Authorization");
            String token = header != null && header.startsWith("Bearer ")
                    ? header.substring(7).strip()
                    : null;
            Principal principal = tokens.resolve(token).orElse(null);
            if (principal == null) {
                fail(ctx, new ApiException(ErrorCode.NOT_AUTHENTICATED, "missing or unknown token"));
            } else if (!allowed.contains(principal.role())) {
                fail(
                        ctx,
                        new ApiException(
                                ErrorCode.FORBIDDEN, principal.role() + " may not call " + ctx.normalizedPath()));
            } else {
                ctx.put(PRINCIPAL, principal);
                ctx.next();
            }
        };
    }

    public static Principal principal(RoutingContext ctx) {
        Principal principal = ctx.get(PRINCIPAL);
        if (principal == null) {
            throw new ApiException(ErrorCode.NOT_AUTHENTICATED, "route has no role guard");
        }
        return principal;
    }

    /** Sends the future's value as JSON, or its failure as the error envelope. */
    public static void reply(RoutingContext ctx, Future<?> result) {
        result.onSuccess(value -> ok(ctx, value)).onFailure(failure -> fail(ctx, failure));
    }

    public static void ok(RoutingContext ctx, Object value) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response()
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .end(Buffer.buffer(Wire.encode(value)));
    }

    /** The one error writer: catalogue errors as they are; anything else is logged and sent as INTERNAL. */
    public static void fail(RoutingContext ctx, Throwable failure) {
        if (ctx.response().ended()) {
            return;
        }
        ApiException error;
        if (failure instanceof ApiException api) {
            error = api;
            LOG.debug("{} {} -> {}", ctx.request().method(), ctx.normalizedPath(), api.getMessage());
        } else {
            error = new ApiException(ErrorCode.INTERNAL, "unexpected failure");
            LOG.error("{} {} failed", ctx.request().method(), ctx.normalizedPath(), failure);
        }
        ErrorCode code = error.error();
        ErrorBody body = new ErrorBody(code.code(), code.messageKey(), code.message(Locale.ENGLISH));
        ctx.response()
                .setStatusCode(code.httpStatus())
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .end(Buffer.buffer(Wire.encode(body)));
    }

    /** The router's failure handler: turns what vertx-web reports (e.g. a too-large body) into the envelope. */
    public static void onFailure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure == null) {
            ErrorCode code =
                    switch (ctx.statusCode()) {
                        case 404 -> ErrorCode.NOT_FOUND;
                        case 401 -> ErrorCode.NOT_AUTHENTICATED;
                        case 403 -> ErrorCode.FORBIDDEN;
                        case 500 -> ErrorCode.INTERNAL;
                        default -> ErrorCode.BAD_REQUEST;
                    };
            failure = new ApiException(code, "HTTP " + ctx.statusCode());
        } else if (failure instanceof io.vertx.ext.web.handler.HttpException http && http.getStatusCode() < 500) {
            failure = new ApiException(ErrorCode.BAD_REQUEST, "HTTP " + http.getStatusCode());
        }
        fail(ctx, failure);
    }
}
