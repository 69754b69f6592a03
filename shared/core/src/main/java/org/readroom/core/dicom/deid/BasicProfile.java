package org.readroom.core.dicom.deid;

import java.util.Map;
import java.util.Optional;

/**
 * The de-identification rules ReadRoom applies: the DICOM PS3.15 Annex E Basic Application Level Confidentiality
 * Profile with the options "Retain Longitudinal Temporal Information with Modified Dates" (dates shifted, times
 * kept), "Retain Patient Characteristics" (sex, age, size, weight kept) and "Retain Safe Private" not taken (every
 * private attribute is removed). Attributes listed in {@link ProfileTable} (PS3.15 Table E.1-1) get their action;
 * the rest follow their value representation, so a name, date or UID the table does not list is still caught. Pure logic over numeric tags
 * ({@code group << 16 | element}), so the rules can be tested without a toolkit.
 */
public final class BasicProfile {

    /** One listed attribute: its keyword (for documentation and reports) and what happens to it. */
    public record Rule(String keyword, ProfileAction action) {}

    private static final String STANDARD_UID_ROOT = "1.2.840.10008.";

    private static final Map<Integer, Rule> TABLE = ProfileTable.rules();

    /** Groups removed as wholes: EXIF photo data (camera owner, serial numbers, GPS), retired text and results. */
    private static final int EXIF_GROUP = 0x0016;

    private static final int TEXT_GROUP = 0x4000;

    private static final int RESULTS_GROUP = 0x4008;

    private BasicProfile() {}

    /** The listed attributes (PS3.15 Table E.1-1 as ReadRoom applies it) in tag order, for documentation and tests. */
    public static Map<Integer, Rule> table() {
        return TABLE;
    }

    /** The listed rule of one attribute, if the table names it. */
    public static Optional<Rule> listed(int tag) {
        return Optional.ofNullable(TABLE.get(tag));
    }

    /**
     * What to do with the attribute {@code tag} of value representation {@code vr} (e.g. "PN", "UI", "SQ"); for
     * UIDs pass the value so standard UIDs (PS3.6 root {@code 1.2.840.10008.}) stay. A sequence whose action is
     * {@link ProfileAction#REMOVE} goes with all its items; {@link ProfileAction#EMPTY} leaves it without items;
     * {@link ProfileAction#KEEP} keeps it and de-identifies its items with the same rules.
     */
    public static ProfileAction actionFor(int tag, String vr, String value) {
        int group = tag >>> 16;
        int element = tag & 0xFFFF;
        if ((group & 1) == 1) {
            return ProfileAction.REMOVE; // private attributes and their creators: not retained
        }
        if (group <= 0x0002 || element == 0x0000) {
            return ProfileAction.REMOVE; // command and file meta groups, group lengths: the writer makes new ones
        }
        if ((group & 0xFF00) == 0x5000 || (group & 0xFF00) == 0x6000) {
            return ProfileAction.REMOVE; // curves, overlays and overlay comments can carry text about the patient
        }
        if (group == EXIF_GROUP || group == TEXT_GROUP || group == RESULTS_GROUP) {
            return ProfileAction.REMOVE; // photo metadata, free text and reports: every attribute may identify
        }
        if ("UN".equals(vr)) {
            return ProfileAction.REMOVE; // content of unknown type cannot be checked or cleaned, so it is not kept
        }
        Rule rule = TABLE.get(tag);
        if (rule != null) {
            return rule.action();
        }
        return switch (vr == null ? "" : vr) {
            case "PN" -> ProfileAction.EMPTY; // any other person's name
            case "DA", "DT" -> ProfileAction.SHIFT_DATE;
            case "UI" -> isStandardUid(value) ? ProfileAction.KEEP : ProfileAction.NEW_UID;
            default -> ProfileAction.KEEP;
        };
    }

    /** True for UIDs defined by the DICOM standard itself (SOP classes, transfer syntaxes, coding schemes). */
    public static boolean isStandardUid(String value) {
        return value != null && value.strip().startsWith(STANDARD_UID_ROOT);
    }

    /** {@code (gggg,eeee)} for messages. */
    public static String tag(int tag) {
        return String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
    }
}
