package org.readroom.core.session;

import static org.readroom.core.session.SessionStatus.CLOSED;
import static org.readroom.core.session.SessionStatus.ENDED;
import static org.readroom.core.session.SessionStatus.OPEN;
import static org.readroom.core.session.SessionStatus.PAUSED;
import static org.readroom.core.session.SessionStatus.RUNNING;
import static org.readroom.core.session.SessionStatus.SCHEDULED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The session state machine as an explicit table: {@code SCHEDULED → OPEN → RUNNING ⇄ PAUSED → ENDED → CLOSED}. A
 * session may also end from OPEN (called off before the start); nothing leaves CLOSED.
 */
public final class SessionLifecycle {

    private static final Map<SessionStatus, Set<SessionStatus>> ALLOWED = new EnumMap<>(SessionStatus.class);

    static {
        ALLOWED.put(SCHEDULED, EnumSet.of(OPEN));
        ALLOWED.put(OPEN, EnumSet.of(RUNNING, ENDED));
        ALLOWED.put(RUNNING, EnumSet.of(PAUSED, ENDED));
        ALLOWED.put(PAUSED, EnumSet.of(RUNNING, ENDED));
        ALLOWED.put(ENDED, EnumSet.of(CLOSED));
        ALLOWED.put(CLOSED, EnumSet.noneOf(SessionStatus.class));
    }

    private SessionLifecycle() {}

    public static boolean allows(SessionStatus from, SessionStatus to) {
        return ALLOWED.get(from).contains(to);
    }

    /** Returns {@code to}, or throws naming both states when the move is not allowed. */
    public static SessionStatus transition(SessionStatus from, SessionStatus to) {
        if (!allows(from, to)) {
            throw new IllegalStateException("session cannot go from " + from + " to " + to);
        }
        return to;
    }
}
