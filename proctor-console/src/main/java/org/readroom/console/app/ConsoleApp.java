package org.readroom.console.app;

import java.time.ZoneId;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.readroom.console.kiosks.KiosksView;
import org.readroom.console.kiosks.KiosksViewModel;
import org.readroom.console.roster.ConsoleText;
import org.readroom.console.roster.RosterView;
import org.readroom.console.roster.RosterViewModel;
import org.readroom.core.protocol.Messages.StaffLoginRequest;
import org.readroom.core.protocol.ServerConnection;
import org.readroom.core.protocol.StaffApi;
import org.readroom.fx.i18n.UiText;

/** The proctor console: staff log-in, then the live seat list and the lab's kiosks (approve, admit, start). */
public final class ConsoleApp extends Application {

    private static volatile ConsoleOptions options;

    /** Set before {@link Application#launch}; JavaFX creates the instance itself. */
    public static void configure(ConsoleOptions consoleOptions) {
        options = consoleOptions;
    }

    @Override
    public void start(Stage stage) {
        UiText text = ConsoleText.in(options.locale());
        StaffApi api = new StaffApi(new ServerConnection(options.server(), options.trust()));
        Scene scene = new Scene(new StackPane(), 1100, 700);
        scene.getStylesheets()
                .add(ConsoleApp.class
                        .getResource("/org/readroom/console/console.css")
                        .toExternalForm());
        StaffLoginView[] login = new StaffLoginView[1];
        login[0] = new StaffLoginView(text, options.username(), options.password(), (user, password) -> api.login(
                        new StaffLoginRequest(user, password))
                .whenComplete((response, failure) -> Platform.runLater(() -> {
                    if (failure != null) {
                        login[0].error.setText(
                                text.error(ServerConnection.errorOf(failure).error()));
                    } else {
                        RosterViewModel seats =
                                new RosterViewModel(api, text, Platform::runLater, ZoneId.systemDefault());
                        KiosksViewModel kiosks =
                                new KiosksViewModel(api, text, Platform::runLater, ZoneId.systemDefault());
                        Tab seatsTab = new Tab(text.get("tab.seats"), new RosterView(seats, text));
                        Tab kiosksTab = new Tab(text.get("tab.kiosks"), new KiosksView(kiosks, text));
                        seatsTab.setClosable(false);
                        kiosksTab.setClosable(false);
                        kiosksTab.setId("kiosks-tab");
                        scene.setRoot(new TabPane(seatsTab, kiosksTab));
                    }
                })));
        scene.setRoot(new StackPane(login[0]));
        stage.setTitle(text.get("app.title"));
        stage.setScene(scene);
        stage.show();
    }
}
