package org.readroom.kiosk.exam;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.readroom.core.bank.ChoiceOption;
import org.readroom.core.bank.ReportItem;
import org.readroom.core.protocol.DeliveredGroup;
import org.readroom.core.protocol.DeliveredItem;
import org.readroom.core.protocol.ItemKind;
import org.readroom.core.scoring.Answer;
import org.readroom.fx.i18n.UiText;

/** One question: the case or B1 instruction it shares, its stem and the answer controls for its kind. */
final class QuestionPane extends VBox {

    private final ExamViewModel model;
    private final UiText text;
    private final boolean locked;

    QuestionPane(ExamViewModel model, UiText text, DeliveredItem item, int count) {
        this.model = model;
        this.text = text;
        this.locked = model.isLocked(item.id());
        setSpacing(10);
        setPadding(new Insets(16));
        if (item.section() != null && item.section().size() < count) {
            Label section = new Label(
                    item.section().irreversible()
                            ? text.get(
                                    "exam.sectionIrreversible",
                                    text.of(item.section().title()))
                            : text.get("exam.section", text.of(item.section().title())));
            section.getStyleClass().add("section-title");
            getChildren().add(section);
        }
        if (item.group() != null) {
            getChildren().add(groupHeader(item.group()));
        }
        Label number = new Label(text.get("exam.item", item.number(), count) + "  ·  "
                + text.get("exam.kind." + item.kind().name()) + "  ·  " + text.get("exam.marks", marks(item.marks())));
        number.getStyleClass().add("item-number");
        Label stem = new Label(text.of(item.stem()));
        stem.setWrapText(true);
        stem.getStyleClass().add("stem");
        getChildren().addAll(number, stem);
        if (locked) {
            Label note = new Label(
                    item.group() != null && item.group().locksOnceAnswered()
                            ? text.get("exam.lockedQuestion")
                            : text.get("exam.sectionClosed"));
            note.getStyleClass().add("locked-question");
            getChildren().add(note);
        }
        Answer answer = model.answerTo(item.id());
        switch (item.kind()) {
            case SINGLE_CHOICE, TRUE_FALSE -> choices(item, answer, false);
            case MULTIPLE_CHOICE -> choices(item, answer, true);
            case FILL_IN, SHORT_ANSWER -> written(
                    item.kind() == ItemKind.FILL_IN ? new TextField() : area(10), answer.text());
            case NUMERIC -> numeric(item, answer);
            case REPORT -> report(answer);
            case HOTSPOT -> {
                Label how = new Label(answer.isBlank() ? text.get("exam.hotspotHow") : text.get("exam.hotspotMarked"));
                how.setId("hotspot-state");
                how.setWrapText(true);
                getChildren().add(how);
            }
        }
    }

    private Node groupHeader(DeliveredGroup group) {
        String title = group.kind() == DeliveredGroup.Kind.MATCHING
                ? text.get("exam.matchingGroup", group.size())
                : group.locksOnceAnswered()
                        ? text.get("exam.caseGroupStepwise", group.size())
                        : text.get("exam.caseGroup", group.size());
        Label heading = new Label(title);
        heading.setWrapText(true);
        heading.getStyleClass().add("group-title");
        Label shared = new Label(text.of(group.text()));
        shared.setWrapText(true);
        shared.getStyleClass().add("group-text");
        VBox box = new VBox(4, heading, shared);
        box.getStyleClass().add("group");
        return box;
    }

    private void choices(DeliveredItem item, Answer answer, boolean many) {
        ToggleGroup group = new ToggleGroup();
        char letter = 'A';
        for (ChoiceOption option : item.options()) {
            String label = letter++ + ".  " + text.of(option.text());
            ButtonBase button;
            if (many) {
                CheckBox box = new CheckBox(label);
                box.setSelected(answer.choices().contains(option.id()));
                button = box;
            } else {
                RadioButton radio = new RadioButton(label);
                radio.setToggleGroup(group);
                radio.setSelected(answer.choices().contains(option.id()));
                button = radio;
            }
            button.setOnAction(e -> model.choose(option.id()));
            button.setWrapText(true);
            button.setDisable(locked);
            getChildren().add(button);
        }
    }

    private void written(TextInputControl input, String value) {
        input.setId("answer-text");
        input.setPromptText(text.get("exam.yourAnswer"));
        input.setText(value);
        input.setEditable(!locked);
        input.textProperty().addListener((obs, old, typed) -> model.write(typed));
        getChildren().add(input);
    }

    private void numeric(DeliveredItem item, Answer answer) {
        TextField field = new TextField(answer.text());
        field.setId("answer-text");
        field.setPromptText(text.get("exam.yourNumber"));
        field.setPrefColumnCount(10);
        field.setEditable(!locked);
        field.textProperty().addListener((obs, old, typed) -> model.write(typed));
        HBox row = new HBox(8, field, new Label(item.unit()));
        getChildren().add(row);
    }

    private void report(Answer answer) {
        String[] parts = ReportItem.answerParts(answer.text());
        TextArea findings = area(8);
        TextArea impression = area(4);
        findings.setId("report-findings");
        impression.setId("report-impression");
        List.of(findings, impression).forEach(a -> a.setEditable(!locked));
        findings.setText(parts[0]);
        impression.setText(parts[1]);
        Runnable write = () -> model.write(
                findings.getText().isBlank() && impression.getText().isBlank()
                        ? ""
                        : ReportItem.answerText(findings.getText(), impression.getText()));
        findings.textProperty().addListener((obs, old, typed) -> write.run());
        impression.textProperty().addListener((obs, old, typed) -> write.run());
        getChildren()
                .addAll(
                        new Label(text.get("exam.reportFindings")), findings,
                        new Label(text.get("exam.reportImpression")), impression);
    }

    private static TextArea area(int rows) {
        TextArea area = new TextArea();
        area.setWrapText(true);
        area.setPrefRowCount(rows);
        return area;
    }

    private static String marks(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
