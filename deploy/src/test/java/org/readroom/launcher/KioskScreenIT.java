package org.readroom.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readroom.core.protocol.DeliveryMessages.KioskView;
import org.readroom.core.protocol.StaffApi;
import org.readroom.fx.viewer.DicomViewer;
import org.readroom.kiosk.app.KioskApp;
import org.readroom.kiosk.app.KioskOptions;
import org.readroom.server.ExamServer;
import org.readroom.server.demo.DemoExam;
import org.readroom.server.demo.DemoPaper;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real kiosk application, headless on Monocle, against a real server: it shows its pairing code, a proctor
 * approves and admits it, it fetches the package, the candidate logs in and waits for the start, then finds the CT,
 * scrolls it and hands in.
 */
class KioskScreenIT {

    @TempDir
    Path data;

    private DemoServer demo;
    private ExamServer server;
    private final FxRobot robot = new FxRobot();
    private Application app;

    @BeforeEach
    void start() throws Exception {
        demo = DemoServer.start(data);
        server = demo.server();
        FxToolkit.registerPrimaryStage();
        KioskApp.configure(new KioskOptions(
                server.localUri(),
                demo.trust(),
                Locale.SIMPLIFIED_CHINESE,
                data.resolve("kiosk"),
                "Lab 3 seat 12",
                true,
                "",
                ""));
        app = FxToolkit.setupApplication(KioskApp.class);
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        FxToolkit.cleanupApplication(app);
        demo.close();
    }

    @Test
    void aKioskIsApprovedByItsPairingCodeThenACandidateWaitsForTheStartReadsTheCtAndHandsIn() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#pairing-code")
                .tryQueryAs(Label.class)
                .map(l -> !l.getText().isEmpty())
                .orElse(false));
        String code = robot.lookup("#pairing-code").queryAs(Label.class).getText();
        assertTrue(code.matches("\\d{4}-\\d{4}"), code);
        assertTrue(robot.lookup("#candidate-number").tryQuery().isEmpty(), "no log-in before approval");

        // The proctor finds the kiosk by the code on its screen, approves and admits it.
        StaffApi proctor = demo.proctor();
        KioskView kiosk = proctor.kiosks().get(30, TimeUnit.SECONDS).stream()
                .filter(k -> k.pairingCode().equals(code))
                .findFirst()
                .orElseThrow();
        assertEquals("Lab 3 seat 12", kiosk.name());
        proctor.approveKiosk(kiosk.kioskId()).get(30, TimeUnit.SECONDS);
        proctor.admitKiosk(server.demo().sessionId(), kiosk.kioskId()).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#packages")
                .tryQueryAs(Label.class)
                .map(l -> l.getText().equals("试卷包已在本机并通过校验"))
                .orElse(false));

        DemoExam.Credentials candidate = server.demo().candidates().get(0);
        robot.clickOn("#candidate-number").write(candidate.candidateNumber());
        robot.clickOn("#admission-code").write(candidate.admissionCode());
        robot.clickOn("#login");
        WaitForAsyncUtils.waitFor(
                30, TimeUnit.SECONDS, () -> robot.lookup("#waiting").tryQuery().isPresent());
        assertTrue(robot.lookup("#time-left").tryQuery().isEmpty(), "the paper stays closed until the start");
        proctor.startSession(server.demo().sessionId()).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#time-left")
                .tryQuery()
                .isPresent());
        Label time = robot.lookup("#time-left").queryAs(Label.class);
        assertTrue(time.getText().startsWith("剩余时间 "), time.getText());

        // Visit questions until the one with the CT series shows its viewer with every slice loaded.
        // Controls get their skins (and so their children) on the next pulse after the scene changes.
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> robot.lookup(".nav").tryQuery().isPresent());
        assertEquals(DemoPaper.questionCount(), robot.lookup(".nav").queryAll().size());
        DicomViewer viewer = null;
        for (int i = 1; i <= DemoPaper.questionCount(); i++) {
            // The navigator is rebuilt after every move, so find the button afresh each time.
            String number = Integer.toString(i);
            Button button = robot.lookup(".nav").queryAllAs(Button.class).stream()
                    .filter(b -> b.getText().equals(number))
                    .findFirst()
                    .orElseThrow();
            robot.clickOn(button);
            WaitForAsyncUtils.waitForFxEvents();
            // An image question first shows "loading" while the slices arrive and decode.
            WaitForAsyncUtils.waitFor(
                    30, TimeUnit.SECONDS, () -> robot.lookup(n -> n instanceof Label l && "正在加载图像…".equals(l.getText()))
                            .tryQuery()
                            .isEmpty());
            Optional<Node> found = robot.lookup(n -> n instanceof DicomViewer && n.getScene() != null && n.isVisible())
                    .tryQuery();
            if (found.isPresent()) {
                viewer = (DicomViewer) found.get();
                DicomViewer shown = viewer;
                WaitForAsyncUtils.waitFor(
                        30, TimeUnit.SECONDS, () -> shown.model().sliceCount() == 24);
                break;
            }
        }
        assertTrue(
                viewer != null,
                "no question showed the CT viewer; labels on screen: "
                        + robot.lookup(".label").queryAllAs(Label.class).stream()
                                .map(Label::getText)
                                .toList());
        int before = viewer.model().sliceIndex();
        robot.clickOn(viewer).type(KeyCode.DOWN, 3);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(viewer.model().sliceIndex() != before, "the arrow keys move through the stack");
        int afterKeys = viewer.model().sliceIndex();
        // Monocle's robot reverses the wheel's sign, so only check that the wheel moves the stack one way or the other.
        robot.moveTo(viewer)
                .scroll(2, javafx.geometry.VerticalDirection.UP)
                .scroll(2, javafx.geometry.VerticalDirection.DOWN);
        robot.scroll(2, javafx.geometry.VerticalDirection.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(viewer.model().sliceIndex() != afterKeys, "the wheel moves through the stack");
        assertTrue(viewer.model().overlayText().contains("/24"), viewer.model().overlayText());

        // The A4 case: its second step is greyed out in the question list until the first is answered.
        int caseStep = -1;
        for (int i = 1; i <= DemoPaper.questionCount() && caseStep < 0; i++) {
            String number = Integer.toString(i);
            Button button = robot.lookup(".nav").queryAllAs(Button.class).stream()
                    .filter(b -> b.getText().equals(number))
                    .findFirst()
                    .orElseThrow();
            if (button.isDisabled()) {
                continue;
            }
            robot.clickOn(button);
            WaitForAsyncUtils.waitForFxEvents();
            if (robot.lookup(n -> n instanceof Label l && l.getText().startsWith("病例：共 2 道题，逐步作答"))
                    .tryQuery()
                    .isPresent()) {
                caseStep = i;
            }
        }
        assertTrue(caseStep > 0, "the stepwise case is on the paper");
        String nextStep = Integer.toString(caseStep + 1);
        assertTrue(robot.lookup(".nav").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().equals(nextStep))
                .findFirst()
                .orElseThrow()
                .isDisabled());
        Screens.save(robot.window(0).getScene(), Path.of("target", "screenshots", "kiosk-stepwise-case.png"));

        robot.clickOn("#submit");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#done-heading")
                .tryQuery()
                .isPresent());
        assertEquals("您已交卷", robot.lookup("#done-heading").queryAs(Label.class).getText());
    }
}
