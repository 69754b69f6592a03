package org.readroom.core.scoring;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.readroom.core.bank.FillInRules;

/**
 * Normalises fill-in answers so that typing habits do not cost marks: full-width characters become half-width
 * (NFKC), runs of white space (including the ideographic space) collapse to one, and, as the item's
 * {@link FillInRules} say, case is folded, punctuation dropped, spaces dropped and synonyms read as one term.
 */
public final class TextNormalizer {

    private TextNormalizer() {}

    /** The default rules: NFKC, case folded, punctuation dropped, spaces collapsed. */
    public static String normalize(String text) {
        return normalize(text, FillInRules.DEFAULT);
    }

    public static String normalize(String text, FillInRules rules) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
        if (!rules.caseSensitive()) {
            folded = folded.toLowerCase(Locale.ROOT);
        }
        if (!rules.keepPunctuation()) {
            // Unicode punctuation (P*) and symbols such as the ideographic full stop; a decimal point between digits
            // stays, so "1.5" does not become "15".
            folded = folded.replaceAll("(?<!\\d)\\.|\\.(?!\\d)", " ").replaceAll("[\\p{P}&&[^.]]", " ");
        }
        folded = rules.ignoreSpaces()
                ? folded.replaceAll("\\s+", "")
                : folded.strip().replaceAll("\\s+", " ");
        return replaceSynonyms(folded.strip(), rules);
    }

    private static String replaceSynonyms(String text, FillInRules rules) {
        if (rules.synonyms().isEmpty()) {
            return text;
        }
        // Each term is normalised like the answer (without synonyms) and replaced by its group's first term,
        // longest terms first so that "右肺上叶" is not half-replaced by a shorter synonym.
        List<String[]> replacements = new ArrayList<>();
        FillInRules plain = new FillInRules(rules.caseSensitive(), rules.keepPunctuation(), rules.ignoreSpaces(), null);
        for (List<String> group : rules.synonyms()) {
            String canonical = normalize(group.get(0), plain);
            // The first term maps to itself so that, longest match first, "MRI" is not read as "MR" + "I".
            for (String term : group) {
                replacements.add(new String[] {normalize(term, plain), canonical});
            }
        }
        replacements.sort(Comparator.comparingInt((String[] r) -> r[0].length()).reversed());
        StringBuilder out = new StringBuilder();
        int at = 0;
        outer:
        while (at < text.length()) {
            for (String[] replacement : replacements) {
                if (!replacement[0].isEmpty() && text.startsWith(replacement[0], at)) {
                    out.append(replacement[1]);
                    at += replacement[0].length();
                    continue outer;
                }
            }
            out.append(text.charAt(at));
            at++;
        }
        return out.toString();
    }
}
