package org.readroom.server.runtime;

import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.readroom.core.protocol.ApiPaths;
import org.readroom.core.protocol.Messages.FeedUpdate;
import org.readroom.core.protocol.Wire;
import org.readroom.server.auth.Principal;
import org.readroom.server.auth.Role;
import org.readroom.server.auth.Tokens;
import org.readroom.server.proctor.RosterStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proctor's live feed: a WebSocket per console on {@code /api/v1/proctor/sessions/{id}/feed}, authorised by the
 * proctor's bearer token in the handshake. Each connected session gets its seat list (with live kiosk state) and open
 * interruptions at once, then again whenever something changed, checked every {@value #TICK_MILLIS} ms, and at least
 * every {@value #REFRESH_MILLIS} ms so "connected" turns false for a silent kiosk.
 */
public final class ProctorFeed {

    static final long TICK_MILLIS = 1000;
    static final long REFRESH_MILLIS = 5000;

    private static final Logger LOG = LoggerFactory.getLogger(ProctorFeed.class);
    private static final Pattern PATH = Pattern.compile(Pattern.quote(ApiPaths.PROCTOR_SESSIONS) + "/(\\d+)/feed");

    private final Tokens tokens;
    private final RosterStore rosters;
    private final Interruptions interruptions;
    private final LiveSeats seats;
    private final Clock clock;
    private final Map<Long, Set<ServerWebSocket>> watchers = new ConcurrentHashMap<>();
    private final Map<Long, Long> lastSent = new ConcurrentHashMap<>();

    public ProctorFeed(Tokens tokens, RosterStore rosters, Interruptions interruptions, LiveSeats seats, Clock clock) {
        this.tokens = tokens;
        this.rosters = rosters;
        this.interruptions = interruptions;
        this.seats = seats;
        this.clock = clock;
    }

    /** Starts the timer that pushes changes; returns its id. */
    public long start(Vertx vertx) {
        return vertx.setPeriodic(TICK_MILLIS, id -> tick());
    }

    /** Accepts a handshake for a proctor or admin on a feed path; refuses anything else (401, 404). */
    public void handshake(ServerWebSocketHandshake handshake) {
        if (sessionOf(handshake.path()).isEmpty()) {
            handshake.reject(404);
            return;
        }
        String header = handshake.headers().get("Authorization");
        Optional<Principal> who = tokens.resolve(
                header != null && header.startsWith("Bearer ")
                        ? header.substring(7).strip()
                        : null);
        if (who.isEmpty() || (who.get().role() != Role.PROCTOR && who.get().role() != Role.ADMIN)) {
            handshake.reject(401);
            return;
        }
        handshake.accept();
    }

    /** Registers an accepted socket and sends its first update. */
    public void attach(ServerWebSocket socket) {
        long sessionId = sessionOf(socket.path()).orElseThrow();
        watchers.computeIfAbsent(sessionId, id -> ConcurrentHashMap.newKeySet()).add(socket);
        socket.closeHandler(v -> watchers.getOrDefault(sessionId, Set.of()).remove(socket));
        socket.exceptionHandler(failure -> LOG.debug("proctor feed of session {} failed", sessionId, failure));
        push(sessionId, Set.of(socket));
    }

    private void tick() {
        long now = clock.millis();
        watchers.forEach((sessionId, sockets) -> {
            if (sockets.isEmpty()) {
                return;
            }
            boolean changed = seats.takeChanged(sessionId);
            if (changed || now - lastSent.getOrDefault(sessionId, 0L) >= REFRESH_MILLIS) {
                push(sessionId, sockets);
            }
        });
    }

    private void push(long sessionId, Set<ServerWebSocket> sockets) {
        long now = clock.millis();
        lastSent.put(sessionId, now);
        rosters.roster(sessionId, now)
                .compose(roster -> interruptions
                        .list(sessionId)
                        .map(all -> new FeedUpdate(
                                roster,
                                all.stream()
                                        .filter(i -> i.status().equals("SUGGESTED"))
                                        .toList())))
                .onSuccess(update -> {
                    String json = new String(Wire.encode(update), java.nio.charset.StandardCharsets.UTF_8);
                    for (ServerWebSocket socket : sockets) {
                        if (!socket.isClosed()) {
                            socket.writeTextMessage(json);
                        }
                    }
                })
                .onFailure(failure -> LOG.warn("proctor feed of session {} not sent", sessionId, failure));
    }

    private static Optional<Long> sessionOf(String path) {
        Matcher matcher = PATH.matcher(path == null ? "" : path);
        return matcher.matches() ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
    }
}
