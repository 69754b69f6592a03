package org.readroom.core.protocol;

import java.util.List;
import java.util.Set;
import org.readroom.core.errors.ErrorCode;
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
     * only from the package, opened with the key released at the start. {@code chainHead} is the hash of the last
     * stored change (the chain's genesis when there is none), so a resumed kiosk chains on from there.
     * {@code resumeSecret} (base64) lets the kiosk check a proctor's resume code if it restarts while the server is out
     * of reach (see {@code ResumeCodes}); the kiosk keeps it sealed and never shows it.
     */
    public record Sitting(
            String paperId,
            String packageId,
            long seed,
            List<SavedAnswer> answers,
            long lastSequence,
            String chainHead,
            String resumeSecret,
            List<SectionClock> sections) {

        public Sitting {
            sections = sections == null ? List.of() : List.copyOf(sections);
        }
    }

    /**
     * Server → kiosk, in the sitting and every heartbeat reply: the exam time left in a timed section the candidate has
     * entered, as of the reply's server time (0 = its time is over; it stands still while the candidate is paused).
     */
    public record SectionClock(String sectionId, long remaining) {}

    /** An answer the server has stored, returned on resume. */
    public record SavedAnswer(String itemId, Set<String> choices, String text, long sequence) {}

    /**
     * Server → kiosk: the candidate's clock. {@code remaining} = deadline - serverTime; while {@code paused} the
     * remaining time stands still (and the deadline moves with the clock).
     */
    public record ExamClock(CandidateStatus status, long serverTime, long deadline, long remaining, boolean paused) {}

    /**
     * Kiosk → server, every few seconds while the candidate sits: the last sequence number the kiosk holds, how often
     * the exam window lost focus, and lock-down alerts (a second monitor, a forbidden program).
     */
    public record Heartbeat(long lastSequence, int focusLost, List<String> alerts) {}

    /**
     * Server → kiosk: the clock as it stands now (so pauses and extra time reach the kiosk within one heartbeat),
     * messages from the proctor not shown yet, whether the proctor has locked the screen, and how many ms until the
     * next heartbeat is due.
     */
    public record HeartbeatReply(
            ExamClock clock, List<String> messages, boolean locked, long heartbeatMillis, List<SectionClock> sections) {

        public HeartbeatReply {
            sections = sections == null ? List.of() : List.copyOf(sections);
        }
    }

    /**
     * Kiosk → server: one answer change. Sequence numbers start at 1 and increase per candidate; {@code hash} chains
     * this change to the previous one (see {@code AnswerChain}), so the record can be proven unchanged later.
     */
    public record AnswerSave(long sequence, String itemId, Set<String> choices, String text, String hash) {}

    /**
     * Server → kiosk: the change with this sequence number is stored durably. {@code notCounted} is null, or the rule
     * that refused it (a locked case step, a section left or out of time): then it is kept in the record, so the chain
     * carries on, but it does not count as the candidate's answer.
     */
    public record AnswerAck(long sequence, long serverTime, ErrorCode notCounted) {}

    /**
     * Kiosk → server: hand in, naming the last sequence number the kiosk sent and the head of its answer chain; the
     * server checks both against what it stored and records the head.
     */
    public record SubmitRequest(long lastSequence, String chainHead) {}

    /** Server → kiosk: the exam is handed in. */
    public record SubmitResponse(long submittedAt, int answered, int total) {}

    /** Console → server: staff log in. */
    public record StaffLoginRequest(String username, String password) {}

    /** Server → console: the staff member's bearer token and role. */
    public record StaffLoginResponse(String token, String role, String displayName) {}

    /**
     * One row of the proctor's seat list and seat map: state, progress, time left ({@code remaining}, standing still
     * while paused) and the kiosk's live state (connected = a heartbeat within 15 s, focus losses, alerts, locked).
     */
    public record CandidateView(
            String candidateNumber,
            String name,
            String seat,
            CandidateStatus status,
            int answered,
            int total,
            long lastSeen,
            long deadline,
            long remaining,
            boolean connected,
            long lastHeartbeat,
            int focusLost,
            List<String> alerts,
            boolean locked) {}

    /**
     * Server → console: a session and the live state of its candidates; {@code startedAt} is 0 until the proctor
     * starts it (and the key is released).
     */
    public record SessionRoster(
            long sessionId, LocalizedText title, long serverTime, long startedAt, List<CandidateView> candidates) {}

    /** Proctor → server: extra time for a candidate or the room, in whole minutes (1 to 240). */
    public record ExtraTime(int minutes, String reason) {}

    /** Proctor → server: a message shown on one kiosk or every kiosk of the room. */
    public record ProctorMessage(String text) {}

    /** Proctor → server: lock or unlock a kiosk's screen (the clock keeps running; pause stops it). */
    public record ScreenLock(boolean locked) {}

    /** Proctor → server: void a candidate's exam; the reason is required and goes to the audit log. */
    public record VoidRequest(String reason) {}

    /**
     * Proctor → server: an irregularity report, about one candidate or the room ({@code candidateNumber} null);
     * category is one of ENVIRONMENT, CANDIDATE, STAFF, TECHNICAL.
     */
    public record IrregularityReport(String candidateNumber, String category, String description) {}

    /** Server → proctor: a gap in a candidate's heartbeats, the credit suggested, and the proctor's decision. */
    public record InterruptionView(
            long id, String candidateNumber, long from, long to, long creditMillis, String status) {}

    /**
     * Server → proctor over the WebSocket feed: the session's seat list whenever something changed (a heartbeat, an
     * answer, a state change) and at least every few seconds, with the interruptions awaiting a decision.
     */
    public record FeedUpdate(SessionRoster roster, List<InterruptionView> interruptions) {}

    /** Proctor → server: the challenge a restarted kiosk shows while the server is out of its reach. */
    public record ResumeCodeRequest(String challenge) {}

    /**
     * Server → proctor: the response to read to the candidate ({@code XXXX-XXXX}), valid only for that challenge on
     * that candidate's kiosk (see {@code ResumeCodes}).
     */
    public record ResumeCode(String candidateNumber, String challenge, String code) {}

    /** Server → proctor: an action was carried out (and audited). */
    public record ActionDone(String action, String target, long serverTime) {}

    /**
     * Admin → server: schedule a session of a paper with {@code candidates} generated candidates (numbers
     * {@code numberPrefix} + 00001…, seats in order) who share one admission code, for a mock exam or a load test.
     * The session opens at once (candidates may log in; the proctor starts it).
     */
    public record NewSession(
            String paperId,
            String titleZh,
            String titleEn,
            String room,
            int candidates,
            String numberPrefix,
            String admissionCode) {}

    /**
     * Server → admin: the session created and its candidate numbers: {@code numberStem} followed by the candidate's
     * index, five digits from 00001.
     */
    public record CreatedSession(long sessionId, String numberStem, int candidates) {}

    /** Server → admin: how far a session's results are. */
    public record ResultsSummary(long sessionId, int candidates, int submitted, int scored, int pdfs) {}

    /** The body of every error response. */
    public record ErrorBody(String code, String key, String message) {}
}
