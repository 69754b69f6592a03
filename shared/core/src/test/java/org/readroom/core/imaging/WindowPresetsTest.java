package org.readroom.core.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WindowPresetsTest {

    private static final WindowLevel AUTO = new WindowLevel(500, 1000);

    @Test
    void ctPresetsHaveTheValuesFromTheDomainNotes() {
        Map<CtPreset, WindowLevel> expected = Map.ofEntries(
                Map.entry(CtPreset.BRAIN, new WindowLevel(40, 80)),
                Map.entry(CtPreset.SUBDURAL, new WindowLevel(75, 200)),
                Map.entry(CtPreset.STROKE, new WindowLevel(40, 40)),
                Map.entry(CtPreset.TEMPORAL_BONE, new WindowLevel(600, 2800)),
                Map.entry(CtPreset.HEAD_NECK, new WindowLevel(40, 375)),
                Map.entry(CtPreset.LUNG, new WindowLevel(-600, 1500)),
                Map.entry(CtPreset.MEDIASTINUM, new WindowLevel(50, 350)),
                Map.entry(CtPreset.ABDOMEN, new WindowLevel(50, 400)),
                Map.entry(CtPreset.LIVER, new WindowLevel(30, 150)),
                Map.entry(CtPreset.ANGIO, new WindowLevel(200, 600)),
                Map.entry(CtPreset.SPINE, new WindowLevel(50, 250)),
                Map.entry(CtPreset.BONE, new WindowLevel(400, 1800)));
        assertEquals(expected.size(), CtPreset.values().length);
        for (CtPreset preset : CtPreset.values()) {
            assertEquals(expected.get(preset), preset.window(), preset.name());
        }
        assertEquals(WindowLevel.LUNG, CtPreset.LUNG.window());
    }

    @Test
    void ctOffersTheStandardListWithOhifsFirstFiveKeys() {
        WindowPresets presets = WindowPresets.forSeries("CT", Optional.empty(), List.of(), AUTO);
        assertEquals(12, presets.numbered().size());
        assertEquals(Optional.of(new WindowPreset.Standard(CtPreset.ABDOMEN)), presets.forKey(1));
        assertEquals(Optional.of(new WindowPreset.Standard(CtPreset.LUNG)), presets.forKey(2));
        assertEquals(Optional.of(new WindowPreset.Standard(CtPreset.LIVER)), presets.forKey(3));
        assertEquals(Optional.of(new WindowPreset.Standard(CtPreset.BONE)), presets.forKey(4));
        assertEquals(Optional.of(new WindowPreset.Standard(CtPreset.BRAIN)), presets.forKey(5));
        assertTrue(presets.forKey(0).isEmpty(), "no author window");
        assertTrue(presets.numbered().stream().noneMatch(p -> p instanceof WindowPreset.Auto));
    }

    @Test
    void authorWindowIsKeyZeroAndFirstInTheMenu() {
        WindowLevel author = new WindowLevel(35, 300);
        WindowPresets presets = WindowPresets.forSeries("CT", Optional.of(author), List.of(), AUTO);
        assertEquals(Optional.of(new WindowPreset.Author(author)), presets.forKey(0));
        assertEquals(new WindowPreset.Author(author), presets.all().get(0));
        assertEquals(13, presets.all().size());
    }

    @Test
    void ctFileWindowsThatAreNotStandardAreAddedOnce() {
        WindowLevel odd = new WindowLevel(70, 450);
        WindowPresets presets = WindowPresets.forSeries("CT", Optional.empty(), List.of(WindowLevel.LUNG, odd), AUTO);
        assertEquals(13, presets.numbered().size());
        assertEquals(new WindowPreset.FromFile(2, odd), presets.numbered().get(12));
    }

    @Test
    void mrOffersTheFilesWindowsAndAnAutomaticOne() {
        WindowLevel file = new WindowLevel(600, 1200);
        WindowPresets presets = WindowPresets.forSeries("MR", Optional.empty(), List.of(file), AUTO);
        assertEquals(List.of(new WindowPreset.FromFile(1, file), new WindowPreset.Auto(AUTO)), presets.numbered());
        assertTrue(presets.forKey(3).isEmpty());
    }

    @Test
    void autoWindowSpansTheFramesRescaledValues() {
        var image = TestImages.image("MR", 4, 1, new Rescale(2, 10), Optional.empty(), (c, r) -> c * 5);
        assertEquals(WindowLevel.spanning(10, 40), WindowPresets.autoWindow(image, 0));
    }
}
