package org.readroom.core.protocol;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.readroom.core.protocol.Messages.ResultsSummary;
import org.readroom.core.protocol.Messages.SessionRoster;
import org.readroom.core.protocol.Messages.StaffLoginRequest;
import org.readroom.core.protocol.Messages.StaffLoginResponse;

/** What the proctor console and admin tools ask of the exam server (protocol v1). */
public final class StaffApi {

    private final ServerConnection connection;

    public StaffApi(ServerConnection connection) {
        this.connection = connection;
    }

    public CompletableFuture<StaffLoginResponse> login(StaffLoginRequest request) {
        return connection
                .post(ApiPaths.STAFF_LOGIN, request, StaffLoginResponse.class)
                .thenApply(response -> {
                    connection.token(response.token());
                    return response;
                });
    }

    public CompletableFuture<List<SessionRoster>> sessions() {
        return connection.get(
                ApiPaths.PROCTOR_SESSIONS,
                Wire.mapper().getTypeFactory().constructCollectionType(List.class, SessionRoster.class));
    }

    public CompletableFuture<SessionRoster> roster(long sessionId) {
        return connection.get(ApiPaths.roster(sessionId), SessionRoster.class);
    }

    public CompletableFuture<DeliveryMessages.PackageBuilt> buildPackage(String paperId) {
        return connection.post(ApiPaths.buildPackage(paperId), Map.of(), DeliveryMessages.PackageBuilt.class);
    }

    public CompletableFuture<List<DeliveryMessages.KioskView>> kiosks() {
        return connection.get(
                ApiPaths.ADMIN_KIOSKS,
                Wire.mapper().getTypeFactory().constructCollectionType(List.class, DeliveryMessages.KioskView.class));
    }

    public CompletableFuture<DeliveryMessages.KioskStatus> approveKiosk(String kioskId) {
        return connection.post(ApiPaths.approveKiosk(kioskId), Map.of(), DeliveryMessages.KioskStatus.class);
    }

    public CompletableFuture<DeliveryMessages.KioskStatus> revokeKiosk(String kioskId) {
        return connection.post(ApiPaths.revokeKiosk(kioskId), Map.of(), DeliveryMessages.KioskStatus.class);
    }

    public CompletableFuture<List<String>> admitKiosk(long sessionId, String kioskId) {
        return connection.post(
                ApiPaths.admitKiosk(sessionId, kioskId),
                Map.of(),
                Wire.mapper().getTypeFactory().constructCollectionType(List.class, String.class));
    }

    public CompletableFuture<DeliveryMessages.SessionStarted> startSession(long sessionId) {
        return connection.post(ApiPaths.startSession(sessionId), Map.of(), DeliveryMessages.SessionStarted.class);
    }

    public CompletableFuture<ResultsSummary> results(long sessionId) {
        return connection.get(ApiPaths.results(sessionId), ResultsSummary.class);
    }

    /**
     * A proctor action on one candidate: admit, pause, resume, extra-time ({@link Messages.ExtraTime}), message
     * ({@link Messages.ProctorMessage}), lock ({@link Messages.ScreenLock}), move, submit, void
     * ({@link Messages.VoidRequest}); {@code body} is the action's message or null.
     */
    public CompletableFuture<Messages.ActionDone> candidateAction(
            long sessionId, String candidateNumber, String action, Object body) {
        return connection.post(
                ApiPaths.candidateAction(sessionId, candidateNumber, action),
                body == null ? Map.of() : body,
                Messages.ActionDone.class);
    }

    /** The response to a restarted kiosk's challenge, so the candidate can continue while it is offline. */
    public CompletableFuture<Messages.ResumeCode> resumeCode(long sessionId, String candidateNumber, String challenge) {
        return connection.post(
                ApiPaths.candidateAction(sessionId, candidateNumber, "resume-code"),
                new Messages.ResumeCodeRequest(challenge),
                Messages.ResumeCode.class);
    }

    /** A proctor action on the room: pause, resume, extra-time, message, end, irregularities. */
    public CompletableFuture<Messages.ActionDone> roomAction(long sessionId, String action, Object body) {
        return connection.post(
                ApiPaths.roomAction(sessionId, action), body == null ? Map.of() : body, Messages.ActionDone.class);
    }

    public CompletableFuture<List<Messages.InterruptionView>> interruptions(long sessionId) {
        return connection.get(
                ApiPaths.interruptions(sessionId),
                Wire.mapper().getTypeFactory().constructCollectionType(List.class, Messages.InterruptionView.class));
    }

    public CompletableFuture<Messages.InterruptionView> decideInterruption(
            long sessionId, long interruptionId, boolean accept) {
        return connection.post(
                ApiPaths.decideInterruption(sessionId, interruptionId, accept),
                Map.of(),
                Messages.InterruptionView.class);
    }

    /** Schedules a session with generated candidates (admin). */
    public CompletableFuture<Messages.CreatedSession> createSession(Messages.NewSession request) {
        return connection.post(ApiPaths.ADMIN_SESSIONS, request, Messages.CreatedSession.class);
    }
}
