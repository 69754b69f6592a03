package org.readroom.kiosk.style;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The kiosk's centred white card (log-in, pairing code, waiting for the start): one look for every such screen. */
public final class Card {

    private Card() {}

    public static void style(VBox box, double spacing, double width) {
        box.setAlignment(Pos.CENTER);
        box.setSpacing(spacing);
        box.setPadding(new Insets(40));
        box.setMaxWidth(width);
        box.setMaxHeight(Region.USE_PREF_SIZE);
        box.getStyleClass().add("login");
    }
}
