package org.readroom.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readroom.console.roster.ConsoleText;
import org.readroom.console.roster.RosterViewModel;
import org.readroom.console.roster.SeatRow;
import org.readroom.core.protocol.DeliveryMessages.KioskView;
import org.readroom.core.protocol.StaffApi;
import org.readroom.kiosk.app.KioskApp;
import org.readroom.kiosk.app.KioskOptions;
import org.readroom.server.ExamServer;
import org.readroom.server.demo.DemoExam;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real kiosk application, headless, restarts in the middle of a sitting while its network is cut: it shows a
 * challenge, the proctor's console (which still reaches the server) returns the resume code, the candidate continues
 * with every answer given before the restart and the time left as it was, answers more offline, and once the network
 * is back everything reaches the server and the hand-in's chain check passes.
 */
class KioskOfflineResumeIT {

    @TempDir
    Path data;

    private DemoServer demo;
    private ExamServer server;
    private NetworkCutIT.CuttableProxy proxy;
    private final FxRobot robot = new FxRobot();
    private Application app;

    @BeforeEach
    void start() throws Exception {
        demo = DemoServer.start(data);
        server = demo.server();
        proxy = NetworkCutIT.CuttableProxy.to(server.port());
        FxToolkit.registerPrimaryStage();
        KioskApp.configure(new KioskOptions(
                URI.create("https://127.0.0.1:" + proxy.port()),
                demo.trust(),
                Locale.ENGLISH,
                data.resolve("kiosk"),
                "Lab 3 seat 7",
                true,
                "",
                ""));
        app = FxToolkit.setupApplication(KioskApp.class);
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        proxy.close();
        demo.close();
    }

    @Test
    void aKioskRestartedWithoutANetworkContinuesWithTheProctorsCodeAndSyncsWhenTheLinkReturns() throws Exception {
        StaffApi proctor = demo.proctor();
        long session = server.demo().sessionId();
        DemoExam.Credentials candidate = server.demo().candidates().get(0);
        approveAndLogIn(proctor, session, candidate);
        proctor.startSession(session).get(30, TimeUnit.SECONDS);
        waitFor("#time-left");

        answerNextQuestion("first answer");
        answerNextQuestion("second answer");
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> StoredAnswers.itemIds(data, session, candidate.candidateNumber())
                                .size()
                        >= 2);
        proxy.cut();
        answerNextQuestion("written while the network was down");
        Duration leftBefore = timeLeft();

        // The kiosk is switched off and on again; the network is still down.
        FxToolkit.cleanupApplication(app);
        app = null;
        app = FxToolkit.setupApplication(KioskApp.class);
        waitFor("#resume-challenge");
        String challenge =
                robot.lookup("#resume-challenge").queryAs(Label.class).getText();
        assertTrue(challenge.matches("[0-9A-Z]{4}-[0-9A-Z]{4}"), challenge);
        assertTrue(robot.lookup("#candidate-number").tryQuery().isEmpty(), "the server cannot be reached");

