package org.readroom.core.bank;

import java.util.List;

/**
 * How a fill-in answer is compared with the accepted answers. Full-width characters always count as their half-width
 * forms (NFKC) and runs of spaces as one. By default case and punctuation are ignored too; {@code ignoreSpaces}
 * drops spaces altogether (useful for Chinese answers). Each synonym group lists terms that count as the same: every
 * occurrence of a later term is read as the group's first term, in the answer and in the accepted answers alike.
 */
public record FillInRules(
        boolean caseSensitive, boolean keepPunctuation, boolean ignoreSpaces, List<List<String>> synonyms) {

    public static final FillInRules DEFAULT = new FillInRules(false, false, false, List.of());

    public FillInRules {
        synonyms = synonyms == null
                ? List.of()
                : synonyms.stream().map(List::copyOf).toList();
        for (List<String> group : synonyms) {
            if (group.size() < 2 || group.stream().anyMatch(s -> s == null || s.isBlank())) {
                throw new IllegalArgumentException(
                        "synonyms: each group needs at least 2 terms, none blank, was " + group);
            }
        }
    }

    static FillInRules orDefault(FillInRules rules) {
        return rules == null ? DEFAULT : rules;
    }
}
