package org.readroom.server.exam;

import org.readroom.core.session.CandidateStatus;
import org.readroom.core.text.LocalizedText;

/** A candidate's row with what the exam runtime needs from their session. Times are epoch ms; 0 = not yet. */
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
        String sessionStatus) {

    /** Blind marking uses this instead of the name. */
    public String scriptNumber() {
        return "S" + sessionId + "-" + Long.toString(Math.abs(seed) % 100_000, 10);
    }
}
