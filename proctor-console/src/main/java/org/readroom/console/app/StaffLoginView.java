package org.readroom.console.app;

import java.util.function.BiConsumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.readroom.fx.i18n.UiText;

/** Staff log-in for the console. */
final class StaffLoginView extends VBox {

    final Label error = new Label();

    StaffLoginView(UiText text, String username, String password, BiConsumer<String, String> onLogin) {
        super(10);
        setAlignment(Pos.CENTER);
        setPadding(new Insets(40));
        setMaxWidth(380);
        setMaxHeight(USE_PREF_SIZE);
        Label heading = new Label(text.get("login.heading"));
        heading.getStyleClass().add("heading");
        TextField user = new TextField(username);
        user.setPromptText(text.get("login.username"));
        PasswordField pass = new PasswordField();
        pass.setText(password);
        pass.setPromptText(text.get("login.password"));
        Button login = new Button(text.get("login.submit"));
        login.setDefaultButton(true);
        login.setMaxWidth(Double.MAX_VALUE);
        login.setOnAction(e -> onLogin.accept(user.getText(), pass.getText()));
        error.getStyleClass().add("error");
        getChildren()
                .addAll(
                        heading,
                        new Label(text.get("login.username")),
                        user,
                        new Label(text.get("login.password")),
                        pass,
                        login,
                        error);
    }
}
