package org.readroom.kiosk.app;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.readroom.core.dicom.DicomDecoder;
import org.readroom.core.errors.ErrorCode;
import org.readroom.core.protocol.KioskApi;
import org.readroom.core.protocol.ServerConnection;
import org.readroom.fx.i18n.UiText;
import org.readroom.kiosk.delivery.DeliveryAgent;
import org.readroom.kiosk.delivery.KioskState;
import org.readroom.kiosk.delivery.PaperPackage;
import org.readroom.kiosk.delivery.SetupView;
import org.readroom.kiosk.delivery.SetupViewModel;
import org.readroom.kiosk.exam.DoneView;
import org.readroom.kiosk.exam.ExamView;
import org.readroom.kiosk.exam.ExamViewModel;
import org.readroom.kiosk.exam.WaitingView;
import org.readroom.kiosk.i18n.KioskText;
import org.readroom.kiosk.login.LoginView;
import org.readroom.kiosk.login.LoginViewModel;
import org.readroom.kiosk.resume.ResumeTicket;
import org.readroom.kiosk.resume.ResumeView;
import org.readroom.kiosk.resume.ResumeViewModel;
import org.readroom.kiosk.viewer.SeriesLoader;

/**
 * The kiosk application, in one full-screen window: the pairing code until an admin approves the kiosk (packages are
 * then fetched in the background), the log-in, the wait for the start, the exam, and the hand-in screen.
 */
public final class KioskApp extends Application {

    private static final Duration DECODE_LIMIT = Duration.ofSeconds(20);

    private static volatile KioskOptions options;

    private enum Screen {
        SETUP,
        RESUME,
        LOGIN,
        EXAM
    }

    private final ScheduledExecutorService background = Executors.newScheduledThreadPool(2, daemon("kiosk-background"));
    private final ExecutorService decoding = Executors.newCachedThreadPool(daemon("kiosk-decoder"));
    private final ExecutorService io = Executors.newCachedThreadPool(daemon("kiosk-io"));
    private Stage stage;
    private Scene scene;
    private UiText text;
    private KioskApi api;
    private KioskState state;
    private DeliveryAgent delivery;
    private SetupViewModel setup;
    private Screen screen = Screen.SETUP;
    private ResumeViewModel resume;

    /** Set before {@link Application#launch}; JavaFX creates the instance itself. */
    public static void configure(KioskOptions kioskOptions) {
        options = kioskOptions;
    }

    @Override
    public void start(Stage primaryStage) {
        this.stage = primaryStage;
        this.api = new KioskApi(new ServerConnection(options.server(), options.trust()));
        this.state = new KioskState(options.state());
        state.clearOpenImages();
        this.scene = new Scene(new StackPane(), 1280, 800);
        scene.getStylesheets()
                .add(KioskApp.class.getResource("/org/readroom/kiosk/kiosk.css").toExternalForm());
        useLanguage(options.locale());
        delivery = new DeliveryAgent(
                new ServerConnection(options.server(), options.trust()),
                state,
                options.name(),
                background,
                io,
                status -> Platform.runLater(this::showStatus));
        stage.setScene(scene);
        if (!options.windowed()) {
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
            stage.setFullScreenExitHint("");
            stage.setFullScreen(true);
        }
        stage.show();
        delivery.start();
        // Restarted in the middle of a sitting: offer the resume code until the server answers.
        delivery.resumeTickets().latest(System.currentTimeMillis()).ifPresent(ticket -> {
            resume = new ResumeViewModel(ticket, text, new SecureRandom());
            showResume();
        });
    }

    private void useLanguage(Locale locale) {
        text = KioskText.in(locale);
        stage.setTitle(text.get("app.title"));
        setup = new SetupViewModel(text);
        if (delivery != null) {
            setup.update(delivery.status());
        }
        if (screen == Screen.LOGIN) {
            showLogin();
        } else if (screen == Screen.RESUME) {
            resume = new ResumeViewModel(resume.ticket(), text, new SecureRandom());
            showResume();
        } else {
            showSetup();
        }
    }

