package org.readroom.core.paper.assembly;

import com.fasterxml.jackson.databind.util.StdConverter;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.readroom.core.bank.Difficulty;
import org.readroom.core.bank.ItemType;
import org.readroom.core.bank.Topic;

/** The words a blueprint's JSON uses for a rule's criteria: bank-file type names, topic paths, difficulty words. */
final class RuleJson {

    private RuleJson() {}

    static final class TypeName extends StdConverter<ItemType, String> {
        @Override
        public String convert(ItemType value) {
            return value.wireName();
        }
    }

    static final class TypeOf extends StdConverter<String, ItemType> {
        @Override
        public ItemType convert(String value) {
            ItemType type = ItemType.parse(value);
            if (type == null) {
                throw new IllegalArgumentException("rule type: unknown item type '" + value + "' (one of "
                        + Arrays.stream(ItemType.values())
                                .map(ItemType::wireName)
                                .collect(Collectors.joining(", "))
                        + ")");
            }
            return type;
        }
    }

    static final class TopicPath extends StdConverter<Topic, String> {
        @Override
        public String convert(Topic value) {
            return value.path();
        }
    }

    static final class TopicOf extends StdConverter<String, Topic> {
        @Override
        public Topic convert(String value) {
            return Topic.parse(value);
        }
    }

    static final class DifficultyName extends StdConverter<Difficulty, String> {
        @Override
        public String convert(Difficulty value) {
            return value.wireName();
        }
    }

    static final class DifficultyOf extends StdConverter<String, Difficulty> {
        @Override
        public Difficulty convert(String value) {
            Difficulty difficulty = Difficulty.parse(value);
            if (difficulty == null) {
                throw new IllegalArgumentException(
                        "rule difficulty: unknown difficulty '" + value + "' (easy, medium, hard or 易, 中, 难)");
            }
            return difficulty;
        }
    }
}
