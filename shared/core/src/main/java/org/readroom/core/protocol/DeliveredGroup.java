package org.readroom.core.protocol;

import java.util.List;
import org.readroom.core.bank.SeriesRef;
import org.readroom.core.text.LocalizedText;

/**
 * What the questions of a case cluster (A3/A4) or a B1 set share: the case history or instruction, the images, and
 * whether a question locks once the candidate moves past it.
 */
public record DeliveredGroup(
        String id, Kind kind, LocalizedText text, List<SeriesRef> images, boolean locksOnceAnswered, int size) {

    /** The two kinds of group. */
    public enum Kind {
        CASE,
        MATCHING
    }

    public DeliveredGroup {
        images = List.copyOf(images == null ? List.of() : images);
    }
}
