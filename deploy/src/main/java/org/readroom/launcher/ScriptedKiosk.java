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
import org.readroom.core.bank.FillInItem;
import org.readroom.core.bank.Item;
import org.readroom.core.bank.MultipleChoiceItem;
import org.readroom.core.bank.SingleChoiceItem;
import org.readroom.core.dicom.DicomDecoder;
import org.readroom.core.paper.Paper;
import org.readroom.core.protocol.DeliveredItem;
import org.readroom.core.protocol.KioskApi;
import org.readroom.core.protocol.Messages.SubmitResponse;
import org.readroom.core.protocol.PinnedTrust;
import org.readroom.core.protocol.ServerConnection;
import org.readroom.fx.i18n.UiText;
import org.readroom.kiosk.exam.ExamViewModel;
import org.readroom.kiosk.i18n.KioskText;
import org.readroom.kiosk.login.LoginViewModel;
import org.readroom.kiosk.viewer.SeriesLoader;
import org.readroom.server.demo.DemoExam;

/**
 * A kiosk without a screen: drives the real kiosk view models (log-in, exam, images through the DICOM port, hand-in)
 * the way a candidate would. Candidate {@code n} answers right on some items and wrong on others, so scores differ.
 */
final class ScriptedKiosk {

    private final URI server;
    private final PinnedTrust trust;
    private final Path cache;
    private final Paper key;

    ScriptedKiosk(URI server, PinnedTrust trust, Path cache, Paper key) {
        this.server = server;
        this.trust = trust;
        this.cache = cache;
        this.key = key;
    }

    SubmitResponse sit(DemoExam.Credentials candidate, int n) throws Exception {
        ExecutorService ui =
                Executors.newSingleThreadExecutor(r -> new Thread(r, "scripted-ui-" + candidate.candidateNumber()));
        ScheduledExecutorService background = Executors.newScheduledThreadPool(1);
        try {
            KioskApi api = new KioskApi(new ServerConnection(server, trust));
            UiText text = KioskText.in(Locale.SIMPLIFIED_CHINESE);
            LoginViewModel login = new LoginViewModel(api, text, ui);
            run(ui, () -> {
                login.candidateNumberProperty().set(candidate.candidateNumber());
                login.admissionCodeProperty().set(candidate.admissionCode());
            });
            if (call(ui, login::login).thenCompose(f -> f).get(60, TimeUnit.SECONDS) == null) {
                throw new IllegalStateException(candidate.candidateNumber() + ": log-in refused: "
                        + login.errorProperty().get());
            }
            SeriesLoader images = new SeriesLoader(api, cache, DicomDecoder.pixelMed(), background);
            ExamViewModel exam = ExamViewModel.open(api, text, ui, Clock.systemUTC(), background, images)
                    .get(60, TimeUnit.SECONDS);
            for (int i = 0; i < exam.items().size(); i++) {
                int index = i;
                DeliveredItem item = exam.items().get(i);
                if (!item.images().isEmpty()) {
                    // Reading the case: every slice is fetched, checked and decoded as on a real kiosk.
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
            background.shutdownNow();
        }
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
        } else {
            exam.write(who.name() + "：右肺类圆形结节，约12 mm，边界清楚。印象：右肺结节，建议随访。");
        }
    }

    private static <T> CompletableFuture<T> call(ExecutorService ui, java.util.concurrent.Callable<T> work) {
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
