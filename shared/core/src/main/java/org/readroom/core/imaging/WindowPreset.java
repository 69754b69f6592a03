package org.readroom.core.imaging;

import java.util.Objects;

/** One window a reader can pick, with where it comes from (which decides its label). */
public sealed interface WindowPreset {

    WindowLevel window();

    /** The opening window the case's author chose. */
    record Author(WindowLevel window) implements WindowPreset {
        public Author {
            Objects.requireNonNull(window, "window");
        }
    }

    /** A standard CT window. */
    record Standard(CtPreset preset) implements WindowPreset {
        public Standard {
            Objects.requireNonNull(preset, "preset");
        }

        @Override
        public WindowLevel window() {
            return preset.window();
        }
    }

    /** The {@code number}-th window (from 1) stored in the DICOM file itself. */
    record FromFile(int number, WindowLevel window) implements WindowPreset {
        public FromFile {
            if (number < 1) {
                throw new IllegalArgumentException("number must be >= 1 but was " + number);
            }
            Objects.requireNonNull(window, "window");
        }
    }

    /** The window spanning the lowest to the highest value of the slice (for modalities without fixed units). */
    record Auto(WindowLevel window) implements WindowPreset {
        public Auto {
            Objects.requireNonNull(window, "window");
        }
    }
}
