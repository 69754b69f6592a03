package org.readroom.core.bank;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import org.readroom.core.text.LocalizedText;

/**
 * An exam item with its answer key. Items are immutable; the bank hands out new versions instead of edits. Two types
 * group questions ({@link CaseClusterItem}, {@link MatchingItem}); the others are single questions. Candidates answer,
 * and scoring scores, the {@link #parts()}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = SingleChoiceItem.class, name = "single_choice"),
    @JsonSubTypes.Type(value = MultipleChoiceItem.class, name = "multiple_choice"),
    @JsonSubTypes.Type(value = TrueFalseItem.class, name = "true_false"),
    @JsonSubTypes.Type(value = CaseClusterItem.class, name = "case_cluster"),
    @JsonSubTypes.Type(value = MatchingItem.class, name = "matching"),
    @JsonSubTypes.Type(value = FillInItem.class, name = "fill_in"),
    @JsonSubTypes.Type(value = NumericItem.class, name = "numeric"),
    @JsonSubTypes.Type(value = HotspotItem.class, name = "hotspot"),
    @JsonSubTypes.Type(value = ShortAnswerItem.class, name = "short_answer"),
    @JsonSubTypes.Type(value = ReportItem.class, name = "report")
})
public sealed interface Item
        permits SingleChoiceItem,
                MultipleChoiceItem,
                TrueFalseItem,
                CaseClusterItem,
                MatchingItem,
                FillInItem,
                NumericItem,
                HotspotItem,
                ShortAnswerItem,
                ReportItem {

    String id();

    /** The question, or for a group the case history or instruction shared by its questions. */
    LocalizedText stem();

    double marks();

    List<SeriesRef> images();

    ItemInfo info();

    ItemType type();

    /** The options a candidate chooses from; none for items answered in words, numbers or marks. */
    default List<ChoiceOption> options() {
        return List.of();
    }

    /** True when a person must mark the answer (or, for a group, one of its questions). */
    default boolean needsMarking() {
        return false;
    }

    /** The questions a candidate answers: this item itself, or a group's questions in order. */
    default List<Item> parts() {
        return List.of(this);
    }

    /** True for case clusters and B1 sets. */
    @JsonIgnore
    default boolean isGroup() {
        return false;
    }
}
