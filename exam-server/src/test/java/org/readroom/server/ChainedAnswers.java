package org.readroom.server;

import java.util.Set;
import org.readroom.core.journal.AnswerChain;
import org.readroom.core.protocol.Messages.AnswerSave;

/** Builds a candidate's answer changes with their chain hashes, as a kiosk does, for tests that talk protocol. */
final class ChainedAnswers {

    private String head;

    ChainedAnswers(long sessionId, String candidateNumber) {
        this.head = AnswerChain.genesis(sessionId, candidateNumber);
    }

    /** The next change, chained to the one before. */
    AnswerSave next(long sequence, String itemId, Set<String> choices, String text) {
        AnswerSave save = chained(head, sequence, itemId, choices, text);
        head = save.hash();
        return save;
    }

    String head() {
        return head;
    }

    static AnswerSave chained(String previous, long sequence, String itemId, Set<String> choices, String text) {
        AnswerSave unhashed = new AnswerSave(sequence, itemId, choices, text, null);
        return new AnswerSave(sequence, itemId, choices, text, AnswerChain.next(previous, unhashed));
    }
}
