package org.readroom.core.imaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.readroom.core.dicom.DicomImage;

/**
 * The windows offered for one series: the author's opening window (number key 0) and a numbered list (keys 1..9,
 * then the menu). CT offers the standard CT windows, then any other window stored in the file; other modalities
 * (MR, CR, DX...) have no fixed units, so they offer the file's windows and an automatic min-max window.
 */
public record WindowPresets(Optional<WindowPreset.Author> author, List<WindowPreset> numbered) {

    public WindowPresets {
        Objects.requireNonNull(author, "author");
        numbered = List.copyOf(numbered);
    }

    public static WindowPresets forSeries(
            String modality, Optional<WindowLevel> author, List<WindowLevel> fromFile, WindowLevel auto) {
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(fromFile, "fromFile");
        Objects.requireNonNull(auto, "auto");
        List<WindowPreset> numbered = new ArrayList<>();
        boolean ct = ValueUnit.forModality(modality) == ValueUnit.HU;
        if (ct) {
            for (CtPreset preset : CtPreset.values()) {
                numbered.add(new WindowPreset.Standard(preset));
            }
        }
        for (int i = 0; i < fromFile.size(); i++) {
            WindowLevel window = fromFile.get(i);
            if (numbered.stream().noneMatch(p -> p.window().equals(window))) {
                numbered.add(new WindowPreset.FromFile(i + 1, window));
            }
        }
        if (!ct) {
            numbered.add(new WindowPreset.Auto(auto));
        }
        return new WindowPresets(author.map(WindowPreset.Author::new), numbered);
    }

    /** Every preset in menu order: the author's first, then the numbered ones. */
    public List<WindowPreset> all() {
        List<WindowPreset> all = new ArrayList<>(numbered.size() + 1);
        author.ifPresent(all::add);
        all.addAll(numbered);
        return List.copyOf(all);
    }

    /** The preset for number key {@code digit}: 0 is the author's window, 1..9 the numbered list. */
    public Optional<WindowPreset> forKey(int digit) {
        if (digit == 0) {
            return author.map(WindowPreset.class::cast);
        }
        return digit >= 1 && digit <= 9 && digit <= numbered.size()
                ? Optional.of(numbered.get(digit - 1))
                : Optional.empty();
    }

    /** The window spanning the lowest to the highest rescaled value of one frame. */
    public static WindowLevel autoWindow(DicomImage image, int frame) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int i = 0; i < image.rows() * image.columns(); i++) {
            int v = image.storedValue(frame, i);
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double a = image.rescale().apply(min);
        double b = image.rescale().apply(max);
        return WindowLevel.spanning(Math.min(a, b), Math.max(a, b));
    }
}