        // A guessed code is refused; the proctor's code for this challenge lets the candidate continue.
        robot.clickOn("#resume-code").write("AAAA-AAAA");
        robot.clickOn("#resume-continue");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#time-left").tryQuery().isEmpty(), "a wrong code opens nothing");
        assertTrue(robot.lookup(".error").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().contains("does not fit")));
        // The proctor's console still reaches the server: select the candidate, type the challenge, read the code.
        RosterViewModel console =
                new RosterViewModel(proctor, ConsoleText.in(Locale.ENGLISH), Runnable::run, ZoneId.systemDefault());
        console.refresh().get(30, TimeUnit.SECONDS);
        SeatRow row = console.rows().stream()
                .filter(r -> r.candidateNumber().equals(candidate.candidateNumber()))
                .findFirst()
                .orElseThrow();
        console.resumeCode(row, challenge.toLowerCase(Locale.ROOT)).get(30, TimeUnit.SECONDS);
        String shown = console.resumeCodeProperty().get();
        assertTrue(shown.matches("Code for " + candidate.candidateNumber() + ": [0-9A-Z]{4}-[0-9A-Z]{4}"), shown);
        String code = shown.substring(shown.length() - 9);
        robot.clickOn("#resume-code").write(code.toLowerCase(Locale.ROOT));
        robot.clickOn("#resume-continue");
        waitFor("#time-left");

        Duration leftAfter = timeLeft();
        // The ticket keeps the time left at the last heartbeat (every 5 s), so a crash can give back at most that.
        assertTrue(
                leftAfter.compareTo(leftBefore.minusSeconds(15)) >= 0
                        && leftAfter.compareTo(leftBefore.plusSeconds(6)) <= 0,
                "the clock stood still while the kiosk was down: " + leftBefore + " then " + leftAfter);
        for (int question : answeredQuestions) {
            assertTrue(isAnswered(question), "question " + question + " kept its answer over the restart");
        }
        answerNextQuestion("written after the offline resume");
        assertEquals(
                2,
                StoredAnswers.itemIds(data, session, candidate.candidateNumber())
                        .size(),
                "nothing got through the cut");

        proxy.restore();
        robot.clickOn("#submit");
        robot.type(KeyCode.ENTER);
        waitFor("#done-heading");
        // The hand-in was accepted, so the server verified the chain the kiosk built across the restart.
        assertEquals(
                4,
                StoredAnswers.itemIds(data, session, candidate.candidateNumber())
                        .size(),
                "the answers to all four questions reached the server");
    }

    private void approveAndLogIn(StaffApi proctor, long session, DemoExam.Credentials candidate) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#pairing-code")
                .tryQueryAs(Label.class)
                .map(l -> !l.getText().isEmpty())
                .orElse(false));
        String pairing = robot.lookup("#pairing-code").queryAs(Label.class).getText();
        KioskView kiosk = proctor.kiosks().get(30, TimeUnit.SECONDS).stream()
                .filter(k -> k.pairingCode().equals(pairing))
                .findFirst()
                .orElseThrow();
        proctor.approveKiosk(kiosk.kioskId()).get(30, TimeUnit.SECONDS);
        proctor.admitKiosk(session, kiosk.kioskId()).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#packages")
                .tryQueryAs(Label.class)
                .map(l -> l.getText().startsWith("Exam papers are on this kiosk"))
                .orElse(false));
        robot.clickOn("#candidate-number").write(candidate.candidateNumber());
        robot.clickOn("#admission-code").write(candidate.admissionCode());
        robot.clickOn("#login");
        waitFor("#waiting");
    }

    /** The next question number {@link #answerNextQuestion} looks at. */
    private int nextQuestion = 1;

    private final java.util.List<Integer> answeredQuestions = new java.util.ArrayList<>();

    /**
     * Answers the next question a candidate answers with a click or by typing (the first option, or typed text;
     * questions answered on the image are passed over), then leaves it.
     */
    private void answerNextQuestion(String typed) throws Exception {
        int question;
        while (true) {
            question = nextQuestion++;
            goTo(question);
            var control = robot.lookup(".radio-button").tryQuery();
            if (control.isEmpty()) {
                control = robot.lookup(".check-box").tryQuery();
            }
            if (control.isPresent()) {
                robot.clickOn(control.get());
                break;
            }
            var text = robot.lookup("#answer-text").tryQuery().or(() -> robot.lookup("#report-findings")
                    .tryQuery());
            if (text.isPresent()) {
                robot.clickOn(text.get()).write(typed);
                break;
            }
        }
        answeredQuestions.add(question);
        // Typed text is sent after a pause or on leaving the question; leave it so it is journalled now.
        goTo(question == 1 ? 2 : 1);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void goTo(int question) throws Exception {
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> robot.lookup(".nav").tryQuery().isPresent());
        Button button = robot.lookup(".nav").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().equals(Integer.toString(question)))
                .findFirst()
                .orElseThrow();
        robot.clickOn(button);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private boolean isAnswered(int question) {
        return robot.lookup(".nav").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().equals(Integer.toString(question)))
                .anyMatch(b -> b.getStyleClass().contains("answered"));
    }

    private Duration timeLeft() {
        String shown = robot.lookup("#time-left").queryAs(Label.class).getText().replaceAll("[^0-9:]", "");
        String[] parts = shown.split(":");
        long seconds = 0;
        for (String part : parts) {
            if (!part.isEmpty()) {
                seconds = seconds * 60 + Long.parseLong(part);
            }
        }
        return Duration.ofSeconds(seconds);
    }

    private void waitFor(String id) throws Exception {
        WaitForAsyncUtils.waitFor(
                60, TimeUnit.SECONDS, () -> robot.lookup(id).tryQuery().isPresent());
    }
}
