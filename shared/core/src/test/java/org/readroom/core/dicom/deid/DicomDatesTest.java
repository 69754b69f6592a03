package org.readroom.core.dicom.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DicomDatesTest {

    @Test
    void aDateMovesBackByWholeDays() {
        assertEquals(Optional.of("20040108"), DicomDates.shiftDate("20040119", 11));
        assertEquals(Optional.of("20031231"), DicomDates.shiftDate("20040101", 1));
    }

    @Test
    void leapDaysAreCountedSoIntervalsStayTheSame() {
        assertEquals(Optional.of("20000228"), DicomDates.shiftDate("20000301", 2));
        assertEquals(Optional.of("20190301"), DicomDates.shiftDate("20200301", 366));
    }

    @Test
    void theOldAcrNemaFormIsShiftedIntoTheCurrentForm() {
        assertEquals(Optional.of("19991231"), DicomDates.shiftDate("2000.01.01", 1));
    }

    @Test
    void somethingThatIsNotAFullDateIsNotKept() {
        assertEquals(Optional.empty(), DicomDates.shiftDate("", 5));
        assertEquals(Optional.empty(), DicomDates.shiftDate(null, 5));
        assertEquals(Optional.empty(), DicomDates.shiftDate("2004", 5));
        assertEquals(Optional.empty(), DicomDates.shiftDate("20040231", 5), "February 31st");
        assertEquals(Optional.empty(), DicomDates.shiftDate("2004011x", 5));
    }

    @Test
    void aDateTimeKeepsItsTimeFractionAndOffset() {
        assertEquals(
                Optional.of("20040109072730.123456+0800"), DicomDates.shiftDateTime("20040119072730.123456+0800", 10));
        assertEquals(Optional.of("20040109"), DicomDates.shiftDateTime("20040119", 10));
        assertEquals(Optional.empty(), DicomDates.shiftDateTime("200401", 10), "a month alone cannot move by days");
    }
}
