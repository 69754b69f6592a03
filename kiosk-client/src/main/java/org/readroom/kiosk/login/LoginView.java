package org.readroom.kiosk.login;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.readroom.fx.i18n.UiText;
import org.readroom.kiosk.style.Card;

/** The candidate log-in screen; all state lives in {@link LoginViewModel}. */
public final class LoginView extends VBox {

    final TextField number = new TextField();
    final PasswordField code = new PasswordField();
    final Button submit;
    final Button language;

    public LoginView(
            LoginViewModel model, UiText text, ObservableStringValue packages, Runnable onSubmit, Runnable onLanguage) {
        Card.style(this, 12, 420);
        Label heading = new Label(text.get("login.heading"));
        heading.getStyleClass().add("heading");
        number.setPromptText(text.get("login.candidateNumber"));
        number.setId("candidate-number");
        number.textProperty().bindBidirectional(model.candidateNumberProperty());
        code.setPromptText(text.get("login.admissionCode"));
        code.setId("admission-code");
        code.textProperty().bindBidirectional(model.admissionCodeProperty());
        submit = new Button(text.get("login.submit"));
        submit.setId("login");
        submit.setDefaultButton(true);
        submit.disableProperty().bind(model.busyProperty());
        submit.setOnAction(e -> onSubmit.run());
        submit.setMaxWidth(Double.MAX_VALUE);
        Label error = new Label();
        error.getStyleClass().add("error");
        error.textProperty().bind(model.errorProperty());
        error.setWrapText(true);
        language = new Button(text.get("login.language"));
        language.getStyleClass().add("link");
        language.setOnAction(e -> onLanguage.run());
        Label ready = new Label();
        ready.setId("packages");
        ready.getStyleClass().add("packages");
        ready.textProperty().bind(packages);
        getChildren()
                .addAll(
                        heading,
                        new Label(text.get("login.candidateNumber")),
                        number,
                        new Label(text.get("login.admissionCode")),
                        code,
                        submit,
                        error,
                        ready,
                        language);
    }
}
