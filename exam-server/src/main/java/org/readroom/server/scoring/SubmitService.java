package org.readroom.server.scoring;

import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.readroom.core.bank.ChoiceOption;
import org.readroom.core.bank.HotspotItem;
import org.readroom.core.bank.Item;
import org.readroom.core.errors.ApiException;
import org.readroom.core.errors.ErrorCode;
import org.readroom.core.journal.AnswerChain;
import org.readroom.core.paper.Paper;
import org.readroom.core.protocol.Messages.AnswerSave;
import org.readroom.core.protocol.Messages.SavedAnswer;
import org.readroom.core.protocol.Messages.SubmitRequest;
import org.readroom.core.scoring.Answer;
import org.readroom.core.scoring.ItemScore;
import org.readroom.core.scoring.ScoreStatus;
import org.readroom.core.scoring.Scorer;
import org.readroom.core.session.CandidateLifecycle;
import org.readroom.core.session.CandidateStatus;
import org.readroom.server.exam.CandidateRecord;
import org.readroom.server.exam.ExamStore;
import org.readroom.server.store.Database;

/**
 * Hands a candidate's exam in: in one transaction the candidate becomes SUBMITTED, every objective item is scored
 * and every subjective answer joins the marking queue under a script number (no name), so a crash can never leave
 * a submitted candidate unscored.
 */
public final class SubmitService {

    /** Answers in flight at the deadline are accepted for this long; the server closes a candidate after it. */
    public static final long GRACE_MILLIS = 30_000;

    private final Database database;

    public SubmitService(Database database) {
        this.database = database;
    }

