package org.readroom.console.roster;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.readroom.core.protocol.Messages.CandidateView;
import org.readroom.core.protocol.Messages.SessionRoster;
import org.readroom.core.protocol.ServerConnection;
import org.readroom.core.protocol.StaffApi;
import org.readroom.core.session.CandidateStatus;
import org.readroom.core.time.Countdown;
import org.readroom.fx.i18n.UiText;

/**
 * The proctor's live seat list for the sessions on the server: refreshed by {@link #refresh()} (the view calls it on a
 * timer), turned into words here so the view only binds.
 */
public final class RosterViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final StaffApi api;
    private final UiText text;
    private final Executor ui;
    private final ZoneId zone;
    private final ObservableList<SeatRow> rows = FXCollections.observableArrayList();
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty resumeCode = new SimpleStringProperty("");

    private volatile long sessionId;

    public RosterViewModel(StaffApi api, UiText text, Executor ui, ZoneId zone) {
        this.api = api;
        this.text = text;
        this.ui = ui;
        this.zone = zone;
    }

    /**
     * A proctor action on the selected candidate ("admit", "pause", "resume"); the list is refreshed after it, and a
     * refusal (say, pausing a candidate who is not sitting) shows as the error line.
     */
    public CompletableFuture<Void> act(SeatRow row, String action) {
        if (row == null) {
            return CompletableFuture.completedFuture(null);
        }
        return api.candidateAction(sessionId, row.candidateNumber(), action, null)
                .handle((done, failure) -> {
                    if (failure != null) {
                        ui.execute(() -> error.set(
                                text.error(ServerConnection.errorOf(failure).error())));
                    }
                    return failure == null;
                })
                .thenCompose(ok -> ok ? refresh() : CompletableFuture.completedFuture(null));
    }

    /**
     * The resume code for the challenge on the selected candidate's restarted kiosk, shown as "code for N: XXXX-XXXX"
     * for the proctor to read out; a malformed challenge or a candidate not sitting shows as the error line.
     */
    public CompletableFuture<Void> resumeCode(SeatRow row, String challenge) {
        ui.execute(() -> resumeCode.set(""));
        if (row == null) {
            ui.execute(() -> error.set(text.get("roster.selectCandidate")));
            return CompletableFuture.completedFuture(null);
        }
        return api.resumeCode(sessionId, row.candidateNumber(), challenge == null ? "" : challenge)
                .handle((code, failure) -> {
                    ui.execute(() -> {
                        if (failure != null) {
                            error.set(
                                    text.error(ServerConnection.errorOf(failure).error()));
                        } else {
                            error.set("");
                            resumeCode.set(text.get("roster.resumeCodeIs", code.candidateNumber(), code.code()));
                        }
                    });
                    return null;
                });
    }

    public CompletableFuture<Void> refresh() {
        return api.sessions().handle((sessions, failure) -> {
            ui.execute(() -> {
                if (failure != null) {
                    error.set(text.error(ServerConnection.errorOf(failure).error()));
                } else {
                    error.set("");
                    show(sessions);
                }
            });
            return null;
        });
    }

    void show(List<SessionRoster> sessions) {
        if (sessions.isEmpty()) {
            title.set(text.get("roster.noSession"));
            rows.clear();
            summary.set("");
            return;
        }
        SessionRoster session = sessions.get(sessions.size() - 1);
        sessionId = session.sessionId();
        title.set(session.title().in(text.locale()));
        rows.setAll(session.candidates().stream().map(this::row).toList());
        long[] counts = new long[CandidateStatus.values().length];
        session.candidates().forEach(c -> counts[c.status().ordinal()]++);
        summary.set(text.get(
                "roster.summary",
                session.candidates().size(),
                counts[CandidateStatus.LOGGED_IN.ordinal()] + counts[CandidateStatus.ADMITTED.ordinal()],
                counts[CandidateStatus.SITTING.ordinal()]
                        + counts[CandidateStatus.PAUSED.ordinal()]
                        + counts[CandidateStatus.MOVED.ordinal()],
                counts[CandidateStatus.SUBMITTED.ordinal()]));
    }

    private SeatRow row(CandidateView c) {
        String lastSeen = c.lastSeen() == 0
                ? "—"
                : TIME.format(Instant.ofEpochMilli(c.lastSeen()).atZone(zone));
        String timeLeft = c.status().isInSitting() ? Countdown.format(Duration.ofMillis(c.remaining())) : "—";
        return new SeatRow(
                c.seat(),
                c.candidateNumber(),
                c.name(),
                text.get("status." + c.status().name()),
                c.answered() + "/" + c.total(),
                lastSeen,
                timeLeft);
    }

    public ObservableList<SeatRow> rows() {
        return rows;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    /** The last resume code fetched, as a sentence for the proctor (empty before). */
    public ReadOnlyStringProperty resumeCodeProperty() {
        return resumeCode;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }
}
