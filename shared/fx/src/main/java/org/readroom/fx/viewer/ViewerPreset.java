package org.readroom.fx.viewer;

import org.readroom.core.imaging.WindowLevel;

/** The preset buttons the viewer offers, in display order, each with its translated label key. */
public enum ViewerPreset {
    LUNG("viewer.preset.lung", WindowLevel.LUNG),
    MEDIASTINUM("viewer.preset.mediastinum", WindowLevel.MEDIASTINUM),
    BONE("viewer.preset.bone", WindowLevel.BONE),
    ABDOMEN("viewer.preset.abdomen", WindowLevel.ABDOMEN),
    BRAIN("viewer.preset.brain", WindowLevel.BRAIN);

    private final String messageKey;
    private final WindowLevel windowLevel;

    ViewerPreset(String messageKey, WindowLevel windowLevel) {
        this.messageKey = messageKey;
        this.windowLevel = windowLevel;
    }

    public String messageKey() {
        return messageKey;
    }

    public WindowLevel windowLevel() {
        return windowLevel;
    }
}
