package org.readroom.core.paper.navigation;

/**
 * Move events in a candidate's answer chain: a move that locks a case step or closes a section is journalled and
 * sent like an answer, with the id {@code "@moved-to:" + question} and no choices or text, so the server and a
 * restarted kiosk know the candidate left. Question ids are letters, digits, '_', '.' and '-', so no question id
 * starts with '@'.
 */
public final class Moves {

    private static final String PREFIX = "@moved-to:";

    private Moves() {}

    /** The id of the event "the candidate moved to {@code questionId}". */
    public static String eventId(String questionId) {
        return PREFIX + questionId;
    }

    /** True when {@code id} names a move event rather than a question. */
    public static boolean isMove(String id) {
        return id != null && id.startsWith(PREFIX);
    }

    /** The question an entry of the record names: the move event's target, or the answered question itself. */
    public static String questionOf(String id) {
        return isMove(id) ? target(id) : id;
    }

    /** The question a move event names. */
    public static String target(String id) {
        if (!isMove(id)) {
            throw new IllegalArgumentException(id + " is not a move event");
        }
        return id.substring(PREFIX.length());
    }
}
