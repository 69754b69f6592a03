package org.readroom.fx.viewer;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.readroom.core.imaging.Annotation;
import org.readroom.core.imaging.HotspotAnswer;

/**
 * What the reader drew on a series: finished annotations, the one being drawn, and the hotspot answer. The answer
 * is kept apart from the annotations: "clear annotations" never removes an answer.
 */
public final class ViewerAnnotations {

    private final ObservableList<Annotation> annotations = FXCollections.observableArrayList();
    private final ObservableList<Annotation> readOnly = FXCollections.unmodifiableObservableList(annotations);
    private final ReadOnlyObjectWrapper<Draft> draft = new ReadOnlyObjectWrapper<>(this, "draft");
    private final ReadOnlyObjectWrapper<HotspotAnswer> hotspotAnswer =
            new ReadOnlyObjectWrapper<>(this, "hotspotAnswer");
    private Consumer<HotspotAnswer> onHotspotAnswer = answer -> {};

    /** Every finished annotation in the order drawn (read-only; observe it to repaint). */
    public ObservableList<Annotation> all() {
        return readOnly;
    }

    public List<Annotation> onSlice(int sliceIndex) {
        return annotations.stream().filter(a -> a.sliceIndex() == sliceIndex).toList();
    }

    void add(Annotation annotation) {
        annotations.add(Objects.requireNonNull(annotation, "annotation"));
    }

    /** Removes the most recent annotation; false when there is none. */
    public boolean deleteLast() {
        if (annotations.isEmpty()) {
            return false;
        }
        annotations.remove(annotations.size() - 1);
        return true;
    }

    public void clear() {
        annotations.clear();
    }

    /** The next lesion number: one more than the highest placed so far. */
    int nextLesionNumber() {
        return annotations.stream()
                        .filter(a -> a instanceof Annotation.LesionMark)
                        .mapToInt(a -> ((Annotation.LesionMark) a).number())
                        .max()
                        .orElse(0)
                + 1;
    }

    /** The annotation being drawn, or null. */
    public ReadOnlyObjectProperty<Draft> draftProperty() {
        return draft.getReadOnlyProperty();
    }

    public Optional<Draft> draft() {
        return Optional.ofNullable(draft.get());
    }

    void setDraft(Draft newDraft) {
        draft.set(newDraft);
    }

    /** The candidate's hotspot answer, or null when none is marked. */
    public ReadOnlyObjectProperty<HotspotAnswer> hotspotAnswerProperty() {
        return hotspotAnswer.getReadOnlyProperty();
    }

    public Optional<HotspotAnswer> hotspotAnswer() {
        return Optional.ofNullable(hotspotAnswer.get());
    }

    /** Called on the FX thread each time the candidate marks an answer (not when one is restored). */
    public void setOnHotspotAnswer(Consumer<HotspotAnswer> listener) {
        onHotspotAnswer = Objects.requireNonNull(listener, "listener");
    }

    void answer(HotspotAnswer answer) {
        hotspotAnswer.set(Objects.requireNonNull(answer, "answer"));
        onHotspotAnswer.accept(answer);
    }

    /** Shows a previously saved answer (for example when the candidate comes back to the question). */
    void restore(Optional<HotspotAnswer> answer) {
        hotspotAnswer.set(answer.orElse(null));
    }

    void reset() {
        annotations.clear();
        draft.set(null);
        hotspotAnswer.set(null);
    }
}
