package org.readroom.kiosk.exam;

import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import org.readroom.fx.i18n.UiText;

/** Shown after log-in until the proctor starts the exam and the key arrives; says why, when it is held up. */
public final class WaitingView extends VBox {

    public WaitingView(UiText text, String who, ObservableStringValue problem) {
        setAlignment(Pos.CENTER);
        setSpacing(16);
        setPadding(new Insets(40));
        setMaxWidth(560);
        setMaxHeight(USE_PREF_SIZE);
        getStyleClass().add("login");
        Label heading = new Label(text.get("waiting.heading"));
        heading.setId("waiting");
        heading.getStyleClass().add("heading");
        Label candidate = new Label(who);
        Label detail = new Label(text.get("waiting.detail"));
        detail.setWrapText(true);
        Label held = new Label();
        held.getStyleClass().add("error");
        held.setWrapText(true);
        held.textProperty().bind(problem);
        getChildren().addAll(heading, candidate, new ProgressIndicator(), detail, held);
    }
}
