package org.readroom.core.bank;

import java.util.List;
import org.readroom.core.text.LocalizedText;

/** An item's metadata: topic, difficulty and teaching points (shown in reports when the admin releases them). */
public record ItemInfo(Topic topic, Difficulty difficulty, List<LocalizedText> teachingPoints) {

    /** No topic, no difficulty, no teaching points. */
    public static final ItemInfo NONE = new ItemInfo(null, null, List.of());

    public ItemInfo {
        teachingPoints = List.copyOf(teachingPoints == null ? List.of() : teachingPoints);
    }

    /** Null-safe: a missing info is {@link #NONE}. */
    static ItemInfo orNone(ItemInfo info) {
        return info == null ? NONE : info;
    }
}
