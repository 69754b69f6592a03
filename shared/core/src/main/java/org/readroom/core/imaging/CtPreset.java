package org.readroom.core.imaging;

/**
 * The standard CT windows (DOMAIN-NOTES "Viewer conventions"). The order is the order of number keys 1..9 in the
 * viewer: the first five follow the default hotkeys of OHIF (soft tissue, lung, liver, bone, brain) so a reader's
 * habits carry over; the last three are reached from the preset menu only.
 */
public enum CtPreset {
    ABDOMEN(50, 400),
    LUNG(-600, 1500),
    LIVER(30, 150),
    BONE(400, 1800),
    BRAIN(40, 80),
    MEDIASTINUM(50, 350),
    SUBDURAL(75, 200),
    STROKE(40, 40),
    ANGIO(200, 600),
    HEAD_NECK(40, 375),
    SPINE(50, 250),
    TEMPORAL_BONE(600, 2800);

    private final WindowLevel window;

    CtPreset(double center, double width) {
        this.window = new WindowLevel(center, width);
    }

    public WindowLevel window() {
        return window;
    }
}
