package org.readroom.core.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RescaleTest {

    @Test
    void ctStoredValueBecomesHounsfieldUnits() {
        Rescale ct = new Rescale(1, -1024);
        assertEquals(-1000, ct.apply(24));
        assertEquals(24, ct.inverse(-1000));
    }

    @Test
    void zeroSlopeIsRefusedWithAMessageNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Rescale(0, 0));
        assertTrue(e.getMessage().contains("slope"), e.getMessage());
    }
}
