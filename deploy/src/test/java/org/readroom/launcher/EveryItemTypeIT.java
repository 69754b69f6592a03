package org.readroom.launcher;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readroom.core.bank.HotspotItem;
import org.readroom.core.bank.ReportItem;
import org.readroom.core.bank.TrueFalseItem;
import org.readroom.core.dicom.phantom.ChestPhantom;
import org.readroom.core.paper.navigation.Moves;
import org.readroom.core.protocol.DeliveredGroup;
import org.readroom.core.protocol.DeliveredItem;
import org.readroom.core.protocol.ItemKind;
import org.readroom.core.protocol.StaffApi;
import org.readroom.kiosk.exam.ExamViewModel;
import org.readroom.server.demo.DemoExam;
import org.readroom.server.demo.DemoPaper;

/**
 * The demo paper carries every item type: a candidate on a real kiosk answers each kind, a locking case question
 * cannot be changed after moving on, and the server scores what the candidate gave.
 */
class EveryItemTypeIT {

    @TempDir
    Path data;

    private final ExecutorService ui = Executors.newSingleThreadExecutor();
    private DemoServer demo;
    private ScriptedKiosk kiosk;
    private ExamViewModel exam;

    @AfterEach
    void stop() throws Exception {
        if (exam != null) {
            CompletableFuture.runAsync(exam::stop, ui).get(30, TimeUnit.SECONDS);
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
    void aCandidateAnswersEveryKindAndTheServerScoresIt() throws Exception {
        demo = DemoServer.start(data, Clock.systemUTC());
        StaffApi proctor = demo.proctor();
        kiosk = ScriptedKiosk.forDemo(demo.url(), demo.trust(), data.resolve("kiosk"), "Lab 1 seat 1");
        kiosk.enrol();
        proctor.approveKiosk(kiosk.kioskId()).get(30, TimeUnit.SECONDS);
        proctor.admitKiosk(demo.server().demo().sessionId(), kiosk.kioskId()).get(30, TimeUnit.SECONDS);
        kiosk.ready(60);
        DemoExam.Credentials candidate = demo.server().demo().candidates().get(0);
        ScriptedKiosk.LoggedIn loggedIn = kiosk.logIn(candidate, ui);
        proctor.startSession(demo.server().demo().sessionId()).get(30, TimeUnit.SECONDS);
        exam = kiosk.open(loggedIn, ui, Clock.systemUTC()).get(60, TimeUnit.SECONDS);
        List<DeliveredItem> items = onUi(exam::items);
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            at.put(items.get(i).id(), i);
        }

        // The case's questions arrive together, in order, with the history; the B1 questions share one option order.
        int caseFirst = at.get(DemoPaper.CASE_DIAGNOSIS_ITEM);
        assertEquals(caseFirst + 1, at.get(DemoPaper.CASE_FOLLOW_UP_ITEM));
        DeliveredGroup caseGroup = items.get(caseFirst).group();
        assertEquals(DeliveredGroup.Kind.CASE, caseGroup.kind());
        assertTrue(caseGroup.locksOnceAnswered());
        assertTrue(caseGroup.text().zh().contains("吸烟40年"));
        assertEquals(1, caseGroup.images().size());
        List<DeliveredItem> matching = items.stream()
                .filter(i -> i.group() != null && i.group().kind() == DeliveredGroup.Kind.MATCHING)
                .toList();
        assertEquals(3, matching.size());
        assertTrue(matching.stream()
                .allMatch(i -> i.options().equals(matching.get(0).options())));
        DeliveredItem trueFalse = items.get(at.get(DemoPaper.TRUE_FALSE_ITEM));
        assertEquals(ItemKind.TRUE_FALSE, trueFalse.kind());
        assertEquals(
                List.of(TrueFalseItem.TRUE, TrueFalseItem.FALSE),
                trueFalse.options().stream().map(o -> o.id()).toList());
        assertEquals("mm", items.get(at.get(DemoPaper.SIZE_ITEM)).unit());
        assertEquals(ItemKind.HOTSPOT, items.get(at.get(DemoPaper.HOTSPOT_ITEM)).kind());
        assertEquals(
                ItemKind.REPORT,
                items.get(at.get(DemoPaper.WRITTEN_REPORT_ITEM)).kind());

        // A4: the steps open one at a time, and the first answer locks once the candidate moves to the next step.
        assertFalse(onUi(() -> exam.isOpen(caseFirst + 1)), "step 2 waits for step 1");
        onUi(() -> exam.goTo(caseFirst + 1));
        assertEquals(caseFirst, onUi(() -> exam.indexProperty().get()), "a jump to step 2 lands on step 1");
        // "Next" on the unanswered step 1 skips step 2, which is not open yet, to the question after the case.
        assertTrue(caseFirst + 2 < items.size(), "this candidate's paper has a question after the case");
        onUi(exam::next);
        assertEquals(caseFirst + 2, onUi(() -> exam.indexProperty().get()), "Next skips the steps that are not open");
        onUi(() -> exam.goTo(caseFirst));
        onUi(() -> {
            exam.choose("A");
            exam.goTo(caseFirst + 1);
            exam.choose(TrueFalseItem.TRUE);
            exam.goTo(caseFirst);
            exam.choose("B");
        });
        assertTrue(onUi(() -> exam.isLocked(DemoPaper.CASE_DIAGNOSIS_ITEM)));
        assertEquals(Set.of("A"), onUi(() -> exam.answerTo(DemoPaper.CASE_DIAGNOSIS_ITEM)
                .choices()));
        // The moves that locked the steps are in the answer chain, so the server holds the same rules.
        await().atMost(Duration.ofSeconds(30)).until(() -> storedIds(candidate.candidateNumber())
                .containsAll(List.of(
                        Moves.eventId(DemoPaper.CASE_FOLLOW_UP_ITEM), Moves.eventId(DemoPaper.CASE_DIAGNOSIS_ITEM))));

        // A restarted kiosk rebuilds the same state from the record: both steps stay locked, and it opens on step 1,
        // where the record ends.
        CompletableFuture.runAsync(exam::stop, ui).get(30, TimeUnit.SECONDS);
        exam = kiosk.open(kiosk.logIn(candidate, ui), ui, Clock.systemUTC()).get(60, TimeUnit.SECONDS);
        assertTrue(onUi(() -> exam.isLocked(DemoPaper.CASE_DIAGNOSIS_ITEM)));
        assertTrue(onUi(() -> exam.isLocked(DemoPaper.CASE_FOLLOW_UP_ITEM)));
        assertEquals(caseFirst, onUi(() -> exam.indexProperty().get()));

        ChestPhantom.Landmarks nodule = ChestPhantom.landmarks(DemoExam.SLICES, DemoExam.SIZE);
        onUi(() -> {
            exam.goTo(at.get(DemoPaper.TRUE_FALSE_ITEM));
            exam.choose(TrueFalseItem.TRUE);
            exam.goTo(at.get(DemoPaper.SIZE_ITEM));
            exam.write("１３ mm");
            exam.goTo(at.get(DemoPaper.HOTSPOT_ITEM));
            exam.write(HotspotItem.answerText(
                    nodule.noduleSlice(),
                    nodule.nodule().column() + 4,
                    nodule.nodule().row() - 3));
            exam.goTo(at.get(DemoPaper.MATCHING_ITEM + "-1"));
            exam.choose("A");
            exam.goTo(at.get(DemoPaper.MATCHING_ITEM + "-2"));
            exam.choose("C");
            exam.goTo(at.get(DemoPaper.WRITTEN_REPORT_ITEM));
            exam.write(ReportItem.answerText("右肺实性结节，约12 mm。", "建议随访。"));
            exam.goTo(0);
        });
        assertNotNull(onUi(exam::submit).get(60, TimeUnit.SECONDS));

        Map<String, String> scores =
                scores(demo.server().demo().candidates().get(0).candidateNumber());
        assertEquals("2.0 AUTO_SCORED", scores.get(DemoPaper.CASE_DIAGNOSIS_ITEM));
        assertEquals("1.0 AUTO_SCORED", scores.get(DemoPaper.CASE_FOLLOW_UP_ITEM));
        assertEquals("1.0 AUTO_SCORED", scores.get(DemoPaper.TRUE_FALSE_ITEM));
        assertEquals("2.0 AUTO_SCORED", scores.get(DemoPaper.SIZE_ITEM), "13 mm is within 12 ± 2 mm");
        assertEquals("2.0 AUTO_SCORED", scores.get(DemoPaper.HOTSPOT_ITEM), "a mark on the nodule");
        assertEquals("1.0 AUTO_SCORED", scores.get(DemoPaper.MATCHING_ITEM + "-1"));
        assertEquals("0.0 AUTO_SCORED", scores.get(DemoPaper.MATCHING_ITEM + "-2"));
        assertEquals("0.0 AUTO_SCORED", scores.get(DemoPaper.MATCHING_ITEM + "-3"), "left blank");
        assertEquals("0.0 AWAITING_MARKING", scores.get(DemoPaper.WRITTEN_REPORT_ITEM));
        assertTrue(
                !scores.containsKey(DemoPaper.CASE_ITEM) && !scores.containsKey(DemoPaper.MATCHING_ITEM),
                "groups are scored through their questions: " + scores.keySet());
    }

    /** Every id in the candidate's stored record: questions and move events. */
    private Set<String> storedIds(String candidateNumber) throws Exception {
        Set<String> ids = new java.util.HashSet<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("readroom.db"));
                Statement query = connection.createStatement();
                ResultSet rows = query.executeQuery("SELECT a.item_id FROM answers a JOIN candidates c"
                        + " ON c.id = a.candidate_id WHERE c.candidate_number = '" + candidateNumber + "'")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    private Map<String, String> scores(String candidateNumber) throws Exception {
        Map<String, String> scores = new HashMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("readroom.db"));
                Statement query = connection.createStatement();
                ResultSet rows = query.executeQuery("SELECT s.item_id, s.awarded, s.status FROM item_scores s"
                        + " JOIN candidates c ON c.id = s.candidate_id WHERE c.candidate_number = '"
                        + candidateNumber + "'")) {
            while (rows.next()) {
                scores.put(rows.getString(1), rows.getDouble(2) + " " + rows.getString(3));
            }
        }
        return scores;
    }

    private <T> T onUi(java.util.concurrent.Callable<T> work) throws Exception {
        return ScriptedKiosk.call(ui, work).get(30, TimeUnit.SECONDS);
    }

    private void onUi(Runnable work) throws Exception {
        CompletableFuture.runAsync(work, ui).get(30, TimeUnit.SECONDS);
    }
}
