package org.readroom.core.session;

/** Where a candidate is in an exam. Transitions are in {@link CandidateLifecycle}. */
public enum CandidateStatus {
    /** On the roster, not seen yet. */
    REGISTERED,
    /** Logged in at a kiosk; waiting for the proctor (or the session's start) to admit them. */
    LOGGED_IN,
    /** Admitted by the proctor; the clock starts when their kiosk opens the paper. */
    ADMITTED,
    /** The clock runs and answers are accepted. */
    SITTING,
    /** Stopped by the proctor (this candidate or the whole room); the clock stands still. */
    PAUSED,
    /** Being moved to a spare kiosk; the clock stands still until they open the paper there. */
    MOVED,
    /** Handed in, by the candidate, the timer, the proctor or the server at deadline + grace. */
    SUBMITTED,
    /** Removed from the exam by the proctor, with a reason. */
    VOIDED;

    /** True while the candidate's clock runs or stands still within a sitting: answers belong to this sitting. */
    public boolean isInSitting() {
        return this == SITTING || this == PAUSED || this == MOVED;
    }
}
