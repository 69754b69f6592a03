package org.readroom.core.protocol;

import java.util.List;
import java.util.Set;
import org.readroom.core.session.CandidateStatus;
import org.readroom.core.text.LocalizedText;

/**
 * The messages of wire protocol v1 (documented in docs/protocol.md). Times are epoch milliseconds of the server's
 * clock, which is the authority.
 */
public final class Messages {

    private Messages() {}

    /** Kiosk → server: a candidate logs in. */
    public record LoginRequest(String candidateNumber, String admissionCode) {}

    /**
     * Server → kiosk: the candidate's bearer token, whom it belongs to, and the package that holds their paper (null
     * while none has been built; the kiosk then says so and cannot start).
     */
    public record LoginResponse(
            String token,
            String candidateNumber,
            String candidateName,
            long sessionId,
            LocalizedText sessionTitle,
            CandidateStatus status,
            long serverTime,
            String paperId,
            String packageId) {}

    /**
     * Server → kiosk, once the candidate's clock runs: what the kiosk needs besides the package to show their paper
     * (the seed that orders items and options) and every answer the server already holds. The paper itself comes
     * only from the package, opened with the key released at the start.
     */
    public record Sitting(String paperId, String packageId, long seed, List<SavedAnswer> answers, long lastSequence) {}

    /** An answer the server has stored, returned on resume. */
    public record SavedAnswer(String itemId, Set<String> choices, String text, long sequence) {}

    /** Server → kiosk: the candidate's clock. Remaining time = deadline - serverTime. */
    public record ExamClock(CandidateStatus status, long serverTime, long deadline) {}

    /** Kiosk → server: one answer change. Sequence numbers start at 1 and increase per candidate. */
    public record AnswerSave(long sequence, String itemId, Set<String> choices, String text) {}

    /** Server → kiosk: the answer with this sequence number is stored durably. */
    public record AnswerAck(long sequence, long serverTime) {}

    /** Kiosk → server: hand in, naming the last sequence number the kiosk sent. */
    public record SubmitRequest(long lastSequence) {}

    /** Server → kiosk: the exam is handed in. */
    public record SubmitResponse(long submittedAt, int answered, int total) {}

    /** Console → server: staff log in. */
    public record StaffLoginRequest(String username, String password) {}

    /** Server → console: the staff member's bearer token and role. */
    public record StaffLoginResponse(String token, String role, String displayName) {}

    /** One row of the proctor's seat list. */
    public record CandidateView(
            String candidateNumber,
            String name,
            String seat,
            CandidateStatus status,
            int answered,
            int total,
            long lastSeen,
            long deadline) {}

    /**
     * Server → console: a session and the live state of its candidates; {@code startedAt} is 0 until the proctor
     * starts it (and the key is released).
     */
    public record SessionRoster(
            long sessionId, LocalizedText title, long serverTime, long startedAt, List<CandidateView> candidates) {}

    /** Server → admin: how far a session's results are. */
    public record ResultsSummary(long sessionId, int candidates, int submitted, int scored, int pdfs) {}

    /** The body of every error response. */
    public record ErrorBody(String code, String key, String message) {}
}
