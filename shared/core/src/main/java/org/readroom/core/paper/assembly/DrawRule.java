package org.readroom.core.paper.assembly;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.ArrayList;
import java.util.List;
import org.readroom.core.bank.Difficulty;
import org.readroom.core.bank.Item;
import org.readroom.core.bank.ItemType;
import org.readroom.core.bank.Topic;

/**
 * "Draw {@code count} items of this type, topic and difficulty from the bank"; a null criterion matches anything. A
 * topic matches items of that topic or anything below it ("胸部" matches "胸部/肺/肺结节"). A case cluster or B1 set
 * counts as one item of its type and brings all its questions. In JSON: {@code {"count": 3, "type": "single_choice",
 * "topic": "胸部/肺", "difficulty": "hard"}}.
 */
public record DrawRule(
        int count,
        @JsonSerialize(converter = RuleJson.TypeName.class) @JsonDeserialize(converter = RuleJson.TypeOf.class)
                ItemType type,
        @JsonSerialize(converter = RuleJson.TopicPath.class) @JsonDeserialize(converter = RuleJson.TopicOf.class)
                Topic topic,
        @JsonSerialize(converter = RuleJson.DifficultyName.class)
                @JsonDeserialize(converter = RuleJson.DifficultyOf.class)
                Difficulty difficulty) {

    /** More than any paper needs; a typo such as 1000 instead of 10 is refused instead of searched for. */
    static final int MAX_COUNT = 500;

    public DrawRule {
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("rule count must be 1.." + MAX_COUNT + ", was " + count);
        }
    }

    /** True when the item fits every criterion this rule gives. */
    public boolean matches(Item item) {
        if (type != null && item.type() != type) {
            return false;
        }
        if (topic != null
                && (item.info().topic() == null || !item.info().topic().isWithin(topic))) {
            return false;
        }
        return difficulty == null || item.info().difficulty() == difficulty;
    }

    /** How specific the rule is: one per criterion, topic by its depth. Specific rules draw first. */
    int specificity() {
        return (type == null ? 0 : 1)
                + (difficulty == null ? 0 : 1)
                + (topic == null ? 0 : topic.levels().size());
    }

    /** The rule in words: "3 × single_choice, topic 胸部/肺, hard". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add(count + " × " + (type == null ? "any type" : type.wireName()));
        if (topic != null) {
            parts.add("topic " + topic.path());
        }
        if (difficulty != null) {
            parts.add(difficulty.wireName());
        }
        return String.join(", ", parts);
    }
}
