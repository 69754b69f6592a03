package org.readroom.core.paper;

import java.util.List;
import org.readroom.core.protocol.DeliveredItem;
import org.readroom.core.protocol.DeliveredSection;
import org.readroom.core.text.LocalizedText;

/**
 * A paper as it travels in a package: items in authoring order, with no answer keys. Each item carries its section
 * (title, time limit, irreversible, order kept), and a case question its group (with locks-once-answered). A kiosk
 * derives its candidate's item and option order from the candidate's seed, so one package serves everyone.
 */
public record PaperContent(String paperId, LocalizedText title, int durationMinutes, List<DeliveredItem> items) {

    public PaperContent {
        items = List.copyOf(items);
    }

    public static PaperContent of(Paper paper) {
        return new PaperContent(
                paper.id(), paper.title(), paper.durationMinutes(), CandidatePaper.inAuthoringOrder(paper));
    }

    /**
     * The paper's sections in order, read from its items (so they cannot disagree); a package built before sections
     * has one.
     */
    public List<DeliveredSection> sections() {
        return CandidatePaper.sections(items);
    }
}
