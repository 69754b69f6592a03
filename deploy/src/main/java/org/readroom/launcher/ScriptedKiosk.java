package org.readroom.launcher;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.readroom.core.bank.FillInItem;
import org.readroom.core.bank.HotspotItem;
import org.readroom.core.bank.Item;
import org.readroom.core.bank.MultipleChoiceItem;
import org.readroom.core.bank.NumericItem;
import org.readroom.core.bank.ReportItem;
import org.readroom.core.bank.SingleChoiceItem;
import org.readroom.core.bank.TrueFalseItem;
import org.readroom.core.dicom.DicomDecoder;
import org.readroom.core.imaging.HotspotRegion;
import org.readroom.core.imaging.Point;
import org.readroom.core.paper.Paper;
import org.readroom.core.protocol.DeliveredItem;
import org.readroom.core.protocol.KioskApi;
import org.readroom.core.protocol.Messages.LoginResponse;
import org.readroom.core.protocol.Messages.SubmitResponse;
import org.readroom.core.protocol.PinnedTrust;
import org.readroom.core.protocol.ServerConnection;
import org.readroom.kiosk.delivery.DeliveryAgent;
import org.readroom.kiosk.delivery.KioskState;
import org.readroom.kiosk.exam.ExamViewModel;
import org.readroom.kiosk.i18n.KioskText;
import org.readroom.kiosk.login.LoginViewModel;
import org.readroom.kiosk.resume.ResumeTicket;
import org.readroom.kiosk.viewer.SeriesLoader;
import org.readroom.server.demo.DemoExam;
import org.readroom.server.demo.DemoPaper;

/**
 * A kiosk without a screen, driving the real kiosk code the way a kiosk and a candidate would: it enrols with its own
 * keys and waits for approval, fetches and verifies the package, then the candidate logs in, the paper opens from the
 * package with the key released at the start, the images are decoded through the DICOM port, and the exam is handed
 * in. Candidate {@code n} answers right on some items and wrong on others, so scores differ.
 */
final class ScriptedKiosk implements AutoCloseable {

    private final URI server;
    private final PinnedTrust trust;
    private final KioskState state;
    private final Paper key;
    private final ScheduledExecutorService background;
    private final ExecutorService io;
    private final DeliveryAgent delivery;

    ScriptedKiosk(URI server, PinnedTrust trust, Path folder, String name, Paper key) {
        this.server = server;
        this.trust = trust;
        this.state = new KioskState(folder);
        this.key = key;
        this.background = Executors.newScheduledThreadPool(2);
        this.io = Executors.newCachedThreadPool();
        this.delivery =
                new DeliveryAgent(new ServerConnection(server, trust), state, name, background, io, status -> {});
    }

    /** A kiosk whose candidate answers the demo paper (the answer key decides which answers are right). */
    static ScriptedKiosk forDemo(URI server, PinnedTrust trust, Path folder, String name) {
        return new ScriptedKiosk(
                server,
                trust,
                folder,
                name,
                DemoPaper.build(
                        DemoExam.PAPER_ID,
                        java.util.Collections.nCopies(DemoExam.SLICES, "0".repeat(64)),
                        DemoExam.SIZE));
    }

    /** Enrols (or picks up an earlier enrolment) and returns once the server has this kiosk, pending or approved. */
    DeliveryAgent.Status enrol() throws Exception {
        delivery.start();
        return until(s -> s.stage() != DeliveryAgent.Stage.CONNECTING, 60);
    }

    String kioskId() {
        return delivery.kioskId();
    }

    /** Waits until every package the server lists is on this kiosk and verified. */
    DeliveryAgent.Status ready(int seconds) throws Exception {
        return until(s -> s.stage() == DeliveryAgent.Stage.READY, seconds);
    }

