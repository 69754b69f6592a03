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
import org.readroom.core.session.CandidateStatus;
import org.readroom.server.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores answer changes through the database's one ordered writer, many changes to a transaction: a save waits in a
 * queue, the next writer turn takes up to {@value #MAX_BATCH} of them and commits them together, and each is
 * acknowledged only after that commit. Every change is checked against the candidate's hash chain; a change the
 * server refuses (out of order, a broken link, another answer under a stored number) fails alone, while a failed
 * commit fails the whole batch back to its kiosks, which resend; nothing is dropped.
 */
public final class AnswerWriter {

    private static final Logger LOG = LoggerFactory.getLogger(AnswerWriter.class);

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
     * paper with locking cases, irreversible or timed sections the change is also checked against where the
     * candidate's record says they have been ({@link Navigation}) and the section's time: a change those rules refuse
     * is stored all the same, so the chain carries on, but not counted; the future then holds the rule's code (else
     * null).
     */
    public Future<ErrorCode> save(CandidateRecord candidate, AnswerSave save, long now, Paper paper) {
        Promise<ErrorCode> done = Promise.promise();
        Rules rules = navigationRules.computeIfAbsent(paper.id(), id -> Rules.of(paper));
        String question = Moves.questionOf(save.itemId());
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
                        List<Outcome> outcomes = new ArrayList<>();
                        for (Pending pending : batch) {
                            outcomes.add(store(connection, pending));
                        }
                        return outcomes;
                    })
                    .onSuccess(outcomes -> {
                        for (int i = 0; i < batch.size(); i++) {
                            Outcome outcome = outcomes.get(i);
                            if (outcome.refused() == null) {
                                batch.get(i).done().complete(outcome.notCounted());
                            } else {
                                batch.get(i).done().fail(outcome.refused());
                            }
                        }
                    })
                    .onFailure(failure -> batch.forEach(p -> p.done().tryFail(failure)))
                    .onComplete(v -> schedule());
        }
    }

    /**
     * What became of one change: {@code refused} (nothing written: out of order, a broken link, a closed sitting), or
     * stored, with {@code notCounted} naming the paper rule that keeps it from counting (null when it counts).
     */
    private record Outcome(ApiException refused, ErrorCode notCounted) {

        static final Outcome COUNTED = new Outcome(null, null);

        static Outcome refused(ApiException why) {
            return new Outcome(why, null);
        }
    }

    /** Stores one change, or returns why it is refused; a refusal writes nothing. */
    private static Outcome store(Connection connection, Pending pending) throws SQLException {
        AnswerSave save = pending.save();
        long candidateId = pending.candidate().id();
        // Checked again on the writer: a hand-in, void or move may have committed since the route's read.
        CandidateRecord current = ExamStore.candidate(connection, candidateId);
        if (current.status() == CandidateStatus.SUBMITTED) {
            return Outcome.refused(
                    new ApiException(ErrorCode.ALREADY_SUBMITTED, "candidate " + current.candidateNumber()));
        }
        if (current.status() == CandidateStatus.VOIDED) {
            return Outcome.refused(
                    new ApiException(ErrorCode.CANDIDATE_VOIDED, "candidate " + current.candidateNumber()));
        }
        if (current.epoch() != pending.candidate().epoch() && current.status() != CandidateStatus.MOVED) {
            return Outcome.refused(
                    new ApiException(ErrorCode.CANDIDATE_MOVED, "candidate " + current.candidateNumber()));
        }
        String choices = String.join(",", new TreeSet<>(save.choices() == null ? List.of() : save.choices()));
        String text = save.text() == null ? "" : save.text();
        try (PreparedStatement existing = connection.prepareStatement("SELECT item_id, choices, text, hash, not_counted"
                + " FROM answers WHERE candidate_id = ? AND sequence = ?")) {
            existing.setLong(1, candidateId);
            existing.setLong(2, save.sequence());
            try (ResultSet row = existing.executeQuery()) {
                if (row.next()) {
                    boolean same = row.getString(1).equals(save.itemId())
                            && row.getString(2).equals(choices)
                            && row.getString(3).equals(text)
                            && Objects.equals(row.getString(4), save.hash());
                    return same
                            ? new Outcome(null, row.getString(5) == null ? null : ErrorCode.valueOf(row.getString(5)))
                            : Outcome.refused(new ApiException(
                                    ErrorCode.SEQUENCE_CONFLICT,
                                    "sequence " + save.sequence() + " holds another answer"));
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
            return Outcome.refused(new ApiException(
                    ErrorCode.SEQUENCE_GAP, "sequence " + save.sequence() + " sent, " + (last + 1) + " expected"));
        }
        if (previous == null || !AnswerChain.next(previous, save).equals(save.hash())) {
            return Outcome.refused(new ApiException(
                    ErrorCode.CHAIN_BROKEN, "sequence " + save.sequence() + " does not chain to the stored record"));
        }
        ApiException notCounted = pending.rules() == null ? null : ruleRefusal(connection, current, pending);
        if (notCounted != null) {
            LOG.info(
                    "candidate {} sequence {} stored but not counted: {}",
                    current.candidateNumber(),
                    save.sequence(),
                    notCounted.getMessage());
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO answers (candidate_id, sequence,"
                        + " item_id, choices, text, received_at, hash, not_counted) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement seen =
                        connection.prepareStatement("UPDATE candidates SET last_seen = ? WHERE id = ?")) {
            insert.setLong(1, candidateId);
            insert.setLong(2, save.sequence());
            insert.setString(3, save.itemId());
            insert.setString(4, choices);
            insert.setString(5, text);
            insert.setLong(6, pending.now());
            insert.setString(7, save.hash());
            insert.setString(8, notCounted == null ? null : notCounted.error().name());
            insert.executeUpdate();
            seen.setLong(1, pending.now());
            seen.setLong(2, candidateId);
            seen.executeUpdate();
        }
        return notCounted == null ? Outcome.COUNTED : new Outcome(null, notCounted.error());
    }

    /**
     * The paper rule a change breaks, or null: a locked case step, a section left for good, a step opened early
     * (rebuilt from the counted record's latest entry per question) or a timed section out of time. The first
     * accepted change in a timed section records the candidate's entry.
     */
    private static ApiException ruleRefusal(Connection connection, CandidateRecord current, Pending pending)
            throws SQLException {
        AnswerSave save = pending.save();
        List<Navigation.Visit> visits = new ArrayList<>();
        // The latest counted entry per question or move event, without reading the answers' text.
        try (PreparedStatement query = connection.prepareStatement("SELECT item_id, MAX(sequence),"
                + " choices = '' AND text = '' FROM answers WHERE candidate_id = ? AND not_counted IS NULL"
                + " GROUP BY item_id")) {
            query.setLong(1, current.id());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    visits.add(new Navigation.Visit(rows.getString(1), rows.getBoolean(3), rows.getLong(2)));
                }
            }
        }
        Navigation navigation = new Navigation(pending.rules().questions());
        navigation.resume(visits);
        Set<String> answered = new HashSet<>();
        visits.stream().filter(v -> !v.blank()).forEach(v -> answered.add(v.id()));
        Optional<Navigation.Refusal> refusal = navigation.refusal(save.itemId(), answered::contains);
        if (refusal.isPresent()) {
            return new ApiException(refusal.get().code(), refusal.get().reason());
        }
        DeliveredSection section = pending.rules().sectionOf(save.itemId());
        Long limit = section == null ? null : pending.rules().timed().limits().get(section.id());
        if (limit == null) {
            return null;
        }
        return SectionTimes.enter(
                        connection,
                        current,
                        section.id(),
                        limit,
                        pending.rules().timed(),
                        pending.now())
                .orElse(null);
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
    private record Pending(
            CandidateRecord candidate, AnswerSave save, long now, Rules rules, Promise<ErrorCode> done) {}

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
            DeliveredItem question = byId.get(Moves.questionOf(id));
            return question == null ? null : question.section();
        }
    }
}
