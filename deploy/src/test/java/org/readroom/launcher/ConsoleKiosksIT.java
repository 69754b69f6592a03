package org.readroom.launcher;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readroom.console.kiosks.KioskRow;
import org.readroom.console.kiosks.KiosksViewModel;
import org.readroom.console.roster.ConsoleText;
import org.readroom.core.protocol.StaffApi;
import org.readroom.core.session.CandidateStatus;
import org.readroom.server.demo.DemoExam;
import org.readroom.server.demo.DemoPaper;

/**
 * The console's kiosk list against a real server and real (scripted) kiosks: the proctor sees each kiosk's pairing
 * code, approves and admits one, watches its package arrive, revokes one approved by mistake and starts the exam.
 */
class ConsoleKiosksIT {

    @TempDir
    Path data;

    private DemoServer demo;

    @BeforeEach
    void start() throws Exception {
        demo = DemoServer.start(data);
    }

    @AfterEach
    void stop() throws Exception {
        demo.close();
    }

    private ScriptedKiosk kiosk(String name) {
        return ScriptedKiosk.forDemo(demo.url(), demo.trust(), data.resolve(name), name);
    }

    @Test
    void theProctorApprovesByPairingCodeAdmitsWatchesThePackageAndStarts() throws Exception {
        StaffApi api = demo.proctor();
        KiosksViewModel console = new KiosksViewModel(
                api, ConsoleText.in(Locale.SIMPLIFIED_CHINESE), Runnable::run, ZoneId.of("Asia/Shanghai"));

        try (ScriptedKiosk seat = kiosk("三号机房 12 座");
                ScriptedKiosk stranger = kiosk("unknown laptop")) {
            String code = seat.enrol().pairingCode();
            stranger.enrol();
            console.refresh().get(30, TimeUnit.SECONDS);
            assertEquals(2, console.rows().size());
            KioskRow row = find(console, code);
            assertEquals("三号机房 12 座", row.name());
            assertEquals("待批准", row.status());
            assertEquals("否", row.admitted());
            assertTrue(
                    console.headingProperty().get().endsWith("：未开考"),
                    console.headingProperty().get());

            console.approve(row).get(30, TimeUnit.SECONDS);
            console.admit(find(console, code)).get(30, TimeUnit.SECONDS);
            row = find(console, code);
            assertEquals("已批准", row.status());
            assertEquals("是", row.admitted());
            seat.ready(60);
            console.refresh().get(30, TimeUnit.SECONDS);
            assertEquals("已下载并校验", find(console, code).packageState());
            assertEquals("—", find(console, stranger.enrol().pairingCode()).packageState(), "nothing before approval");
            assertTrue(
                    console.summaryProperty().get().contains("已准入本场 1"),
                    console.summaryProperty().get());

            // Approved by mistake, then revoked: the list says so (DeliveryIT shows a revoked kiosk gets nothing).
            KioskRow wrong = find(console, stranger.enrol().pairingCode());
            console.approve(wrong).get(30, TimeUnit.SECONDS);
            console.revoke(find(console, wrong.pairingCode())).get(30, TimeUnit.SECONDS);
            assertEquals("已停用", find(console, wrong.pairingCode()).status());

            assertFalse(console.startedProperty().get());
            console.start().get(30, TimeUnit.SECONDS);
            assertTrue(console.startedProperty().get());
            assertTrue(
                    console.headingProperty().get().contains("已于"),
                    console.headingProperty().get());
            // The candidate arrives after the start: their kiosk waits until the proctor admits them.
            DemoExam.Credentials late = demo.server().demo().candidates().get(1);
            CompletableFuture<Integer> sat = CompletableFuture.supplyAsync(() -> {
                try {
                    return seat.sit(late, 1).total();
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            });
            var proctor = demo.proctor();
            long session = demo.server().demo().sessionId();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> proctor.roster(session).get(30, TimeUnit.SECONDS).candidates().stream()
                            .anyMatch(c -> c.candidateNumber().equals(late.candidateNumber())
                                    && c.status() == CandidateStatus.LOGGED_IN));
            proctor.candidateAction(session, late.candidateNumber(), "admit", null)
                    .get(30, TimeUnit.SECONDS);
            assertEquals(
                    DemoPaper.questionCount(), sat.get(120, TimeUnit.SECONDS), "the admitted kiosk opens the paper");
        }
    }

    private static KioskRow find(KiosksViewModel console, String code) {
        return console.rows().stream()
                .filter(r -> r.pairingCode().equals(code))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no kiosk with code " + code + " in " + console.rows()));
    }
}
