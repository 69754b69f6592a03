package org.readroom.core.session;

import static org.readroom.core.session.CandidateStatus.ADMITTED;
import static org.readroom.core.session.CandidateStatus.LOGGED_IN;
import static org.readroom.core.session.CandidateStatus.MOVED;
import static org.readroom.core.session.CandidateStatus.PAUSED;
import static org.readroom.core.session.CandidateStatus.REGISTERED;
import static org.readroom.core.session.CandidateStatus.SITTING;
import static org.readroom.core.session.CandidateStatus.SUBMITTED;
import static org.readroom.core.session.CandidateStatus.VOIDED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The candidate state machine as an explicit table:
 *
 * <pre>
 * REGISTERED → LOGGED_IN → ADMITTED → SITTING ⇄ PAUSED → SUBMITTED
 *                                     SITTING | PAUSED → MOVED → SITTING | PAUSED (on the spare kiosk;
 *                                                        paused if the room is, or the candidate was before the move)
 * any state before SUBMITTED, and SUBMITTED itself → VOIDED (by the proctor, with a reason)
 * </pre>
 *
 * Logging in again (a relaunch, a spare kiosk) keeps the state; nothing leaves VOIDED.
 */
public final class CandidateLifecycle {

    private static final Map<CandidateStatus, Set<CandidateStatus>> ALLOWED = new EnumMap<>(CandidateStatus.class);

    static {
        ALLOWED.put(REGISTERED, EnumSet.of(LOGGED_IN, VOIDED));
        ALLOWED.put(LOGGED_IN, EnumSet.of(ADMITTED, VOIDED));
        ALLOWED.put(ADMITTED, EnumSet.of(SITTING, VOIDED));
        ALLOWED.put(SITTING, EnumSet.of(PAUSED, MOVED, SUBMITTED, VOIDED));
        ALLOWED.put(PAUSED, EnumSet.of(SITTING, MOVED, SUBMITTED, VOIDED));
        ALLOWED.put(MOVED, EnumSet.of(SITTING, PAUSED, SUBMITTED, VOIDED));
        ALLOWED.put(SUBMITTED, EnumSet.of(VOIDED));
        ALLOWED.put(VOIDED, EnumSet.noneOf(CandidateStatus.class));
    }

    private CandidateLifecycle() {}

    public static boolean allows(CandidateStatus from, CandidateStatus to) {
        return ALLOWED.get(from).contains(to);
    }

    /** Returns {@code to}, or throws naming both states when the move is not allowed. */
    public static CandidateStatus transition(CandidateStatus from, CandidateStatus to) {
        if (!allows(from, to)) {
            throw new IllegalStateException("candidate cannot go from " + from + " to " + to);
        }
        return to;
    }
}
