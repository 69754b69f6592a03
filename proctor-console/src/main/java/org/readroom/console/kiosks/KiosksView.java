package org.readroom.console.kiosks;

import java.util.function.Function;
import java.util.function.Predicate;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.readroom.fx.i18n.UiText;

/** The kiosk list with approve, admit, revoke and start; all state in {@link KiosksViewModel}. */
public final class KiosksView extends BorderPane {

    final TableView<KioskRow> table = new TableView<>();

    public KiosksView(KiosksViewModel model, UiText text) {
        Label heading = new Label();
        heading.getStyleClass().add("heading");
        heading.textProperty().bind(model.headingProperty());
        Label summary = new Label();
        summary.textProperty().bind(model.summaryProperty());
        Label error = new Label();
        error.getStyleClass().add("error");
        error.textProperty().bind(model.errorProperty());
        Label hint = new Label(text.get("kiosks.hint"));
        hint.setWrapText(true);
        VBox top = new VBox(4, heading, summary, hint, error);
        top.setPadding(new Insets(12));
        setTop(top);

        table.setId("kiosks");
        table.setItems(model.rows());
        table.getColumns().add(column(text.get("kiosks.column.name"), KioskRow::name));
        table.getColumns().add(column(text.get("kiosks.column.code"), KioskRow::pairingCode));
        table.getColumns().add(column(text.get("kiosks.column.status"), KioskRow::status));
        table.getColumns().add(column(text.get("kiosks.column.package"), KioskRow::packageState));
        table.getColumns().add(column(text.get("kiosks.column.admitted"), KioskRow::admitted));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setCenter(table);
        // The list is refreshed every two seconds; the proctor's selection stays on the same kiosk.
        String[] selected = {null};
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                selected[0] = row.kioskId();
            }
        });
        model.rows().addListener((javafx.collections.ListChangeListener<KioskRow>) change -> model.rows().stream()
                .filter(row -> row.kioskId().equals(selected[0]))
                .findFirst()
                .ifPresent(row -> table.getSelectionModel().select(row)));

        Button approve = action("approve", text.get("kiosks.approve"), row -> !row.approved(), model::approve);
        Button admit =
                action("admit", text.get("kiosks.admit"), row -> row.approved() && !row.admittedHere(), model::admit);
        Button revoke = action("revoke", text.get("kiosks.revoke"), KioskRow::approved, model::revoke);
        Button start = new Button(text.get("kiosks.start"));
        start.setId("start");
        start.getStyleClass().add("start");
        start.disableProperty()
                .bind(model.startedProperty().or(model.hasSessionProperty().not()));
        start.setOnAction(e -> {
            ButtonType go = new ButtonType(text.get("kiosks.start"), ButtonBar.ButtonData.OK_DONE);
            ButtonType cancel = new ButtonType(text.get("kiosks.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
            Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, text.get("kiosks.confirmStart"), go, cancel);
            confirm.setHeaderText(null);
            confirm.showAndWait().filter(go::equals).ifPresent(ok -> model.start());
        });
        HBox actions = new HBox(8, approve, admit, revoke, start);
        actions.setPadding(new Insets(12));
        setBottom(actions);

        model.refresh();
        Timeline poll = new Timeline(new KeyFrame(Duration.seconds(2), e -> model.refresh()));
        poll.setCycleCount(Animation.INDEFINITE);
        poll.play();
    }

    private Button action(
            String id,
            String label,
            Predicate<KioskRow> allowed,
            Function<KioskRow, java.util.concurrent.CompletableFuture<Void>> act) {
        Button button = new Button(label);
        button.setId(id);
        button.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> {
                            KioskRow row = table.getSelectionModel().getSelectedItem();
                            return row == null || !allowed.test(row);
                        },
                        table.getSelectionModel().selectedItemProperty()));
        button.setOnAction(e -> {
            KioskRow row = table.getSelectionModel().getSelectedItem();
            if (row != null) {
                act.apply(row);
            }
        });
        return button;
    }

    private static TableColumn<KioskRow, String> column(String name, Function<KioskRow, String> value) {
        TableColumn<KioskRow, String> column = new TableColumn<>(name);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