    private DeliveryAgent.Status until(java.util.function.Predicate<DeliveryAgent.Status> reached, int seconds)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!reached.test(delivery.status())) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("kiosk still " + delivery.status());
            }
            Thread.sleep(50);
        }
        return delivery.status();
    }

    /** A candidate logged in on this kiosk, as after the log-in screen. */
    record LoggedIn(KioskApi api, LoginResponse response) {}

    /** The candidate logs in the way the log-in screen does it; {@code ui} stands for the UI thread. */
    LoggedIn logIn(DemoExam.Credentials candidate, ExecutorService ui) throws Exception {
        KioskApi api = new KioskApi(new ServerConnection(server, trust));
        LoginViewModel login = new LoginViewModel(api, KioskText.in(Locale.SIMPLIFIED_CHINESE), ui);
        run(ui, () -> {
            login.candidateNumberProperty().set(candidate.candidateNumber());
            login.admissionCodeProperty().set(candidate.admissionCode());
        });
        LoginResponse loggedIn = call(ui, login::login).thenCompose(f -> f).get(60, TimeUnit.SECONDS);
        if (loggedIn == null) {
            throw new IllegalStateException(candidate.candidateNumber() + ": log-in refused: "
                    + login.errorProperty().get());
        }
        return new LoggedIn(api, loggedIn);
    }

    /**
     * Continues this kiosk's sitting from its resume ticket as after a restart with the exam server out of reach (the
     * candidate has typed the proctor's code): the kiosk talks to {@code unreachable} until the link returns.
     */
    CompletableFuture<ExamViewModel> resumeOffline(URI unreachable, ExecutorService ui, Clock clock) {
        ResumeTicket ticket = ticket(clock);
        return ExamViewModel.resumeOffline(
                new KioskApi(new ServerConnection(unreachable, trust)),
                ticket,
                delivery,
                opened -> new SeriesLoader(opened, state.openImagesFolder(), DicomDecoder.pixelMed(), background),
                KioskText.in(Locale.SIMPLIFIED_CHINESE),
                ui,
                clock,
                background);
    }

    /** The resume ticket this kiosk holds now (written at the start and at every heartbeat's checkpoint). */
    ResumeTicket ticket(Clock clock) {
        return delivery.resumeTickets()
                .latest(clock.millis())
                .orElseThrow(() -> new IllegalStateException("this kiosk holds no resume ticket"));
    }

    /** Opens the logged-in candidate's paper once the session starts, the kiosk's time read from {@code clock}. */
    CompletableFuture<ExamViewModel> open(LoggedIn candidate, ExecutorService ui, Clock clock) {
        return ExamViewModel.open(
                candidate.api(),
                candidate.response(),
                delivery,
                problem -> {},
                opened -> new SeriesLoader(opened, state.openImagesFolder(), DicomDecoder.pixelMed(), background),
                KioskText.in(Locale.SIMPLIFIED_CHINESE),
                ui,
                clock,
                background);
    }

    SubmitResponse sit(DemoExam.Credentials candidate, int n) throws Exception {
        ExecutorService ui =
                Executors.newSingleThreadExecutor(r -> new Thread(r, "scripted-ui-" + candidate.candidateNumber()));
        try {
            ExamViewModel exam =
                    open(logIn(candidate, ui), ui, Clock.systemUTC()).get(5, TimeUnit.MINUTES);
            for (int i = 0; i < exam.items().size(); i++) {
                int index = i;
                DeliveredItem item = exam.items().get(i);
                if (!item.images().isEmpty()) {
                    // Reading the case: every slice is decrypted from the package, checked and decoded.
                    exam.series(item.images().get(0)).get(60, TimeUnit.SECONDS);
                }
                boolean right = (n + i) % 4 != 0;
                run(ui, () -> {
                            exam.goTo(index);
                            answer(exam, key.item(item.id()), item, right, candidate);
                        })
                        .get(10, TimeUnit.SECONDS);
            }
            return call(ui, exam::submit).thenCompose(f -> f).get(60, TimeUnit.SECONDS);
        } finally {
            ui.shutdownNow();
        }
    }

    @Override
    public void close() {
        delivery.stop();
        background.shutdownNow();
        io.shutdownNow();
    }

    private static void answer(
            ExamViewModel exam, Item keyed, DeliveredItem item, boolean right, DemoExam.Credentials who) {
        if (keyed instanceof SingleChoiceItem single) {
            String wrong = item.options().stream()
                    .map(o -> o.id())
                    .filter(id -> !id.equals(single.correctOption()))
                    .findFirst()
                    .orElseThrow();
            exam.choose(right ? single.correctOption() : wrong);
        } else if (keyed instanceof MultipleChoiceItem multiple) {
            Set<String> wanted = right
                    ? multiple.correctOptions()
                    : Set.of(item.options().get(0).id());
            wanted.forEach(exam::choose);
        } else if (keyed instanceof FillInItem fill) {
            exam.write(right ? "ＨＵ" : "mm");
        } else if (keyed instanceof TrueFalseItem trueFalse) {
            exam.choose(right == trueFalse.correct() ? TrueFalseItem.TRUE : TrueFalseItem.FALSE);
        } else if (keyed instanceof NumericItem numeric) {
            exam.write(right ? numeric.value() + 1 + " " + numeric.unit() : "40");
        } else if (keyed instanceof HotspotItem hotspot) {
            HotspotRegion.EllipseRegion key = (HotspotRegion.EllipseRegion) hotspot.region();
            Point centre = key.ellipse().center();
            exam.write(HotspotItem.answerText(hotspot.frame(), centre.x() + (right ? 3 : 60), centre.y()));
        } else if (keyed instanceof ReportItem) {
            exam.write(
                    ReportItem.answerText(who.name() + "：右肺实性结节，直径约12 mm，边界清楚。", right ? "右肺结节，建议3个月后复查。" : "未见异常。"));
        } else {
            exam.write(who.name() + "：右肺类圆形结节，约12 mm，边界清楚。印象：右肺结节，建议随访。");
        }
    }

    /** Runs {@code work} on the kiosk's UI thread (tests use it to drive a view model as the screen would). */
    static <T> CompletableFuture<T> call(ExecutorService ui, java.util.concurrent.Callable<T> work) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return work.call();
                    } catch (Exception e) {
                        throw new java.util.concurrent.CompletionException(e);
                    }
                },
                ui);
    }

    private static CompletableFuture<Void> run(ExecutorService ui, Runnable work) {
        return CompletableFuture.runAsync(work, ui);
    }
}
