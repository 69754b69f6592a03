package org.readroom.core.paper;

import java.util.List;
import java.util.Objects;
import org.readroom.core.protocol.DeliveredItem;
import org.readroom.core.protocol.Messages.SavedAnswer;
import org.readroom.core.protocol.Messages.SectionClock;
import org.readroom.core.protocol.Messages.Sitting;
import org.readroom.core.text.LocalizedText;

/**
 * A paper as one candidate sits it on a kiosk: the package's content in the candidate's own order, with every answer
 * the server already holds (on resume), the last sequence number it acknowledged and the hash of that change (the
 * head the kiosk chains its next change to), and the time left in each timed section the candidate has entered.
 */
public record OpenedPaper(
        String paperId,
        LocalizedText title,
        int durationMinutes,
        List<DeliveredItem> items,
        List<SavedAnswer> answers,
        long lastSequence,
        String chainHead,
        List<SectionClock> sections) {

    public OpenedPaper {
        items = List.copyOf(items);
        answers = List.copyOf(answers == null ? List.of() : answers);
        sections = List.copyOf(sections == null ? List.of() : sections);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("paper " + paperId + " has no items");
        }
    }

    /** Puts a package's content into the candidate's order; refuses a package of another paper. */
    public static OpenedPaper of(PaperContent content, Sitting sitting) {
        if (!Objects.equals(content.paperId(), sitting.paperId())) {
            throw new IllegalArgumentException(
                    "the package holds paper " + content.paperId() + ", but this candidate sits " + sitting.paperId());
        }
        return new OpenedPaper(
                content.paperId(),
                content.title(),
                content.durationMinutes(),
                CandidatePaper.inCandidateOrder(content.items(), sitting.seed()),
                sitting.answers(),
                sitting.lastSequence(),
                sitting.chainHead(),
                sitting.sections());
    }
}
