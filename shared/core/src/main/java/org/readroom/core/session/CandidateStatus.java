package org.readroom.core.session;

/** Where a candidate is in an exam. Transitions are in {@link CandidateLifecycle}. */
public enum CandidateStatus {
    REGISTERED,
    LOGGED_IN,
    ANSWERING,
    SUBMITTED
}
