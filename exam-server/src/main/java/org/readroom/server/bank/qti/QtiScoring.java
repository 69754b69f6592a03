package org.readroom.server.bank.qti;

import static org.readroom.server.bank.qti.QtiXml.attr;
import static org.readroom.server.bank.qti.QtiXml.child;
import static org.readroom.server.bank.qti.QtiXml.children;
import static org.readroom.server.bank.qti.QtiXml.descendants;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.readroom.core.bank.PartialCredit;
import org.w3c.dom.Element;

/**
 * Reads the scoring side of a QTI item: response declarations (key, mapping, area mapping), MAXSCORE, the tolerance of
 * a numeric comparison, and which ReadRoom partial-credit rule a multiple-response mapping expresses.
 */
final class QtiScoring {

    private final Element item;
    private final QtiProblems problems;
    private final Map<String, Element> declarations = new LinkedHashMap<>();

    QtiScoring(Element item, QtiProblems problems) {
        this.item = item;
        this.problems = problems;
        for (Element declaration : children(item, "qti-response-declaration")) {
            declarations.put(attr(declaration, "identifier"), declaration);
        }
    }

    /** The declaration an interaction answers into; a problem when there is none. */
    Element declaration(Element interaction) {
        String id = attr(interaction, "response-identifier");
        Element declaration = id == null ? null : declarations.get(id);
        if (declaration == null) {
            problems.add(
                    interaction,
                    "response-identifier",
                    id == null
                            ? "the interaction names no response-identifier"
                            : "no qti-response-declaration with identifier " + id);
        }
        return declaration;
    }

    /** The correct values (raw text), or a problem naming the response when the key is missing. */
    List<String> correctValues(Element declaration) {
        List<String> values = new ArrayList<>();
        for (Element value : descendants(child(declaration, "qti-correct-response"), "qti-value")) {
            values.add(value.getTextContent().strip());
        }
        if (values.isEmpty()) {
            problems.add(
                    declaration,
                    "qti-correct-response",
                    "response " + attr(declaration, "identifier")
                            + " has no correct response; ReadRoom needs the answer key to score the item");
        }
        return values;
    }

    /** The map entries in file order (key to mapped value); empty when there is no mapping. */
    Map<String, Double> mapping(Element declaration) {
        Map<String, Double> entries = new LinkedHashMap<>();
        for (Element entry : children(child(declaration, "qti-mapping"), "qti-map-entry")) {
            Double value = number(entry, "mapped-value");
            if (value != null) {
                entries.put(attr(entry, "map-key"), value);
            }
        }
        return entries;
    }

    Element mappingElement(Element declaration) {
        return child(declaration, "qti-mapping");
    }

    /** MAXSCORE's default value, or null when the item declares none (a problem when it is not a number > 0). */
    Double maxScore() {
        for (Element outcome : children(item, "qti-outcome-declaration")) {
            if (QtiVocabulary.MAXSCORE.equals(attr(outcome, "identifier"))) {
                Element value = child(child(outcome, "qti-default-value"), "qti-value");
                if (value == null) {
                    return null;
                }
                try {
                    double max = Double.parseDouble(value.getTextContent().strip());
                    if (max > 0 && Double.isFinite(max)) {
                        return max;
                    }
                } catch (NumberFormatException e) {
                    // reported below
                }
                problems.add(
                        value,
                        "MAXSCORE",
                        "must be a number > 0, was " + value.getTextContent().strip());
                return null;
            }
        }
        return null;
    }

    /** The absolute tolerance of the first {@code qti-equal} in the response processing; 0 when there is none. */
    double tolerance() {
        for (Element equal : descendants(child(item, "qti-response-processing"), "qti-equal")) {
            String mode = attr(equal, "tolerance-mode");
            if (mode == null || mode.equals("exact")) {
                return 0;
            }
            if (!mode.equals("absolute")) {
                problems.add(
                        equal,
                        "tolerance-mode",
                        "ReadRoom reads an absolute tolerance (value ± tolerance), not " + mode);
                return 0;
            }
            String[] bounds = String.valueOf(attr(equal, "tolerance")).strip().split("\\s+");
            try {
                double lower = Double.parseDouble(bounds[0]);
                double upper = bounds.length > 1 ? Double.parseDouble(bounds[1]) : lower;
                if (lower != upper) {
                    problems.add(
                            equal,
                            "tolerance",
                            "ReadRoom needs the same tolerance below and above, was " + attr(equal, "tolerance"));
                }
                return lower;
            } catch (NumberFormatException e) {
                problems.add(equal, "tolerance", "must be one or two numbers, was " + attr(equal, "tolerance"));
                return 0;
            }
        }
        return 0;
    }

    /**
     * The partial-credit rule a multiple-response item's scoring expresses: no mapping is all-or-nothing; a mapping of
     * +marks/C per right option and −marks/W per wrong one, floored at 0, is right-minus-wrong; ±marks/n plus the
     * wrong options' share added back (a {@code qti-sum} in the response processing) is per-option. Null (and a
     * problem) for any other mapping.
     */
    PartialCredit partialCredit(Element declaration, List<String> options, Set<String> correct, double marks) {
        Map<String, Double> mapping = mapping(declaration);
        if (mapping.isEmpty()) {
            return PartialCredit.ALL_OR_NOTHING;
        }
        int right = correct.size();
        int wrong = options.size() - right;
        boolean offset =
                !descendants(child(item, "qti-response-processing"), "qti-sum").isEmpty();
        double share = marks / options.size();
        boolean perOption = offset;
        Double lowerBound = number(mappingElement(declaration), "lower-bound");
        boolean rightMinusWrong = !offset && lowerBound != null && lowerBound == 0;
        for (String option : options) {
            Double value = mapping.get(QtiIds.encode(option));
            boolean isRight = correct.contains(option);
            if (value == null) {
                perOption = false;
                rightMinusWrong = false;
                break;
            }
            perOption &= close(value, isRight ? share : -share);
            rightMinusWrong &= close(value, isRight ? marks / right : -marks / wrong);
        }
        if (perOption) {
            return PartialCredit.PER_OPTION;
        }
        if (rightMinusWrong) {
            return PartialCredit.RIGHT_MINUS_WRONG;
        }
        problems.add(
                mappingElement(declaration),
                "qti-mapping",
                "these mapped values match no ReadRoom partial-credit"
                        + " rule (all-or-nothing: no mapping; right-minus-wrong: +MAXSCORE/right per right option,"
                        + " -MAXSCORE/wrong per wrong option, lower-bound 0; per-option: see docs/bank-qti.md)");
        return null;
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
    }

    Double number(Element element, String attribute) {
        String text = attr(element, attribute);
        if (text == null) {
            return null;
        }
        try {
            double value = Double.parseDouble(text.strip());
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(element, attribute, "must be a number, was " + text);
        return null;
    }
}
