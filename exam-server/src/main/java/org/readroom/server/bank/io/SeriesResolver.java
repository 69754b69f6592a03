package org.readroom.server.bank.io;

import java.util.Optional;
import org.readroom.core.bank.SeriesRef;

/**
 * Finds an imaging series by the id it got at case import, so bank files can name a series ("images": ["CT-0001"])
 * instead of listing its slices' content hashes.
 */
@FunctionalInterface
public interface SeriesResolver {

    /** A resolver that knows no series (every reference is reported as unknown). */
    SeriesResolver NONE = seriesId -> Optional.empty();

    Optional<SeriesRef> find(String seriesId);
}
