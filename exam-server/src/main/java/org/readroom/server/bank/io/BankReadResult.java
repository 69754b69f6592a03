package org.readroom.server.bank.io;

import java.util.List;
import org.readroom.core.bank.Item;

/** What reading one bank file gave: the items that are valid, and every problem found (not only the first). */
public record BankReadResult(String file, List<Item> items, List<BankProblem> problems) {

    public BankReadResult {
        items = List.copyOf(items);
        problems = List.copyOf(problems);
    }

    public boolean isClean() {
        return problems.isEmpty();
    }
}
