package org.readroom.core.paper.assembly;

import java.util.List;

/**
 * A blueprint the bank cannot satisfy, with every reason: each unmet rule (naming its section, the rule in words and
 * how many items the bank has for it), each unknown or repeated fixed item, and each marks or time check that fails.
 */
public final class AssemblyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String paperId;
    private final transient List<String> problems;

    public AssemblyException(String paperId, List<String> problems) {
        super("paper " + paperId + " cannot be assembled: " + String.join("; ", problems));
        this.paperId = paperId;
        this.problems = List.copyOf(problems);
    }

    public String paperId() {
        return paperId;
    }

    /** Every problem, one sentence each, in section and rule order. */
    public List<String> problems() {
        return problems;
    }
}
