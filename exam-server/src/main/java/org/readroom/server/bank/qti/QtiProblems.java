package org.readroom.server.bank.qti;

import java.util.List;
import org.readroom.server.bank.io.BankProblem;
import org.w3c.dom.Element;

/** Collects the problems of one QTI file, each placed at the line of the element it concerns. */
final class QtiProblems {

    private final List<BankProblem> all;
    final String file;
    private int mine;

    QtiProblems(String file, List<BankProblem> all) {
        this.file = file;
        this.all = all;
    }

    /** The same sink, for another file of the package. */
    QtiProblems forFile(String otherFile) {
        return new QtiProblems(otherFile, all);
    }

    void add(Element at, String field, String message) {
        int line = QtiXml.line(at);
        addAt(line == 0 ? "" : String.valueOf(line), field, message);
    }

    void addAt(String where, String field, String message) {
        all.add(new BankProblem(file, where, field, message));
        mine++;
    }

    /** True when this file (through this object) has had a problem. */
    boolean any() {
        return mine > 0;
    }
}
