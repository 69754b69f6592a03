package org.readroom.core.dicom.deid;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/** Moves DICOM dates (DA, {@code YYYYMMDD}) and the date part of date-times (DT) by whole days. */
public final class DicomDates {

    private static final DateTimeFormatter DA =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private DicomDates() {}

    /**
     * {@code value} moved back by {@code daysBack}, or empty when it is not a date this can shift safely (then the
     * caller drops the value rather than keep an unshifted date). Accepts the old ACR-NEMA form {@code YYYY.MM.DD}.
     */
    public static Optional<String> shiftDate(String value, int daysBack) {
        String text = value == null ? "" : value.strip();
        if (text.length() == 10 && text.charAt(4) == '.' && text.charAt(7) == '.') {
            text = text.substring(0, 4) + text.substring(5, 7) + text.substring(8, 10);
        }
        if (text.length() != 8) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text, DA).minusDays(daysBack).format(DA));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * A DT value with its date part moved back by {@code daysBack} and the time, fraction and offset kept; empty when
     * it has no full date (a year or month alone cannot be shifted by days).
     */
    public static Optional<String> shiftDateTime(String value, int daysBack) {
        String text = value == null ? "" : value.strip();
        if (text.length() < 8) {
            return Optional.empty();
        }
        return shiftDate(text.substring(0, 8), daysBack).map(date -> date + text.substring(8));
    }
}
