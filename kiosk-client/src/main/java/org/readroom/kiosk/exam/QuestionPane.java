package org.readroom.kiosk.exam;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import org.readroom.core.bank.ChoiceOption;
import org.readroom.core.protocol.DeliveredItem;
import org.readroom.core.protocol.ItemKind;
import org.readroom.core.scoring.Answer;
import org.readroom.fx.i18n.UiText;

/** One question: stem and the answer controls for its kind, wired to the view model. */
final class QuestionPane extends VBox {

    QuestionPane(ExamViewModel model, UiText text, DeliveredItem item, int count) {
        setSpacing(10);
        setPadding(new Insets(16));
        Label number = new Label(text.get("exam.item", item.number(), count) + "  ·  "
                + text.get("exam.kind." + item.kind().name()) + "  ·  " + text.get("exam.marks", marks(item.marks())));
        number.getStyleClass().add("item-number");
        Label stem = new Label(text.of(item.stem()));
        stem.setWrapText(true);
        stem.getStyleClass().add("stem");
        getChildren().addAll(number, stem);
        Answer answer = model.answerTo(item.id());
        switch (item.kind()) {
            case SINGLE_CHOICE -> {
                ToggleGroup group = new ToggleGroup();
                char letter = 'A';
                for (ChoiceOption option : item.options()) {
                    RadioButton button = new RadioButton(letter++ + ".  " + text.of(option.text()));
                    button.setToggleGroup(group);
                    button.setSelected(answer.choices().contains(option.id()));
                    button.setOnAction(e -> model.choose(option.id()));
                    button.setWrapText(true);
                    getChildren().add(button);
                }
            }
            case MULTIPLE_CHOICE -> {
                char letter = 'A';
                for (ChoiceOption option : item.options()) {
                    CheckBox box = new CheckBox(letter++ + ".  " + text.of(option.text()));
                    box.setSelected(answer.choices().contains(option.id()));
                    box.setOnAction(e -> model.choose(option.id()));
                    box.setWrapText(true);
                    getChildren().add(box);
                }
            }
            case FILL_IN, SHORT_ANSWER -> {
                TextInputControl input = item.kind() == ItemKind.FILL_IN ? new TextField() : new TextArea();
                input.setId("answer-text");
                input.setPromptText(text.get("exam.yourAnswer"));
                input.setText(answer.text());
                if (input instanceof TextArea area) {
                    area.setWrapText(true);
                    area.setPrefRowCount(10);
                }
                input.textProperty().addListener((obs, old, typed) -> model.write(typed));
                getChildren().add(input);
            }
        }
    }

    private static String marks(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
