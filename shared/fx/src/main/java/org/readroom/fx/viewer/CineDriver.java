package org.readroom.fx.viewer;

import java.util.List;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;

/**
 * Ticks cine on every screen pulse while at least one of the viewports plays, and sleeps otherwise. The frame
 * shown comes from the model's clock, so a slow pulse skips frames rather than slowing the loop down.
 */
final class CineDriver {

    private final Supplier<List<ViewerModel>> viewports;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            boolean anyPlaying = false;
            for (ViewerModel model : viewports.get()) {
                if (model.cine().isPlaying()) {
                    anyPlaying = true;
                    model.cineTick();
                }
            }
            if (!anyPlaying) {
                stop();
            }
        }
    };

    CineDriver(Supplier<List<ViewerModel>> viewports) {
        this.viewports = viewports;
    }

    /** Starts ticking when one of {@code models} starts playing. */
    void watch(List<ViewerModel> models) {
        for (ViewerModel model : models) {
            model.cine().playingProperty().addListener((obs, old, playing) -> {
                if (playing) {
                    timer.start();
                }
            });
        }
    }
}
