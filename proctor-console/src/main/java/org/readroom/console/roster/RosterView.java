package org.readroom.console.roster;

import java.util.function.Function;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.readroom.fx.i18n.UiText;

/** The first console window: the session's candidates and their live status, refreshed every two seconds. */
public final class RosterView extends BorderPane {

    final TableView<SeatRow> table = new TableView<>();

    public RosterView(RosterViewModel model, UiText text) {
        Label title = new Label();
        title.getStyleClass().add("heading");
        title.textProperty().bind(model.titleProperty());
        Label summary = new Label();
        summary.textProperty().bind(model.summaryProperty());
        Label error = new Label();
        error.getStyleClass().add("error");
        error.textProperty().bind(model.errorProperty());
        VBox top = new VBox(4, title, summary, error);
        top.setPadding(new Insets(12));
        setTop(top);
        table.setId("roster");
        table.setItems(model.rows());
        table.getColumns().add(column(text.get("column.seat"), SeatRow::seat));
        table.getColumns().add(column(text.get("column.number"), SeatRow::candidateNumber));
        table.getColumns().add(column(text.get("column.name"), SeatRow::name));
        table.getColumns().add(column(text.get("column.status"), SeatRow::status));
        table.getColumns().add(column(text.get("column.progress"), SeatRow::progress));
        table.getColumns().add(column(text.get("column.timeLeft"), SeatRow::timeLeft));
        table.getColumns().add(column(text.get("column.lastSeen"), SeatRow::lastSeen));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setCenter(table);
        Button admit = new Button(text.get("roster.admit"));
        admit.setOnAction(e -> model.act(table.getSelectionModel().getSelectedItem(), "admit"));
        Button pause = new Button(text.get("roster.pause"));
        pause.setOnAction(e -> model.act(table.getSelectionModel().getSelectedItem(), "pause"));
        Button resume = new Button(text.get("roster.resume"));
        resume.setOnAction(e -> model.act(table.getSelectionModel().getSelectedItem(), "resume"));
        // A kiosk restarted without the network shows a challenge; the proctor types it here and reads out the code.
        TextField challenge = new TextField();
        challenge.setId("resume-challenge");
        challenge.setPromptText(text.get("roster.challenge"));
        challenge.setPrefColumnCount(10);
        Button code = new Button(text.get("roster.resumeCode"));
        code.setId("resume-code");
        code.setOnAction(e -> model.resumeCode(table.getSelectionModel().getSelectedItem(), challenge.getText()));
        Label shown = new Label();
        shown.setId("resume-code-shown");
        shown.getStyleClass().add("heading");
        shown.textProperty().bind(model.resumeCodeProperty());
        HBox actions = new HBox(8, admit, pause, resume, new Label("  "), challenge, code, shown);
        actions.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        actions.setPadding(new Insets(8, 12, 12, 12));
        setBottom(actions);
        // The list is replaced on every refresh: keep the proctor's selection on the same candidate.
        String[] selected = {null};
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, row) -> {
            if (row != null) {
                selected[0] = row.candidateNumber();
            }
        });
        model.rows().addListener((javafx.collections.ListChangeListener<SeatRow>) change -> {
            for (int i = 0; i < model.rows().size(); i++) {
                if (model.rows().get(i).candidateNumber().equals(selected[0])) {
                    table.getSelectionModel().select(i);
                }
            }
        });
        model.refresh();
        Timeline poll = new Timeline(new KeyFrame(Duration.seconds(2), e -> model.refresh()));
        poll.setCycleCount(Animation.INDEFINITE);
        poll.play();
    }

    private static TableColumn<SeatRow, String> column(String name, Function<SeatRow, String> value) {
        TableColumn<SeatRow, String> column = new TableColumn<>(name);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
