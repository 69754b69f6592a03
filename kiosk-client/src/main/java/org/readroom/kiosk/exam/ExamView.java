package org.readroom.kiosk.exam;

import java.util.List;
import java.util.Optional;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.readroom.core.bank.HotspotItem;
import org.readroom.core.bank.SeriesRef;
import org.readroom.core.dicom.DicomImage;
import org.readroom.core.imaging.HotspotAnswer;
import org.readroom.core.imaging.WindowLevel;
import org.readroom.core.protocol.DeliveredItem;
import org.readroom.core.protocol.ItemKind;
import org.readroom.fx.i18n.UiText;
import org.readroom.fx.viewer.DicomViewer;
import org.readroom.fx.viewer.ViewerMessages;

/** The exam screen: status bar, question navigator, the question, its images, and the hand-in button. */
public final class ExamView extends BorderPane {

    private final ExamViewModel model;
    private final UiText text;
    private final ScrollPane questionHolder = new ScrollPane();
    private final StackPane imageHolder = new StackPane();
    private final SplitPane body = new SplitPane();
    private final FlowPane navigator = new FlowPane(6, 6);
    private final Timeline ticker;
    final DicomViewer viewer;

    public ExamView(ExamViewModel model, UiText text, String candidateLine) {
        this.model = model;
        this.text = text;
        this.viewer = new DicomViewer(ViewerMessages.forLocale(text.locale()));
        getStyleClass().add("exam");
        setTop(statusBar(candidateLine));
        questionHolder.setFitToWidth(true);
        body.getItems().add(questionHolder);
        setCenter(new StackPane(new BorderPane(body, notices(), null, null, null), overlay()));
        setLeft(navigator());
        setBottom(buttons());
        model.currentProperty().addListener((obs, old, item) -> show(item));
        model.revisionProperty()
                .addListener((obs, old, now) -> show(model.currentProperty().get()));
        model.answeredProperty().addListener((obs, old, count) -> refreshNavigator());
        show(model.currentProperty().get());
        ticker = new Timeline(new KeyFrame(Duration.millis(500), e -> model.tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();
        model.submittedProperty().addListener((obs, old, done) -> ticker.stop());
    }

    private HBox statusBar(String candidateLine) {
        Label title = new Label(model.paperTitle());
        title.getStyleClass().add("paper-title");
        Label who = new Label(candidateLine);
        Label time = new Label();
        time.setId("time-left");
        time.getStyleClass().add("time-left");
        time.textProperty().bind(model.timeLeftProperty());
        Label answered = new Label();
        answered.textProperty()
                .bind(model.answeredProperty()
                        .asString()
                        .map(n -> text.get("exam.answered", n, model.items().size())));
        Label sync = new Label();
        sync.setId("sync-status");
        sync.textProperty().bind(model.syncStatusProperty());
        Label error = new Label();
        error.getStyleClass().add("error");
        error.textProperty().bind(model.errorProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(18, title, who, spacer, error, sync, answered, time);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 16, 8, 16));
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    /** The proctor's latest message and the time warning, above the question; hidden while empty. */
    private VBox notices() {
        Label message = new Label();
        message.setId("proctor-message");
        message.getStyleClass().add("proctor-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty().map(m -> m.isEmpty() ? "" : text.get("exam.message", m)));
        Label warning = new Label();
        warning.setId("time-warning");
        warning.getStyleClass().add("time-warning");
        warning.textProperty().bind(model.warningProperty());
        VBox notices = new VBox(4, message, warning);
        notices.setPadding(new Insets(4, 16, 4, 16));
        for (Label label : new Label[] {message, warning}) {
            label.visibleProperty().bind(label.textProperty().isNotEmpty());
            label.managedProperty().bind(label.visibleProperty());
        }
        return notices;
    }

    /**
     * Covers the exam while it is paused, locked by the proctor, or closed without a hand-in here (at the deadline,
     * moved to another kiosk, voided): the candidate sees why and cannot answer.
     */
    private StackPane overlay() {
        Label why = new Label();
        why.setId("exam-overlay");
        why.getStyleClass().add("overlay-text");
        why.setWrapText(true);
        why.textProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> !model.closedByProperty().get().isEmpty()
                                ? model.closedByProperty().get()
                                : model.lockedProperty().get()
                                        ? text.get("exam.locked")
                                        : model.pausedProperty().get() ? text.get("exam.paused") : "",
                        model.closedByProperty(),
                        model.lockedProperty(),
                        model.pausedProperty()));
        StackPane cover = new StackPane(why);
        cover.getStyleClass().add("exam-overlay");
        cover.setStyle("-fx-background-color: rgba(20, 24, 32, 0.92);");
        why.setStyle("-fx-text-fill: white; -fx-font-size: 26px;");
        cover.visibleProperty().bind(why.textProperty().isNotEmpty());
        return cover;
    }

    private ScrollPane navigator() {
        navigator.setPrefWrapLength(120);
        navigator.setPadding(new Insets(12));
        refreshNavigator();
        ScrollPane scroll = new ScrollPane(navigator);
        scroll.setFitToWidth(true);
        scroll.setPrefWidth(140);
        return scroll;
    }

    private void refreshNavigator() {
        navigator.getChildren().clear();
        for (int i = 0; i < model.items().size(); i++) {
            DeliveredItem item = model.items().get(i);
            Button button = new Button(Integer.toString(item.number()));
            button.getStyleClass().add("nav");
            if (!model.answerTo(item.id()).isBlank()) {
                button.getStyleClass().add("answered");
            }
            if (i == model.indexProperty().get()) {
                button.getStyleClass().add("current");
            }
            // A closed section, or a case step that opens once the earlier steps are answered.
            button.setDisable(!model.isOpen(i));
            int target = i;
            button.setOnAction(e -> go(target));
            navigator.getChildren().add(button);
        }
    }

    private HBox buttons() {
        Button previous = new Button(text.get("exam.previous"));
        previous.setOnAction(e -> go(model.indexProperty().get() - 1));
        Button next = new Button(text.get("exam.next"));
        next.setId("next");
        next.setOnAction(e -> go(model.nextTarget()));
        Button submit = new Button(text.get("exam.submit"));
        submit.setId("submit");
        submit.getStyleClass().add("submit");
        submit.disableProperty().bind(model.submittingProperty());
        submit.setOnAction(e -> confirmSubmit());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(12, previous, next, spacer, submit);
        bar.setPadding(new Insets(10, 16, 10, 16));
        return bar;
    }

    private void confirmSubmit() {
        Alert confirm = new Alert(
                Alert.AlertType.CONFIRMATION, text.get("exam.confirmSubmit"), ButtonType.OK, ButtonType.CANCEL);
        confirm.setHeaderText(null);
        confirm.initOwner(getScene().getWindow());
        if (confirm.showAndWait().filter(ButtonType.OK::equals).isPresent()) {
            model.submit();
        }
    }

    private void show(DeliveredItem item) {
        questionHolder.setContent(
                new QuestionPane(model, text, item, model.items().size()));
        refreshNavigator();
        List<SeriesRef> images = imagesOf(item);
        boolean hotspot = item.kind() == ItemKind.HOTSPOT;
        viewer.model().setOnHotspotAnswer(answer -> {});
        viewer.model().setHotspotEnabled(false);
        if (images.isEmpty()) {
            body.getItems().remove(imageHolder);
            return;
        }
        if (!body.getItems().contains(imageHolder)) {
            body.getItems().add(imageHolder);
            body.setDividerPositions(0.42);
        }
        SeriesRef series = images.get(0);
        Label loading = new Label(text.get("exam.loadingImages"));
        imageHolder.getChildren().setAll(loading);
        model.series(series)
                .whenComplete((slices, failure) -> Platform.runLater(() -> {
                    if (model.currentProperty().get() != item) {
                        return;
                    }
                    if (failure != null) {
                        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                        imageHolder.getChildren().setAll(new Label(text.get("exam.imagesFailed", cause.getMessage())));
                        return;
                    }
                    Optional<WindowLevel> opening = series.windowCenter() == null
                            ? Optional.empty()
                            : Optional.of(new WindowLevel(series.windowCenter(), series.windowWidth()));
                    viewer.show(slices, opening);
                    if (hotspot) {
                        answerOnTheImage(item, slices);
                    }
                    imageHolder.getChildren().setAll(viewer);
                }));
    }

    /** A question's own images, or else the images of the case it belongs to. */
    private static List<SeriesRef> imagesOf(DeliveredItem item) {
        if (!item.images().isEmpty() || item.group() == null) {
            return item.images();
        }
        return item.group().images();
    }

    /** A hotspot question is answered by marking the image: the mark is restored and every new mark is saved. */
    private void answerOnTheImage(DeliveredItem item, List<DicomImage> slices) {
        viewer.model().setHotspotEnabled(!model.isLocked(item.id()));
        // Answers count slices in the series' own order (as the author's key does); the viewer sorts by location.
        Optional<HotspotAnswer> saved = HotspotItem.parseAnswer(
                        model.answerTo(item.id()).text())
                .map(a -> new HotspotAnswer(
                        Math.max(0, viewer.model().sliceIndexOfSource(a.sliceIndex(), slices)), a.region()));
        try {
            viewer.model().restoreHotspotAnswer(saved);
        } catch (IllegalArgumentException e) {
            // A mark saved for another image size or slice count is not shown; the candidate marks again.
            viewer.model().restoreHotspotAnswer(Optional.empty());
        }
        viewer.model().setOnHotspotAnswer(answer -> {
            int source = viewer.model().sourceIndexOf(answer.sliceIndex(), slices);
            model.write(HotspotItem.answerText(new HotspotAnswer(Math.max(0, source), answer.region())));
            questionHolder.setContent(
                    new QuestionPane(model, text, item, model.items().size()));
        });
    }

    /** Moves to a question, asking first when the move leaves an irreversible section for good. */
    private void go(int target) {
        if (model.leavesSectionForGood(target)) {
            Alert confirm = new Alert(
                    Alert.AlertType.CONFIRMATION,
                    text.get("exam.confirmLeaveSection"),
                    ButtonType.OK,
                    ButtonType.CANCEL);
            confirm.setHeaderText(null);
            confirm.initOwner(getScene().getWindow());
            if (confirm.showAndWait().filter(ButtonType.OK::equals).isEmpty()) {
                return;
            }
        }
        model.goTo(target);
    }
}