    /**
     * Hands in. {@code closedBy} says who: "candidate" (with the kiosk's {@code request}: its last sequence and chain
     * head must match what the server stored), or "proctor"/"deadline" (request null: the stored record is final).
     * The stored chain is checked link by link and its head recorded.
     */
    public Future<ResultSheet> submit(long candidateId, Paper paper, long now, String closedBy, SubmitRequest request) {
        return database.write(connection -> {
            CandidateRecord candidate = ExamStore.candidate(connection, candidateId);
            if (candidate.status() == CandidateStatus.SUBMITTED) {
                throw new ApiException(ErrorCode.ALREADY_SUBMITTED, "candidate " + candidate.candidateNumber());
            }
            if (!CandidateLifecycle.allows(candidate.status(), CandidateStatus.SUBMITTED)) {
                throw new ApiException(
                        ErrorCode.NOT_ALLOWED_NOW,
                        "candidate " + candidate.candidateNumber() + " cannot be handed in while "
                                + candidate.status());
            }
            if ("deadline".equals(closedBy)
                    && (candidate.status() != CandidateStatus.SITTING
                            || !candidate
                                    .time()
                                    .map(t -> t.isClosed(now, GRACE_MILLIS))
                                    .orElse(false))) {
                // Extra time or a pause arrived after the sweep found this candidate: not overdue any more.
                throw new ApiException(
                        ErrorCode.NOT_ALLOWED_NOW, "candidate " + candidate.candidateNumber() + " is not overdue");
            }
            String head = verifiedHead(connection, candidate, request);
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE candidates SET status = ?,"
                            + " submitted_at = ?, last_seen = ?, chain_head = ?, closed_by = ?, paused_since = 0 WHERE id = ?")) {
                update.setString(1, CandidateStatus.SUBMITTED.name());
                update.setLong(2, now);
                update.setLong(3, now);
                update.setString(4, head);
                update.setString(5, closedBy);
                update.setLong(6, candidateId);
                update.executeUpdate();
            }
            Map<String, SavedAnswer> answers = ExamStore.latestAnswers(connection, candidateId).stream()
                    .collect(Collectors.toMap(SavedAnswer::itemId, Function.identity()));
            List<ResultSheet.Row> rows = new ArrayList<>();
            List<Item> questions = paper.questions();
            for (int i = 0; i < questions.size(); i++) {
                Item item = questions.get(i);
                SavedAnswer saved = answers.get(item.id());
                Answer answer = saved == null ? null : new Answer(item.id(), saved.choices(), saved.text());
                ItemScore score = Scorer.score(item, answer);
                store(connection, candidate, score, answer, now);
                rows.add(new ResultSheet.Row(
                        i + 1,
                        item.id(),
                        item.stem(),
                        describe(item, answer),
                        score.awarded(),
                        score.max(),
                        score.status()));
            }
            return new ResultSheet(
                    candidate.candidateNumber(),
                    candidate.name(),
                    candidate.seat(),
                    candidate.sessionTitle(),
                    paper.title(),
                    now,
                    head,
                    rows);
        });
    }

    /** The head of the stored chain after checking every link, and that it is what the kiosk says it sent. */
    private static String verifiedHead(Connection connection, CandidateRecord candidate, SubmitRequest request)
            throws SQLException {
        List<AnswerSave> record = ExamStore.record(connection, candidate.id());
        String genesis = AnswerChain.genesis(candidate.sessionId(), candidate.candidateNumber());
        Optional<Long> broken = AnswerChain.firstBrokenLink(genesis, record, null);
        if (broken.isPresent()) {
            throw new ApiException(
                    ErrorCode.CHAIN_BROKEN,
                    "candidate " + candidate.candidateNumber() + ": stored record breaks at sequence " + broken.get());
        }
        String head = record.isEmpty() ? genesis : record.get(record.size() - 1).hash();
        if (request != null) {
            if (request.lastSequence() > record.size()) {
                throw new ApiException(
                        ErrorCode.SEQUENCE_GAP,
                        "kiosk sent up to " + request.lastSequence() + ", server holds " + record.size());
            }
            if (request.lastSequence() != record.size() || !head.equals(request.chainHead())) {
                throw new ApiException(
                        ErrorCode.CHAIN_BROKEN,
                        "kiosk's chain head for sequence " + request.lastSequence()
                                + " differs from the stored record");
            }
        }
        return head;
    }

    private static void store(
            Connection connection, CandidateRecord candidate, ItemScore score, Answer answer, long now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT OR REPLACE INTO item_scores"
                + " (candidate_id, item_id, awarded, max, status) VALUES (?, ?, ?, ?, ?)")) {
            insert.setLong(1, candidate.id());
            insert.setString(2, score.itemId());
            insert.setDouble(3, score.awarded());
            insert.setDouble(4, score.max());
            insert.setString(5, score.status().name());
            insert.executeUpdate();
        }
        if (score.status() == ScoreStatus.AWAITING_MARKING) {
            try (PreparedStatement queue = connection.prepareStatement("INSERT OR IGNORE INTO marking_queue"
                    + " (candidate_id, item_id, script_number, answer_text, queued_at) VALUES (?, ?, ?, ?, ?)")) {
                queue.setLong(1, candidate.id());
                queue.setString(2, score.itemId());
                queue.setString(3, candidate.scriptNumber());
                queue.setString(4, answer == null ? "" : answer.text());
                queue.setLong(5, now);
                queue.executeUpdate();
            }
        }
    }

    /** The answer as a reader sees it: chosen options by their text, or the written text. */
    static String describe(Item item, Answer answer) {
        if (answer == null || answer.isBlank()) {
            return "";
        }
        if (item instanceof HotspotItem) {
            // "frame:x,y" means nothing to a reader: the image number counts from 1, as viewers show it.
            return HotspotItem.parseAnswer(answer.text())
                    .map(mark -> {
                        var at = ((org.readroom.core.imaging.HotspotRegion.PointRegion) mark.region()).at();
                        return String.format(
                                java.util.Locale.ROOT,
                                "第%d幅图像 (%.0f, %.0f) · image %d at (%.0f, %.0f)",
                                mark.sliceIndex() + 1,
                                at.x(),
                                at.y(),
                                mark.sliceIndex() + 1,
                                at.x(),
                                at.y());
                    })
                    .orElse(answer.text());
        }
        List<ChoiceOption> options = item.options();
        if (options.isEmpty()) {
            return answer.text();
        }
        return options.stream()
                .filter(o -> answer.choices().contains(o.id()))
                .map(o -> o.text().zh().isBlank() ? o.text().en() : o.text().zh())
                .collect(Collectors.joining("; "));
    }
}
