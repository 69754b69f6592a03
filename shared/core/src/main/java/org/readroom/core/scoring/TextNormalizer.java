package org.readroom.core.scoring;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.readroom.core.bank.FillInRules;

/**
 * Normalises fill-in answers so that typing habits do not cost marks: full-width characters become half-width
 * (NFKC), runs of white space (including the ideographic space) collapse to one, and, as the item's
 * {@link FillInRules} say, case is folded, punctuation dropped, spaces dropped and synonyms read as one term.
 */
public final class TextNormalizer {

    private static final Pattern LONE_DOT = Pattern.compile("(?<!\\d)\\.|\\.(?!\\d)");
    private static final Pattern PUNCTUATION = Pattern.compile("[\\p{P}&&[^.]]");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Each rule set's synonym table, built once: scoring normalises every answer of every candidate. */
    private static final Map<FillInRules, List<String[]>> TABLES = new ConcurrentHashMap<>();

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
            folded = PUNCTUATION
                    .matcher(LONE_DOT.matcher(folded).replaceAll(" "))
                    .replaceAll(" ");
        }
        folded = rules.ignoreSpaces()
                ? SPACES.matcher(folded).replaceAll("")
                : SPACES.matcher(folded.strip()).replaceAll(" ");
        return replaceSynonyms(folded.strip(), rules);
    }

    private static String replaceSynonyms(String text, FillInRules rules) {
        if (rules.synonyms().isEmpty()) {
            return text;
        }
        List<String[]> replacements = TABLES.computeIfAbsent(rules, TextNormalizer::synonymTable);
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

    /**
     * Each term normalised like the answer (without synonyms), with its group's first term, longest terms first so
     * that "右肺上叶" is not half-replaced by a shorter synonym.
     */
    private static List<String[]> synonymTable(FillInRules rules) {
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
        return List.copyOf(replacements);
    }
}
