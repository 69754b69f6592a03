package org.readroom.core.scoring;

/** Where an item's score stands. */
public enum ScoreStatus {
    /** Scored by the rules; final unless the key changes. */
    AUTO_SCORED,
    /** Waiting for a teacher in the marking queue. */
    AWAITING_MARKING
}
