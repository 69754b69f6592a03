package org.readroom.kiosk.exam;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.readroom.core.protocol.Messages.SubmitResponse;
import org.readroom.fx.i18n.UiText;

/** Shown after handing in: what was handed in, and nothing else to do. */
public final class DoneView extends VBox {

    public DoneView(UiText text, SubmitResponse response, boolean byTimer) {
        super(16);
        setAlignment(Pos.CENTER);
        Label heading = new Label(text.get("done.heading"));
        heading.setId("done-heading");
        heading.getStyleClass().add("heading");
        getChildren().add(heading);
        if (byTimer) {
            getChildren().add(new Label(text.get("done.timeUp")));
        }
        getChildren().add(new Label(text.get("done.detail", response.answered(), response.total())));
    }
}
