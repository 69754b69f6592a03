package org.readroom.kiosk.app;

import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.readroom.core.dicom.DicomDecoder;
import org.readroom.core.protocol.KioskApi;
import org.readroom.core.protocol.Messages.LoginResponse;
import org.readroom.core.protocol.ServerConnection;
import org.readroom.fx.i18n.UiText;
import org.readroom.kiosk.exam.DoneView;
import org.readroom.kiosk.exam.ExamView;
import org.readroom.kiosk.exam.ExamViewModel;
import org.readroom.kiosk.i18n.KioskText;
import org.readroom.kiosk.login.LoginView;
import org.readroom.kiosk.login.LoginViewModel;
import org.readroom.kiosk.viewer.SeriesLoader;

/** The kiosk application: log-in, then the exam, then the hand-in screen, in one full-screen window. */
public final class KioskApp extends Application {

    private static volatile KioskOptions options;

    private final ScheduledExecutorService background = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "kiosk-background");
        thread.setDaemon(true);
        return thread;
    });
    private static final java.time.Duration DECODE_LIMIT = java.time.Duration.ofSeconds(20);

    private final java.util.concurrent.ExecutorService decoding = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "kiosk-decoder");
        thread.setDaemon(true);
        return thread;
    });
    private Stage stage;
    private Scene scene;
    private UiText text;
    private KioskApi api;

    /** Set before {@link Application#launch}; JavaFX creates the instance itself. */
    public static void configure(KioskOptions kioskOptions) {
        options = kioskOptions;
    }

    @Override
    public void start(Stage primaryStage) {
        this.stage = primaryStage;
        this.api = new KioskApi(new ServerConnection(options.server(), options.trust()));
        this.scene = new Scene(new StackPane(), 1280, 800);
        scene.getStylesheets()
                .add(KioskApp.class.getResource("/org/readroom/kiosk/kiosk.css").toExternalForm());
        showLogin(options.locale());
        stage.setScene(scene);
        if (!options.windowed()) {
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
            stage.setFullScreenExitHint("");
            stage.setFullScreen(true);
        }
        stage.show();
    }

    private void showLogin(Locale locale) {
        text = KioskText.in(locale);
        stage.setTitle(text.get("app.title"));
        LoginViewModel model = new LoginViewModel(api, text, Platform::runLater);
        model.candidateNumberProperty().set(options.candidateNumber());
        model.admissionCodeProperty().set(options.admissionCode());
        Locale other = locale.getLanguage().equals("zh") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        LoginView view = new LoginView(
                model,
                text,
                () -> model.login().thenAccept(response -> {
                    if (response != null) {
                        openExam(response);
                    }
                }),
                () -> showLogin(other));
        setRoot(new StackPane(view));
    }

    private void openExam(LoginResponse login) {
        setRoot(new StackPane(new Label(text.get("exam.loadingImages"))));
        // A stuck codec must never freeze the exam: each slice gets a time limit on a thread of its own.
        DicomDecoder decoder = DicomDecoder.withTimeLimit(DicomDecoder.pixelMed(), DECODE_LIMIT, decoding);
        SeriesLoader images = new SeriesLoader(api, options.cache(), decoder, background);
        ExamViewModel.open(api, text, Platform::runLater, Clock.systemUTC(), background, images)
                .whenComplete((model, failure) -> Platform.runLater(() -> {
                    if (failure != null) {
                        Label error = new Label(
                                text.error(ServerConnection.errorOf(failure).error()));
                        error.getStyleClass().add("error");
                        setRoot(new StackPane(error));
                        return;
                    }
                    String who = login.candidateName() + "  " + login.candidateNumber();
                    setRoot(new ExamView(model, text, who));
                    model.submittedProperty()
                            .addListener((obs, old, done) -> setRoot(new DoneView(
                                    text, done, model.submittedByTimerProperty().get())));
                }));
    }

    private void setRoot(Parent root) {
        scene.setRoot(root);
    }

    @Override
    public void stop() {
        background.shutdownNow();
        decoding.shutdownNow();
    }
}
