package org.readroom.server.bank.qti;

import java.io.IOException;
import java.util.List;

/**
 * A QTI export stopped without writing a package: some item needs a picture that cannot be made, most often because
 * its series is not in the case library. {@link #problems()} has one sentence per problem naming the item and series.
 */
public final class QtiExportException extends IOException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public QtiExportException(List<String> problems) {
        super("nothing exported: " + String.join("; ", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("problems must not be empty");
        }
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
