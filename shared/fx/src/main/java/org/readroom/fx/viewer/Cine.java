package org.readroom.fx.viewer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * Cine playback of a stack at a chosen speed, looping at the end. Time comes from the injected clock: the view
 * calls {@link #tick} on every screen pulse and tests move a fake clock, so the frame shown depends only on the
 * time elapsed, never on how often the pulses come.
 */
public final class Cine {

    /** The speeds +/- step through, in frames per second. */
    static final int[] SPEEDS = {1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60};

    static final int DEFAULT_FPS = 10;

    private final Clock clock;
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing", false);
    private final ReadOnlyIntegerWrapper fps = new ReadOnlyIntegerWrapper(this, "fps", DEFAULT_FPS);
    private Instant anchorTime;
    private int anchorIndex;
    private int lastIndex;

    Cine(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public boolean isPlaying() {
        return playing.get();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public int fps() {
        return fps.get();
    }

    public ReadOnlyIntegerProperty fpsProperty() {
        return fps.getReadOnlyProperty();
    }

    void start(int currentIndex) {
        anchor(currentIndex);
        playing.set(true);
    }

    void stop() {
        playing.set(false);
    }

    /** Sets the speed to the nearest offered speed within 1..60 frames per second. */
    void setFps(int wanted) {
        int nearest = SPEEDS[0];
        for (int speed : SPEEDS) {
            if (Math.abs(speed - wanted) < Math.abs(nearest - wanted)) {
                nearest = speed;
            }
        }
        changeSpeed(nearest);
    }

    void faster() {
        for (int speed : SPEEDS) {
            if (speed > fps()) {
                changeSpeed(speed);
                return;
            }
        }
    }

    void slower() {
        for (int i = SPEEDS.length - 1; i >= 0; i--) {
            if (SPEEDS[i] < fps()) {
                changeSpeed(SPEEDS[i]);
                return;
            }
        }
    }

    private void changeSpeed(int newFps) {
        if (isPlaying()) {
            // Count the new speed from now, from where the stack is, so the change never jumps frames.
            anchor(lastIndex);
        }
        fps.set(newFps);
    }

    private void anchor(int index) {
        anchorTime = clock.instant();
        anchorIndex = index;
        lastIndex = index;
    }

    /**
     * The slice to show now, or empty when it is still the current one (or cine is stopped). A reader who scrolls
     * while cine plays moves the loop: playback continues from the slice they chose.
     */
    OptionalInt tick(int currentIndex, int sliceCount) {
        if (!isPlaying() || sliceCount < 2) {
            return OptionalInt.empty();
        }
        if (currentIndex != lastIndex) {
            anchor(currentIndex);
        }
        long elapsedNanos = Duration.between(anchorTime, clock.instant()).toNanos();
        long frames = Math.max(0, elapsedNanos) * fps() / 1_000_000_000L;
        int next = (int) ((anchorIndex + frames) % sliceCount);
        if (next == lastIndex) {
            return OptionalInt.empty();
        }
        lastIndex = next;
        return OptionalInt.of(next);
    }
}
