package org.readroom.core.scoring;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Normalises fill-in answers so that typing habits do not cost marks: full-width characters become half-width
 * (NFKC), case is folded, and runs of white space (including the ideographic space) collapse to one.
 */
public final class TextNormalizer {

    private TextNormalizer() {}

    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return folded.strip().replaceAll("\\s+", " ");
    }
}
