package org.readroom.kiosk.resume;

import java.util.Base64;
import java.util.List;
import org.readroom.core.protocol.Messages.LoginRequest;
import org.readroom.core.protocol.Messages.SectionClock;
import org.readroom.core.protocol.Messages.Sitting;

/**
 * What a kiosk needs to continue a sitting after a restart while the exam server is out of reach: who sits, their
 * credentials (so the kiosk logs in again by itself once the server is back), the package and its released content key,
 * the sitting as the server sent it (seed, answers, chain head, resume secret), and the time left at the last
 * checkpoint. Kept only sealed on disk (see {@link ResumeTickets}) and only while the sitting runs.
 *
 * @param remainingMillis time left when {@code savedAt} was written; the clock stands still while the kiosk is down
 * @param savedAt this kiosk's clock at the checkpoint (epoch ms)
 * @param sections the time left in each timed section the candidate had entered, at the same checkpoint (a ticket
 *     written before sections were kept carries none: the sitting's, as sent at the start, stand in)
 */
public record ResumeTicket(
        long sessionId,
        String candidateNumber,
        String candidateName,
        String admissionCode,
        String packageId,
        byte[] contentKey,
        Sitting sitting,
        long remainingMillis,
        boolean paused,
        long savedAt,
        List<SectionClock> sections) {

    public ResumeTicket {
        if (candidateNumber == null || candidateNumber.isBlank()) {
            throw new IllegalArgumentException("candidateNumber is required");
        }
        if (contentKey == null || contentKey.length != 32) {
            throw new IllegalArgumentException("contentKey must be 32 bytes");
        }
        if (sitting == null || sitting.resumeSecret() == null) {
            throw new IllegalArgumentException("the sitting carries no resume secret");
        }
        contentKey = contentKey.clone();
        sections = sections == null ? sitting.sections() : List.copyOf(sections);
    }

    /** The same ticket at a later checkpoint, with the section clocks as they stand then. */
    public ResumeTicket at(long remaining, boolean pausedNow, long now, List<SectionClock> sectionsNow) {
        return new ResumeTicket(
                sessionId,
                candidateNumber,
                candidateName,
                admissionCode,
                packageId,
                contentKey,
                sitting,
                Math.max(0, remaining),
                pausedNow,
                now,
                sectionsNow);
    }

    /** The sitting with the section clocks of the last checkpoint, which go with {@link #remainingMillis}. */
    public Sitting sittingAtCheckpoint() {
        return new Sitting(
                sitting.paperId(),
                sitting.packageId(),
                sitting.seed(),
                sitting.answers(),
                sitting.lastSequence(),
                sitting.chainHead(),
                sitting.resumeSecret(),
                sections);
    }

    /** The candidate's secret for checking a proctor's resume code. */
    public byte[] resumeSecret() {
        return Base64.getDecoder().decode(sitting.resumeSecret());
    }

    public LoginRequest credentials() {
        return new LoginRequest(candidateNumber, admissionCode);
    }

    @Override
    public byte[] contentKey() {
        return contentKey.clone();
    }

    @Override
    public String toString() {
        // never the key, the code or the secret
        return "ResumeTicket[session " + sessionId + ", candidate " + candidateNumber + ", package " + packageId + ", "
                + remainingMillis + " ms left at " + savedAt + "]";
    }
}
