package org.readroom.launcher;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readroom.core.protocol.DeliveredItem;
import org.readroom.core.protocol.StaffApi;
import org.readroom.core.scoring.Answer;
import org.readroom.core.session.CandidateStatus;
import org.readroom.kiosk.exam.ExamViewModel;
import org.readroom.server.demo.DemoExam;

/**
 * A kiosk's countdown reaching zero: answering stops at once and the server's clock decides. Where the server agrees,
 * the kiosk hands in by itself; where the server still gives time (extra time the kiosk had not heard of, or a kiosk
 * clock running fast), the paper reopens.
 */
class KioskTimeUpIT {

    private static final Duration DURATION = Duration.ofMinutes(30);

    @TempDir
    Path data;

    private final ShiftedClock serverClock = new ShiftedClock();
    private final ShiftedClock kioskClock = new ShiftedClock();
    private final ExecutorService ui = Executors.newSingleThreadExecutor();
    private DemoServer demo;
    private ScriptedKiosk kiosk;
    private StaffApi proctor;
    private DemoExam.Credentials candidate;
    private ExamViewModel exam;

    @BeforeEach
    void aCandidateSits() throws Exception {
        demo = DemoServer.start(data, serverClock);
        proctor = demo.proctor();
        kiosk = ScriptedKiosk.forDemo(demo.url(), demo.trust(), data.resolve("kiosk"), "Lab 1 seat 1");
        kiosk.enrol();
        proctor.approveKiosk(kiosk.kioskId()).get(30, TimeUnit.SECONDS);
        proctor.admitKiosk(demo.server().demo().sessionId(), kiosk.kioskId()).get(30, TimeUnit.SECONDS);
        kiosk.ready(60);
        candidate = demo.server().demo().candidates().get(0);
        ScriptedKiosk.LoggedIn loggedIn = kiosk.logIn(candidate, ui);
        proctor.startSession(demo.server().demo().sessionId()).get(30, TimeUnit.SECONDS);
        exam = kiosk.open(loggedIn, ui, kioskClock).get(60, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        if (exam != null) {
            onUi(exam::stop);
        }
        ui.shutdownNow();
        if (kiosk != null) {
            kiosk.close();
        }
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void atZeroTheKioskStopsAnsweringAndHandsInWhenTheServerAgrees() throws Exception {
        serverClock.shift(DURATION.plusSeconds(2)); // past the deadline, within the server's grace
        kioskClock.shift(DURATION.plusSeconds(2));
        DeliveredItem first = exam.items().get(0);
        Answer before = onUi(() -> exam.answerTo(first.id()));
        Answer afterZero = onUi(() -> {
            exam.tick();
            first.options().forEach(o -> exam.choose(o.id()));
            exam.write("too late");
            return exam.answerTo(first.id());
        });
        assertEquals(before, afterZero, "nothing is answered once the countdown reached zero");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> exam.submittedProperty().get() != null);
        assertTrue(exam.submittedByTimerProperty().get(), "handed in by the timer");
        assertEquals(
                CandidateStatus.SUBMITTED,
                demo.proctor().roster(demo.server().demo().sessionId()).get(30, TimeUnit.SECONDS).candidates().stream()
                        .filter(c -> c.candidateNumber().equals(candidate.candidateNumber()))
                        .findFirst()
                        .orElseThrow()
                        .status());
    }

    @Test
    void whenTheServerStillGivesTimeThePaperReopensInsteadOfBeingHandedIn() throws Exception {
        kioskClock.shift(DURATION.plusMinutes(1)); // this kiosk's clock runs fast; the server's deadline is far off
        DeliveredItem first = exam.items().get(0);
        onUi(exam::tick);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> onUi(() -> {
                    exam.tick();
                    return !exam.timeLeftProperty().get().contains("00:00");
                }));
        assertNull(exam.submittedProperty().get(), "not handed in");
        assertFalse(exam.submittingProperty().get());
        String option =
                first.options().isEmpty() ? null : first.options().get(0).id();
        Answer answered = onUi(() -> {
            if (option == null) {
                exam.write("still time");
            } else {
                exam.choose(option);
            }
            return exam.answerTo(first.id());
        });
        assertFalse(answered.isBlank(), "the candidate answers again");
        assertEquals("", exam.closedByProperty().get(), "the sitting was not closed");
    }

    private <T> T onUi(java.util.concurrent.Callable<T> work) throws Exception {
        return ScriptedKiosk.call(ui, work).get(30, TimeUnit.SECONDS);
    }

    private void onUi(Runnable work) throws Exception {
        CompletableFuture.runAsync(work, ui).get(30, TimeUnit.SECONDS);
    }
}
