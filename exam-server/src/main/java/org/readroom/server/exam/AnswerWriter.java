package org.readroom.server.exam;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.readroom.core.errors.ApiException;
import org.readroom.core.errors.ErrorCode;
import org.readroom.core.journal.AnswerChain;
import org.readroom.core.paper.CandidatePaper;
import org.readroom.core.paper.Paper;
import org.readroom.core.paper.navigation.Moves;
import org.readroom.core.paper.navigation.Navigation;
import org.readroom.core.protocol.DeliveredItem;
import org.readroom.core.protocol.DeliveredSection;
import org.readroom.core.protocol.Messages.AnswerSave;
import org.readroom.core.protocol.Messages.SavedAnswer;
import org.readroom.core.session.CandidateStatus;
import org.readroom.server.store.Database;

/**
 * Stores answer changes through the database's one ordered writer, many changes to a transaction: a save waits in a
 * queue, the next writer turn takes up to {@value #MAX_BATCH} of them and commits them together, and each is
 * acknowledged only after that commit. Every change is checked against the candidate's hash chain; a change the
 * server refuses (out of order, a broken link, another answer under a stored number) fails alone, while a failed
 * commit fails the whole batch back to its kiosks, which resend; nothing is dropped.
 */
public final class AnswerWriter {

    static final int MAX_BATCH = 512;

    private final Database database;
    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /** Per paper (papers never change): its navigation and section time rules. */
    private final Map<String, Rules> navigationRules = new ConcurrentHashMap<>();

    public AnswerWriter(Database database) {
        this.database = database;
    }

    /**
     * Completes once the change is committed (or was already stored), or fails with the reason it was refused. On a
     * paper with a locking case or an irreversible section the change is also checked against where the candidate's
     * record says they have been ({@link Navigation}).
     */
    public Future<Void> save(CandidateRecord candidate, AnswerSave save, long now, Paper paper) {
        Promise<Void> done = Promise.promise();
        Rules rules = navigationRules.computeIfAbsent(paper.id(), id -> Rules.of(paper));
        String question = Moves.isMove(save.itemId()) ? Moves.target(save.itemId()) : save.itemId();
        queue.add(new Pending(candidate, save, now, rules.ruled().contains(question) ? rules : null, done));
        schedule();
        return done.future();
    }

