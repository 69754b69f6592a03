package org.readroom.kiosk.exam;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import org.readroom.fx.i18n.UiText;
import org.readroom.kiosk.style.Card;

/** Shown after log-in until the proctor starts the exam and the key arrives; says why, when it is held up. */
public final class WaitingView extends VBox {

    public WaitingView(UiText text, String who, ObservableStringValue problem) {
        Card.style(this, 16, 560);
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
