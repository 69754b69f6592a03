package org.readroom.server.scoring;

import java.util.List;
import org.readroom.core.scoring.ScoreStatus;
import org.readroom.core.text.LocalizedText;

/**
 * Everything a candidate's result report shows, gathered at submit time, with the head of the answer chain recorded
 * then (the report prints it so a record can be checked against the paper copy).
 */
public record ResultSheet(
        String candidateNumber,
        String candidateName,
        String seat,
        LocalizedText sessionTitle,
        LocalizedText paperTitle,
        long submittedAt,
        String chainHead,
        List<Row> rows) {

    public ResultSheet {
        rows = List.copyOf(rows);
    }

    /** One item: its position in the paper, stem, the candidate's answer as text, and the score. */
    public record Row(
            int number,
            String itemId,
            LocalizedText stem,
            String answer,
            double awarded,
            double max,
            ScoreStatus status) {}

    public double awardedTotal() {
        return rows.stream().mapToDouble(Row::awarded).sum();
    }

    public double maxTotal() {
        return rows.stream().mapToDouble(Row::max).sum();
    }

    public long awaitingMarking() {
        return rows.stream()
                .filter(r -> r.status() == ScoreStatus.AWAITING_MARKING)
                .count();
    }
}
