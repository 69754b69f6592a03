package org.readroom.core.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.readroom.core.bank.CaseClusterItem;
import org.readroom.core.bank.FillInItem;
import org.readroom.core.bank.HotspotItem;
import org.readroom.core.bank.Item;
import org.readroom.core.bank.MatchingItem;
import org.readroom.core.bank.MultipleChoiceItem;
import org.readroom.core.bank.NumericItem;
import org.readroom.core.bank.SingleChoiceItem;
import org.readroom.core.bank.TrueFalseItem;

/**
 * Scores the questions of a paper ({@link Item#parts()}): objective ones by their rules, written ones reported as
 * awaiting marking. Awarded marks are rounded to 1/10,000 of a mark. Pure and thread-safe.
 */
public final class Scorer {

    private static final Pattern TRAILING_STOP = Pattern.compile("[.。]+$");
    private static final Pattern THOUSANDS = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d*)?(\\s*\\D.*)?");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+([.,]\\d*)?|[.,]\\d+)");

    private Scorer() {}

    public static ItemScore score(Item item, Answer answer) {
        if (item instanceof CaseClusterItem || item instanceof MatchingItem) {
            throw new IllegalArgumentException("item " + item.id() + " is a group: score each of its parts()");
        }
        if (answer != null && !answer.itemId().equals(item.id())) {
            throw new IllegalArgumentException("answer for " + answer.itemId() + " given to item " + item.id());
        }
        if (item.needsMarking()) {
            return new ItemScore(item.id(), 0, item.marks(), ScoreStatus.AWAITING_MARKING);
        }
        double fraction = answer == null || answer.isBlank() ? 0 : fractionRight(item, answer);
        double awarded = BigDecimal.valueOf(item.marks() * fraction)
                .setScale(4, RoundingMode.HALF_UP)
                .doubleValue();
        return new ItemScore(item.id(), Math.min(awarded, item.marks()), item.marks(), ScoreStatus.AUTO_SCORED);
    }

    /** The share of the marks an answer earns, 0..1. */
    private static double fractionRight(Item item, Answer answer) {
        if (item instanceof SingleChoiceItem single) {
            return whole(answer.choices().equals(Set.of(single.correctOption())));
        }
        if (item instanceof TrueFalseItem trueFalse) {
            return whole(answer.choices().equals(Set.of(trueFalse.correctOption())));
        }
        if (item instanceof MultipleChoiceItem multiple) {
            return multipleChoice(multiple, answer.choices());
        }
        if (item instanceof FillInItem fill) {
            String given = TextNormalizer.normalize(answer.text(), fill.rules());
            return whole(fill.acceptedAnswers().stream()
                    .map(accepted -> TextNormalizer.normalize(accepted, fill.rules()))
                    .anyMatch(given::equals));
        }
        if (item instanceof NumericItem numeric) {
            Double given = number(answer.text(), numeric.unit());
            // A relative epsilon keeps 17.9 within 18 ± 0.1 despite binary fractions.
            double slack = numeric.tolerance() + 1e-9 * Math.max(1, Math.abs(numeric.value()));
            return whole(given != null && Math.abs(given - numeric.value()) <= slack);
        }
        if (item instanceof HotspotItem hotspot) {
            return whole(hotspot.isHit(answer.text()));
        }
        throw new IllegalStateException(
                "no objective rule for " + item.getClass().getSimpleName());
    }

    private static double multipleChoice(MultipleChoiceItem item, Set<String> chosen) {
        Set<String> correct = item.correctOptions();
        long rightChosen = chosen.stream().filter(correct::contains).count();
        long wrongChosen = chosen.size() - rightChosen;
        int options = item.options().size();
        switch (item.partialCredit()) {
            case PER_OPTION:
                long judgedRight = rightChosen + (options - correct.size() - wrongChosen);
                return (double) judgedRight / options;
            case RIGHT_MINUS_WRONG:
                int incorrect = options - correct.size();
                double penalty = incorrect == 0 ? 0 : (double) wrongChosen / incorrect;
                return Math.max(0, (double) rightChosen / correct.size() - penalty);
            case ALL_OR_NOTHING:
            default:
                return whole(chosen.equals(correct));
        }
    }

    /**
     * Reads "18", "18.0 mm", "１８ｍｍ", "18 毫米", "−5", "1,000"; null when the text is not one number (with or without
     * the unit).
     */
    static Double number(String text, String unit) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKC)
                .strip()
                .toLowerCase(Locale.ROOT)
                .replace('\u2212', '-')
                .transform(t -> TRAILING_STOP.matcher(t).replaceAll(""))
                .replace("毫米", "mm")
                .replace("厘米", "cm");
        if (THOUSANDS.matcher(plain).matches()) {
            plain = plain.replace(",", ""); // thousands separators, not a decimal comma
        }
        String unitPlain = Normalizer.normalize(unit, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        if (!unitPlain.isEmpty() && plain.endsWith(unitPlain)) {
            plain = plain.substring(0, plain.length() - unitPlain.length()).strip();
        }
        if (!NUMBER.matcher(plain).matches()) {
            return null;
        }
        return Double.parseDouble(plain.replace(',', '.'));
    }

    private static double whole(boolean right) {
        return right ? 1 : 0;
    }
}
