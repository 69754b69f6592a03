package org.readroom.kiosk.resume;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.readroom.fx.i18n.UiText;
import org.readroom.kiosk.style.Card;

/**
 * Shown when the kiosk restarts in the middle of a sitting: it keeps trying to reach the server (and goes on to the
 * log-in when it does); meanwhile the candidate can continue with a resume code from the proctor.
 */
public final class ResumeView extends VBox {

    public ResumeView(ResumeViewModel model, UiText text, ObservableStringValue connection, Runnable onContinue) {
        Card.style(this, 12, 520);
        Label heading = new Label(text.get("resume.heading"));
        heading.getStyleClass().add("heading");
        Label who = new Label(model.who());
        Label trying = new Label();
        trying.textProperty().bind(connection);
        trying.setWrapText(true);
        Label ask = new Label(text.get("resume.ask"));
        ask.setWrapText(true);
        Label challenge = new Label();
        challenge.setId("resume-challenge");
        challenge.getStyleClass().add("pairing-code");
        challenge.textProperty().bind(model.challengeProperty());
        TextField code = new TextField();
        code.setId("resume-code");
        code.setPromptText(text.get("resume.code"));
        code.textProperty().bindBidirectional(model.typedProperty());
        Button proceed = new Button(text.get("resume.continue"));
        proceed.setId("resume-continue");
        proceed.setDefaultButton(true);
        proceed.setMaxWidth(Double.MAX_VALUE);
        proceed.setOnAction(e -> onContinue.run());
        Label error = new Label();
        error.getStyleClass().add("error");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        getChildren()
                .addAll(heading, who, trying, ask, challenge, new Label(text.get("resume.code")), code, proceed, error);
    }
}
