package org.readroom.core.dicom.pixelmed;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.readroom.core.dicom.deid.BasicProfile;
import org.readroom.core.dicom.deid.DeidSession;
import org.readroom.core.dicom.deid.DicomDates;
import org.readroom.core.dicom.deid.ProfileAction;

/**
 * Applies the {@link BasicProfile} to a PixelMed attribute list in place, items of kept sequences included, then
 * records what was done (Patient Identity Removed, De-identification Method and its code sequence, Longitudinal
 * Temporal Information Modified) as PS3.15 asks.
 */
final class DatasetDeidentifier {

    static final String METHOD = "ReadRoom PS3.15 Basic Profile; dates shifted; patient characteristics retained";

    /** The dummy of a D attribute with a text value: upper case, so it also suits CS; 12 characters, so SH and AE. */
    static final String DUMMY_TEXT = "DEIDENTIFIED";

    private final DeidSession session;

    DatasetDeidentifier(DeidSession session) {
        this.session = session;
    }

    /** De-identifies {@code list}: names and IDs become {@code pseudonym}, dates move back {@code daysBack} days. */
    void apply(AttributeList list, String pseudonym, int daysBack) throws DicomException {
        clean(list, pseudonym, daysBack);
        put(list, TagFromName.PatientIdentityRemoved, "YES");
        put(list, TagFromName.DeidentificationMethod, METHOD);
        put(list, TagFromName.LongitudinalTemporalInformationModified, "MODIFIED");
        SequenceAttribute codes = new SequenceAttribute(TagFromName.DeidentificationMethodCodeSequence);
        codes.addItem(code("113100", "Basic Application Confidentiality Profile"));
        codes.addItem(code("113107", "Retain Longitudinal Temporal Information Modified Dates Option"));
        codes.addItem(code("113108", "Retain Patient Characteristics Option"));
        list.put(codes);
    }

    private void clean(AttributeList list, String pseudonym, int daysBack) throws DicomException {
        List<AttributeTag> removed = new ArrayList<>();
        List<AttributeTag> emptied = new ArrayList<>();
        for (Map.Entry<AttributeTag, Attribute> entry : list.entrySet()) {
            AttributeTag tag = entry.getKey();
            Attribute attribute = entry.getValue();
            String vr = attribute.getVRAsString();
            int number = tag.getGroup() << 16 | tag.getElement();
            String first = "UI".equals(vr) ? Attribute.getSingleStringValueOrEmptyString(attribute) : null;
            ProfileAction action = BasicProfile.actionFor(number, vr, first);
            if (attribute instanceof SequenceAttribute sequence) {
                // A sequence goes whole (X, and D or U where no item could be a correct dummy), stays without
                // items (Z), or stays with its items cleaned by the same rules (K).
                switch (action) {
                    case KEEP -> {
                        for (int i = 0; i < sequence.getNumberOfItems(); i++) {
                            clean(sequence.getItem(i).getAttributeList(), pseudonym, daysBack);
                        }
                    }
                    case EMPTY -> emptied.add(tag);
                    default -> removed.add(tag);
                }
                continue;
            }
            switch (action) {
                case REMOVE -> removed.add(tag);
                case EMPTY -> attribute.removeValues();
                case PSEUDONYM -> replace(attribute, List.of(pseudonym));
                case DUMMY -> {
                    String dummy = dummy(vr);
                    if (dummy == null) {
                        removed.add(tag);
                    } else {
                        replace(attribute, List.of(dummy));
                    }
                }
                case NEW_UID -> replace(attribute, newUids(attribute));
                case SHIFT_DATE -> replace(attribute, shifted(attribute, vr, daysBack));
                case KEEP -> {}
                default -> throw new IllegalStateException("unhandled action " + action);
            }
        }
        removed.forEach(list::remove);
        for (AttributeTag tag : emptied) {
            list.put(new SequenceAttribute(tag));
        }
    }

    /** A value of the given representation that says nothing, or null when the attribute is better removed. */
    private static String dummy(String vr) {
        return switch (vr == null ? "" : vr) {
            case "AE", "CS", "LO", "LT", "PN", "SH", "ST", "UC", "UT" -> DUMMY_TEXT;
            case "DS", "IS" -> "0";
            default -> null;
        };
    }

    private List<String> newUids(Attribute attribute) {
        List<String> uids = new ArrayList<>();
        for (String value : values(attribute)) {
            if (value == null || value.isBlank()) {
                continue;
            }
            uids.add(BasicProfile.isStandardUid(value) ? value.strip() : session.newUid(value));
        }
        return uids;
    }

    /** Shifted values; a value that is not a full date is dropped, never kept unshifted. */
    private static List<String> shifted(Attribute attribute, String vr, int daysBack) {
        List<String> dates = new ArrayList<>();
        for (String value : values(attribute)) {
            Optional<String> moved =
                    "DT".equals(vr) ? DicomDates.shiftDateTime(value, daysBack) : DicomDates.shiftDate(value, daysBack);
            moved.ifPresent(dates::add);
        }
        return dates;
    }

    private static String[] values(Attribute attribute) {
        String[] values = Attribute.getStringValues(attribute);
        return values == null ? new String[0] : values;
    }

    private static void replace(Attribute attribute, List<String> values) throws DicomException {
        attribute.removeValues();
        for (String value : values) {
            attribute.addValue(value);
        }
    }

    private static void put(AttributeList list, AttributeTag tag, String value) throws DicomException {
        Attribute attribute = list.putNewAttribute(tag);
        attribute.addValue(value);
    }

    private static AttributeList code(String value, String meaning) throws DicomException {
        AttributeList item = new AttributeList();
        put(item, TagFromName.CodeValue, value);
        put(item, TagFromName.CodingSchemeDesignator, "DCM");
        put(item, TagFromName.CodeMeaning, meaning);
        return item;
    }
}
