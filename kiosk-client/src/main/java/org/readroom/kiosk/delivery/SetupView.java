package org.readroom.kiosk.delivery;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.readroom.fx.i18n.UiText;

/** The screen of a kiosk that is not approved yet: the pairing code, large, for the proctor to check. */
public final class SetupView extends VBox {

    public SetupView(SetupViewModel model, UiText text) {
        setAlignment(Pos.CENTER);
        setSpacing(16);
        setPadding(new Insets(40));
        setMaxWidth(560);
        setMaxHeight(USE_PREF_SIZE);
        getStyleClass().add("login");
        Label heading = new Label();
        heading.getStyleClass().add("heading");
        heading.textProperty().bind(model.headingProperty());
        Label codeCaption = new Label(text.get("setup.pairingCode"));
        codeCaption.visibleProperty().bind(model.pairingCodeProperty().isNotEmpty());
        Label code = new Label();
        code.setId("pairing-code");
        code.getStyleClass().add("pairing-code");
        code.textProperty().bind(model.pairingCodeProperty());
        Label detail = new Label();
        detail.setWrapText(true);
        detail.textProperty().bind(model.detailProperty());
        Label problem = new Label();
        problem.getStyleClass().add("error");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        getChildren().addAll(heading, codeCaption, code, detail, problem);
    }
}