    private void schedule() {
        if (!queue.isEmpty() && scheduled.compareAndSet(false, true)) {
            List<Pending> batch = new ArrayList<>();
            database.write(connection -> {
                        scheduled.set(false);
                        Pending next;
                        while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
                            batch.add(next);
                        }
                        List<ApiException> refusals = new ArrayList<>();
                        for (Pending pending : batch) {
                            refusals.add(store(connection, pending));
                        }
                        return refusals;
                    })
                    .onSuccess(refusals -> {
                        for (int i = 0; i < batch.size(); i++) {
                            if (refusals.get(i) == null) {
                                batch.get(i).done().complete();
                            } else {
                                batch.get(i).done().fail(refusals.get(i));
                            }
                        }
                    })
                    .onFailure(failure -> batch.forEach(p -> p.done().tryFail(failure)))
                    .onComplete(v -> schedule());
        }
    }

    /** Stores one change, or returns why it is refused; a refusal writes nothing. */
    private static ApiException store(Connection connection, Pending pending) throws SQLException {
        AnswerSave save = pending.save();
        long candidateId = pending.candidate().id();
        // Checked again on the writer: a hand-in, void or move may have committed since the route's read.
        CandidateRecord current = ExamStore.candidate(connection, candidateId);
        if (current.status() == CandidateStatus.SUBMITTED) {
            return new ApiException(ErrorCode.ALREADY_SUBMITTED, "candidate " + current.candidateNumber());
        }
        if (current.status() == CandidateStatus.VOIDED) {
            return new ApiException(ErrorCode.CANDIDATE_VOIDED, "candidate " + current.candidateNumber());
        }
        if (current.epoch() != pending.candidate().epoch() && current.status() != CandidateStatus.MOVED) {
            return new ApiException(ErrorCode.CANDIDATE_MOVED, "candidate " + current.candidateNumber());
        }
        String choices = String.join(",", new TreeSet<>(save.choices() == null ? List.of() : save.choices()));
        String text = save.text() == null ? "" : save.text();
        try (PreparedStatement existing = connection.prepareStatement(
                "SELECT item_id, choices, text, hash FROM answers WHERE candidate_id = ? AND sequence = ?")) {
            existing.setLong(1, candidateId);
            existing.setLong(2, save.sequence());
            try (ResultSet row = existing.executeQuery()) {
                if (row.next()) {
                    boolean same = row.getString(1).equals(save.itemId())
                            && row.getString(2).equals(choices)
                            && row.getString(3).equals(text)
                            && Objects.equals(row.getString(4), save.hash());
                    return same
                            ? null
                            : new ApiException(
                                    ErrorCode.SEQUENCE_CONFLICT,
                                    "sequence " + save.sequence() + " holds another answer");
                }
            }
        }
        // The stored record's last link, in one query: its sequence number and hash (genesis when empty).
        long last = 0;
        String previous = AnswerChain.genesis(current.sessionId(), current.candidateNumber());
        try (PreparedStatement head = connection.prepareStatement(
                "SELECT sequence, hash FROM answers WHERE candidate_id = ? ORDER BY sequence DESC LIMIT 1")) {
            head.setLong(1, candidateId);
            try (ResultSet row = head.executeQuery()) {
                if (row.next()) {
                    last = row.getLong(1);
                    previous = row.getString(2);
                }
            }
        }
        if (save.sequence() != last + 1) {
            return new ApiException(
                    ErrorCode.SEQUENCE_GAP, "sequence " + save.sequence() + " sent, " + (last + 1) + " expected");
        }
        if (previous == null || !AnswerChain.next(previous, save).equals(save.hash())) {
            return new ApiException(
                    ErrorCode.CHAIN_BROKEN, "sequence " + save.sequence() + " does not chain to the stored record");
        }
        if (pending.rules() != null) {
            List<SavedAnswer> latest = ExamStore.latestAnswers(connection, candidateId);
            Navigation navigation = new Navigation(pending.rules().questions());
            navigation.resume(Navigation.visits(latest));
            Set<String> answered = new HashSet<>();
            for (Navigation.Visit visit : Navigation.visits(latest)) {
                if (!visit.blank()) {
                    answered.add(visit.id());
                }
            }
            Optional<Navigation.Refusal> refusal = navigation.refusal(save.itemId(), answered::contains);
            if (refusal.isPresent()) {
                return new ApiException(refusal.get().code(), refusal.get().reason());
            }
            DeliveredSection section = pending.rules().sectionOf(save.itemId());
            Long limit =
                    section == null ? null : pending.rules().timed().limits().get(section.id());
            if (limit != null) {
                Optional<ApiException> over = SectionTimes.enter(
                        connection,
                        current,
                        section.id(),
                        limit,
                        pending.rules().timed(),
                        pending.now());
                if (over.isPresent()) {
                    return over.get();
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO answers (candidate_id, sequence,"
                        + " item_id, choices, text, received_at, hash) VALUES (?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement seen =
                        connection.prepareStatement("UPDATE candidates SET last_seen = ? WHERE id = ?")) {
            insert.setLong(1, candidateId);
            insert.setLong(2, save.sequence());
            insert.setString(3, save.itemId());
            insert.setString(4, choices);
            insert.setString(5, text);
            insert.setLong(6, pending.now());
            insert.setString(7, save.hash());
            insert.executeUpdate();
            seen.setLong(1, pending.now());
            seen.setLong(2, candidateId);
            seen.executeUpdate();
        }
        return null;
    }

    static long lastSequence(Connection connection, long candidateId) throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement("SELECT COALESCE(MAX(sequence), 0) FROM answers WHERE candidate_id = ?")) {
            query.setLong(1, candidateId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** {@code rules}: the paper's rules when this change must be checked against them, else null. */
    private record Pending(CandidateRecord candidate, AnswerSave save, long now, Rules rules, Promise<Void> done) {}

    /**
     * A paper's questions in authoring order, those whose changes the rules may refuse (locking case steps, questions of
     * irreversible or timed sections), and its timed sections.
     */
    private record Rules(
            List<DeliveredItem> questions,
            Set<String> ruled,
            Map<String, DeliveredItem> byId,
            SectionTimes.Timed timed) {

        static Rules of(Paper paper) {
            List<DeliveredItem> questions = CandidatePaper.inAuthoringOrder(paper);
            Map<String, DeliveredItem> byId = new HashMap<>();
            questions.forEach(q -> byId.put(q.id(), q));
            return new Rules(questions, Navigation.ruledQuestions(questions), byId, SectionTimes.Timed.of(paper));
        }

        /** The section of the question an answer or move event names. */
        DeliveredSection sectionOf(String id) {
            DeliveredItem question = byId.get(Moves.isMove(id) ? Moves.target(id) : id);
            return question == null ? null : question.section();
        }
    }
}
