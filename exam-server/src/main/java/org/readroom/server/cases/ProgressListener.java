package org.readroom.server.cases;

/**
 * Hears about a running case import, on the import's worker thread: keep the calls short (print a line, update a
 * counter); a route handler hands them to its event loop itself.
 */
public interface ProgressListener {

    /** {@code done} of {@code total} source files have been looked at. */
    void progress(int done, int total);

    /** A source file that will not be part of the import, with a one-sentence reason. */
    void skipped(String file, String reason);

    /** A source file that is imported but that someone should look at (e.g. burned-in text may be present). */
    void warning(String file, String message);

    /** A listener that ignores everything (the report still lists skipped files and warnings). */
    static ProgressListener silent() {
        return new ProgressListener() {
            @Override
            public void progress(int done, int total) {}

            @Override
            public void skipped(String file, String reason) {}

            @Override
            public void warning(String file, String message) {}
        };
    }
}
