package org.readroom.core.scoring;

/** The score of one item for one candidate. {@code awarded} is 0 while the item awaits marking. */
public record ItemScore(String itemId, double awarded, double max, ScoreStatus status) {

    public ItemScore {
        if (awarded < 0 || awarded > max) {
            throw new IllegalArgumentException("score of " + itemId + ": awarded " + awarded + " is outside 0.." + max);
        }
    }
}
