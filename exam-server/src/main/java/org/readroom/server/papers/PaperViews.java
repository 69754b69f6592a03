package org.readroom.server.papers;

import java.util.List;
import org.readroom.core.bank.Item;
import org.readroom.core.paper.Paper;
import org.readroom.core.paper.PaperSection;
import org.readroom.core.paper.assembly.PaperBlueprint;
import org.readroom.core.text.LocalizedText;

/** What the admin's paper endpoints answer: whole papers with marks per section, summaries, and refusals. */
public final class PaperViews {

    private PaperViews() {}

    /**
     * A paper as the admin reviews it: sections with their marks and question counts, the items with their keys, the
     * blueprint it was drawn from (null for a fixed paper) and whether it is stored (false for a dry run).
     */
    public record PaperView(
            String id,
            LocalizedText title,
            int durationMinutes,
            double totalMarks,
            int questions,
            List<SectionView> sections,
            List<Item> items,
            PaperBlueprint blueprint,
            boolean stored) {}

    /** One section: its items in authoring order, time limit, irreversibility, kept order, and marks. */
    public record SectionView(
            String id,
            LocalizedText title,
            List<String> itemIds,
            Integer timeLimitMinutes,
            boolean irreversible,
            boolean keepOrder,
            Double expectedMarks,
            double marks,
            int questions) {}

    /** One line of the admin's list of papers. */
    public record PaperSummary(
            String id,
            LocalizedText title,
            int durationMinutes,
            int sections,
            int items,
            int questions,
            double totalMarks) {}

    /**
     * The 422 answer when a paper cannot be made: the error envelope's fields plus every problem, each naming its
     * section and rule (e.g. "section B rule 2 (3 × single_choice, topic 胸部/肺, hard): the bank has 1 such item not
     * already used (needs 3)").
     */
    public record PaperRefused(String code, String key, String message, String paperId, List<String> problems) {}

    static PaperView view(Paper paper, PaperBlueprint blueprint, boolean stored) {
        List<SectionView> sections = paper.sections().stream()
                .map(section -> section(paper, section))
                .toList();
        return new PaperView(
                paper.id(),
                paper.title(),
                paper.durationMinutes(),
                paper.totalMarks(),
                paper.questions().size(),
                sections,
                paper.items(),
                blueprint,
                stored);
    }

    private static SectionView section(Paper paper, PaperSection section) {
        int questions = paper.items().stream()
                .filter(item -> section.itemIds().contains(item.id()))
                .mapToInt(item -> item.parts().size())
                .sum();
        return new SectionView(
                section.id(),
                section.title(),
                section.itemIds(),
                section.timeLimitMinutes(),
                section.irreversible(),
                section.keepOrder(),
                section.expectedMarks(),
                paper.marks(section),
                questions);
    }

    static PaperSummary summary(Paper paper) {
        return new PaperSummary(
                paper.id(),
                paper.title(),
                paper.durationMinutes(),
                paper.sections().size(),
                paper.items().size(),
                paper.questions().size(),
                paper.totalMarks());
    }
}
