package org.readroom.console.kiosks;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.readroom.core.protocol.DeliveryMessages.KioskView;
import org.readroom.core.protocol.DeliveryMessages.PackageCopy;
import org.readroom.core.protocol.Messages.SessionRoster;
import org.readroom.core.protocol.ServerConnection;
import org.readroom.core.protocol.StaffApi;
import org.readroom.fx.i18n.UiText;

/**
 * The console's kiosk list for the current session: which kiosks asked to enrol (with the pairing code the proctor
 * compares with the kiosk's screen), which are approved and admitted, how far each has its paper package, and the
 * actions approve, admit, revoke and start. The view calls {@link #refresh()} on a timer.
 */
public final class KiosksViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final StaffApi api;
    private final UiText text;
    private final Executor ui;
    private final ZoneId zone;
    private final ObservableList<KioskRow> rows = FXCollections.observableArrayList();
    private final StringProperty heading = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty started = new SimpleBooleanProperty(false);
    private final BooleanProperty hasSession = new SimpleBooleanProperty(false);
    private volatile long sessionId = -1;

    public KiosksViewModel(StaffApi api, UiText text, Executor ui, ZoneId zone) {
        this.api = api;
        this.text = text;
        this.ui = ui;
        this.zone = zone;
    }

    public CompletableFuture<Void> refresh() {
        return api.sessions()
                .thenCombine(api.kiosks(), (sessions, kiosks) -> {
                    ui.execute(() -> show(sessions, kiosks));
                    return (Void) null;
                })
                .exceptionally(failure -> {
                    ui.execute(() -> error.set(
                            text.error(ServerConnection.errorOf(failure).error())));
                    return null;
                });
    }

    void show(List<SessionRoster> sessions, List<KioskView> kiosks) {
        error.set("");
        SessionRoster session = sessions.isEmpty() ? null : sessions.get(sessions.size() - 1);
        sessionId = session == null ? -1 : session.sessionId();
        hasSession.set(session != null);
        started.set(session != null && session.startedAt() > 0);
        if (session == null) {
            heading.set(text.get("kiosks.noSession"));
        } else if (session.startedAt() > 0) {
            heading.set(text.get(
                    "kiosks.started",
                    session.title().in(text.locale()),
                    TIME.format(Instant.ofEpochMilli(session.startedAt()).atZone(zone))));
        } else {
            heading.set(text.get("kiosks.notStarted", session.title().in(text.locale())));
        }
        rows.setAll(kiosks.stream().map(this::row).toList());
        summary.set(text.get(
                "kiosks.summary",
                kiosks.size(),
                kiosks.stream().filter(k -> k.status().equals("APPROVED")).count(),
                rows.stream().filter(KioskRow::admittedHere).count(),
                kiosks.stream().filter(KiosksViewModel::packageReady).count()));
    }

    private KioskRow row(KioskView kiosk) {
        boolean here = kiosk.admittedTo().contains(sessionId);
        return new KioskRow(
                kiosk.kioskId(),
                kiosk.name(),
                kiosk.pairingCode(),
                status(kiosk.status()),
                packageState(kiosk.packages()),
                here ? text.get("kiosks.admitted.yes") : text.get("kiosks.admitted.no"),
                kiosk.status().equals("APPROVED"),
                here);
    }

    private String status(String status) {
        return switch (status) {
            case "APPROVED" -> text.get("kiosks.status.APPROVED");
            case "REVOKED" -> text.get("kiosks.status.REVOKED");
            default -> text.get("kiosks.status.PENDING");
        };
    }

    private String packageState(List<PackageCopy> copies) {
        if (copies.isEmpty()) {
            return "—";
        }
        if (copies.stream().allMatch(PackageCopy::verified)) {
            return text.get("kiosks.package.verified");
        }
        long size = copies.stream().mapToLong(PackageCopy::size).sum();
        long have = copies.stream().mapToLong(PackageCopy::bytesReceived).sum();
        return text.get("kiosks.package.progress", size == 0 ? 0 : (int) (100 * have / size));
    }

    private static boolean packageReady(KioskView kiosk) {
        return !kiosk.packages().isEmpty() && kiosk.packages().stream().allMatch(PackageCopy::verified);
    }

    /** Approves the kiosk whose pairing code the proctor compared with its screen. */
    public CompletableFuture<Void> approve(KioskRow row) {
        return act(() -> api.approveKiosk(row.kioskId()));
    }

    public CompletableFuture<Void> revoke(KioskRow row) {
        return act(() -> api.revokeKiosk(row.kioskId()));
    }

    /** Admits an approved kiosk to the current session: it will receive the key at the start. */
    public CompletableFuture<Void> admit(KioskRow row) {
        long session = sessionId;
        if (session < 0) {
            return CompletableFuture.completedFuture(null);
        }
        return act(() -> api.admitKiosk(session, row.kioskId()));
    }

    /** Starts the current session: every admitted, approved kiosk receives its key. */
    public CompletableFuture<Void> start() {
        long session = sessionId;
        if (session < 0) {
            return CompletableFuture.completedFuture(null);
        }
        return act(() -> api.startSession(session));
    }

    /** Runs an action, refreshes the list, and then shows the action's error (the refresh must not wipe it). */
    private CompletableFuture<Void> act(Supplier<CompletableFuture<?>> action) {
        return action.get().handle((done, failure) -> failure).thenCompose(failure -> refresh()
                .thenRun(() -> {
                    if (failure != null) {
                        ui.execute(() -> error.set(
                                text.error(ServerConnection.errorOf(failure).error())));
                    }
                }));
    }

    public ObservableList<KioskRow> rows() {
        return rows;
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyBooleanProperty startedProperty() {
        return started;
    }

    public ReadOnlyBooleanProperty hasSessionProperty() {
        return hasSession;
    }
}
