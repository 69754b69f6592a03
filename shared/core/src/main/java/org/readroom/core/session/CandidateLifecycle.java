package org.readroom.core.session;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The candidate state machine as an explicit table. Logging in again (another kiosk, a relaunch) keeps the state;
 * nothing leaves SUBMITTED.
 */
public final class CandidateLifecycle {

    private static final Map<CandidateStatus, Set<CandidateStatus>> ALLOWED = new EnumMap<>(CandidateStatus.class);

    static {
        ALLOWED.put(CandidateStatus.REGISTERED, EnumSet.of(CandidateStatus.LOGGED_IN));
        ALLOWED.put(CandidateStatus.LOGGED_IN, EnumSet.of(CandidateStatus.ANSWERING, CandidateStatus.SUBMITTED));
        ALLOWED.put(CandidateStatus.ANSWERING, EnumSet.of(CandidateStatus.SUBMITTED));
        ALLOWED.put(CandidateStatus.SUBMITTED, EnumSet.noneOf(CandidateStatus.class));
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
