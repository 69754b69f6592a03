package org.readroom.core.dicom.deid;

/**
 * What the de-identification does with one attribute, after the action codes of DICOM PS3.15 Annex E (Table E.1-1).
 * {@link #SHIFT_DATE} is the "Retain Longitudinal Temporal Information with Modified Dates" option.
 */
public enum ProfileAction {
    /** X: the attribute is removed (a sequence: with all its items). */
    REMOVE("X"),
    /** Z: the attribute is kept with an empty value (a sequence: with no items). */
    EMPTY("Z"),
    /** D: the value is replaced by the import's pseudonym for the patient (Patient's Name and ID). */
    PSEUDONYM("D"),
    /**
     * D: the value is replaced by a fixed dummy of the same value representation (a label or an identifier a module
     * requires); a sequence is removed instead, since no dummy item could be correct.
     */
    DUMMY("D"),
    /** U: the UID is replaced by a new one, the same new one for the same original within one import. */
    NEW_UID("U"),
    /** The date (or the date part of a date-time) moves back by the patient's whole-day offset. */
    SHIFT_DATE("C"),
    /** K: kept as it is (standard UIDs such as SOP classes, or a retain option). */
    KEEP("K");

    private final String code;

    ProfileAction(String code) {
        this.code = code;
    }

    /** The PS3.15 action code (C = cleaned, here: date shifted). */
    public String code() {
        return code;
    }
}
