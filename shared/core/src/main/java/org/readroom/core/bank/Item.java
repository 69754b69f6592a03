package org.readroom.core.bank;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import org.readroom.core.text.LocalizedText;

/** An exam item with its answer key. Items are immutable; the bank hands out new versions instead of edits. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = SingleChoiceItem.class, name = "single_choice"),
    @JsonSubTypes.Type(value = MultipleChoiceItem.class, name = "multiple_choice"),
    @JsonSubTypes.Type(value = FillInItem.class, name = "fill_in"),
    @JsonSubTypes.Type(value = ShortAnswerItem.class, name = "short_answer")
})
public sealed interface Item permits SingleChoiceItem, MultipleChoiceItem, FillInItem, ShortAnswerItem {

    String id();

    LocalizedText stem();

    double marks();

    List<SeriesRef> images();

    /** The options a candidate chooses from; none for items answered in words. */
    default List<ChoiceOption> options() {
        return List.of();
    }

    /** True when a person must mark the answer. */
    default boolean needsMarking() {
        return false;
    }
}
