package org.readroom.core.session;

/** Where a session is. Transitions are in {@link SessionLifecycle}. */
public enum SessionStatus {
    /** Planned; candidates cannot log in yet. */
    SCHEDULED,
    /** Doors open: candidates log in and wait; kiosks hold the package but no key. */
    OPEN,
    /** Started: keys are released and clocks run. */
    RUNNING,
    /** The whole room is paused; every sitting candidate's clock stands still. */
    PAUSED,
    /** Every candidate is handed in; no answers are accepted. */
    ENDED,
    /** Results are final; the session is read-only. */
    CLOSED;

    /** True when candidates may log in. */
    public boolean admitsLogins() {
        return this == OPEN || this == RUNNING || this == PAUSED;
    }
}
