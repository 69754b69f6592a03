package org.readroom.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.readroom.core.bank.ChoiceOption;
import org.readroom.core.bank.Item;
import org.readroom.core.bank.SingleChoiceItem;
import org.readroom.core.text.LocalizedText;

class WireTest {

    @Test
    void itemsRoundTripWithTheirTypeAndChineseText() {
        Item item = new SingleChoiceItem(
                "q1",
                LocalizedText.of("结节位于哪一侧？", "Which side?"),
                List.of(
                        new ChoiceOption("A", LocalizedText.of("右肺", "right")),
                        new ChoiceOption("B", LocalizedText.of("左肺", "left"))),
                "A",
                2,
                List.of());
        byte[] json = Wire.encode(item);
        assertTrue(new String(json, StandardCharsets.UTF_8).contains("\"type\":\"single_choice\""));
        assertEquals(item, Wire.decode(json, Item.class));
    }

    @Test
    void aMalformedMessageNamesTheTypeInItsError() {
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> Wire.decode("{\"sequence\": \"x\"".getBytes(StandardCharsets.UTF_8), Messages.AnswerSave.class));
        assertTrue(e.getMessage().startsWith("AnswerSave"), e.getMessage());
    }

    @Test
    void unknownFieldsFromANewerServerAreIgnored() {
        var ack = Wire.decode(
                "{\"sequence\":3,\"serverTime\":5,\"extra\":true}".getBytes(StandardCharsets.UTF_8),
                Messages.AnswerAck.class);
        assertEquals(3, ack.sequence());
    }
}
