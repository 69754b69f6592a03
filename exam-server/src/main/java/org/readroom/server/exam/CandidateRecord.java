package org.readroom.server.exam;

import java.util.Optional;
import org.readroom.core.session.CandidateStatus;
import org.readroom.core.session.SessionStatus;
import org.readroom.core.text.LocalizedText;
import org.readroom.core.time.SittingTime;

/**
 * A candidate's row with what the exam runtime needs from their session. Times are epoch ms; 0 = not yet.
 * {@code deadline} is the deadline ignoring a pause in progress (see {@link SittingTime}); {@code epoch} counts moves
 * to another kiosk, so a token from the kiosk they left is recognised.
 */
public record CandidateRecord(
        long id,
        long sessionId,
        String candidateNumber,
        String name,
        String admissionCodeHash,
        String seat,
        long seed,
        CandidateStatus status,
        long startedAt,
        long deadline,
        long submittedAt,
        String paperId,
        LocalizedText sessionTitle,
        SessionStatus sessionStatus,
        long durationMillis,
        long extraMillis,
        long pausedMillis,
        long pausedSince,
        boolean pausedByRoom,
        long epoch,
        String chainHead,
        boolean pausedBeforeMove) {

    /** Blind marking uses this instead of the name. */
    public String scriptNumber() {
        return "S" + sessionId + "-" + Long.toString(Math.abs(seed) % 100_000, 10);
    }

    /** The candidate's clock, once it has started. */
    public Optional<SittingTime> time() {
        if (startedAt == 0 || durationMillis <= 0) {
            return Optional.empty();
        }
        return Optional.of(new SittingTime(startedAt, durationMillis, extraMillis, pausedMillis, pausedSince));
    }
}