    /** Follows the delivery agent: the pairing screen until approved, then the log-in (unless an exam is open). */
    private void showStatus() {
        setup.update(delivery.status());
        if (screen == Screen.EXAM) {
            return;
        }
        if (setup.approvedProperty().get() && (screen == Screen.SETUP || screen == Screen.RESUME)) {
            showLogin();
        } else if (!setup.approvedProperty().get() && screen == Screen.LOGIN) {
            showSetup();
        }
    }

    private void showSetup() {
        screen = Screen.SETUP;
        setRoot(new StackPane(new SetupView(setup, text)));
    }

    private void showResume() {
        screen = Screen.RESUME;
        ResumeViewModel model = resume;
        setRoot(new StackPane(new ResumeView(
                model, text, Bindings.concat(text.get("resume.trying"), "\n", setup.problemProperty()), () -> {
                    if (model.check()) {
                        ResumeTicket ticket = model.ticket();
                        openExam(
                                model.who(),
                                waiting -> ExamViewModel.resumeOffline(
                                        api,
                                        ticket,
                                        delivery,
                                        this::seriesLoader,
                                        text,
                                        Platform::runLater,
                                        Clock.systemUTC(),
                                        background));
                    }
                })));
    }

    private void showLogin() {
        screen = Screen.LOGIN;
        LoginViewModel model = new LoginViewModel(api, text, Platform::runLater);
        model.candidateNumberProperty()
                .set(resume != null ? resume.ticket().candidateNumber() : options.candidateNumber());
        model.admissionCodeProperty().set(options.admissionCode());
        Locale other = text.locale().getLanguage().equals("zh") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        LoginView view = new LoginView(
                model,
                text,
                setup.packagesProperty(),
                () -> model.login().thenAccept(response -> {
                    if (response != null) {
                        openExam(
                                response.candidateName() + "  " + response.candidateNumber(),
                                waiting -> ExamViewModel.open(
                                        api,
                                        response,
                                        delivery,
                                        waiting,
                                        this::seriesLoader,
                                        text,
                                        Platform::runLater,
                                        Clock.systemUTC(),
                                        background));
                    }
                }),
                () -> useLanguage(other));
        setRoot(new StackPane(view));
    }

    /** The images of an opened package, decoded with a time limit per slice (a stuck codec never freezes the exam). */
    private SeriesLoader seriesLoader(PaperPackage opened) {
        DicomDecoder decoder = DicomDecoder.withTimeLimit(DicomDecoder.pixelMed(), DECODE_LIMIT, decoding);
        return new SeriesLoader(opened, state.openImagesFolder(), decoder, background);
    }

    /**
     * Shows the wait for the start, then the exam once {@code opening} completes; {@code opening} is given where to
     * say why the kiosk is still waiting.
     */
    private void openExam(String who, Function<Consumer<ErrorCode>, CompletableFuture<ExamViewModel>> opening) {
        screen = Screen.EXAM;
        StringProperty heldUp = new SimpleStringProperty("");
        setRoot(new StackPane(new WaitingView(text, who, heldUp)));
        opening.apply(problem -> Platform.runLater(() -> heldUp.set(text.error(problem))))
                .whenComplete((model, failure) -> Platform.runLater(() -> {
                    if (failure != null) {
                        Label error = new Label(
                                text.error(ServerConnection.errorOf(failure).error()));
                        error.getStyleClass().add("error");
                        setRoot(new StackPane(error));
                        return;
                    }
                    setRoot(new ExamView(model, text, who));
                    // Focus lost to another window is reported to the proctor with the next heartbeat.
                    scene.getWindow().focusedProperty().addListener((obs, was, focused) -> {
                        if (!focused) {
                            model.focusLost();
                        }
                    });
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
        delivery.stop();
        background.shutdownNow();
        decoding.shutdownNow();
        io.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
