package org.readroom.kiosk.delivery;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.readroom.fx.i18n.UiText;
import org.readroom.kiosk.style.Card;

/** The screen of a kiosk that is not approved yet: the pairing code, large, for the proctor to check. */
public final class SetupView extends VBox {

    public SetupView(SetupViewModel model, UiText text) {
        Card.style(this, 16, 560);
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
