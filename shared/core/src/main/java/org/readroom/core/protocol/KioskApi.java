package org.readroom.core.protocol;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.readroom.core.errors.ErrorCode;
import org.readroom.core.protocol.Messages.AnswerAck;
import org.readroom.core.protocol.Messages.AnswerSave;
import org.readroom.core.protocol.Messages.ExamClock;
import org.readroom.core.protocol.Messages.Heartbeat;
import org.readroom.core.protocol.Messages.HeartbeatReply;
import org.readroom.core.protocol.Messages.LoginRequest;
import org.readroom.core.protocol.Messages.LoginResponse;
import org.readroom.core.protocol.Messages.Sitting;
import org.readroom.core.protocol.Messages.SubmitRequest;
import org.readroom.core.protocol.Messages.SubmitResponse;

/** What a kiosk asks of the exam server (protocol v1). One instance per candidate login. */
public final class KioskApi {

    private final ServerConnection connection;
    private volatile LoginRequest credentials;

    public KioskApi(ServerConnection connection) {
        this.connection = connection;
    }

    public CompletableFuture<LoginResponse> login(LoginRequest request) {
        return connection
                .post(ApiPaths.KIOSK_LOGIN, request, LoginResponse.class)
                .thenApply(response -> {
                    connection.token(response.token());
                    credentials = request;
                    return response;
                });
    }

    /**
     * Continues a sitting on a kiosk that restarted while the server was out of reach: no call now; the first call
     * that reaches the server logs in with these credentials (see {@link #again}).
     */
    public void resumeAs(LoginRequest known) {
        credentials = known;
    }

    /** The credentials of the last log-in (or {@link #resumeAs}); null before. */
    public LoginRequest credentials() {
        return credentials;
    }

    public CompletableFuture<ExamClock> start() {
        return again(() -> connection.post(ApiPaths.KIOSK_START, Map.of(), ExamClock.class));
    }

    /** The candidate's seed and saved answers; the paper itself comes from the package. */
    public CompletableFuture<Sitting> sitting() {
        return again(() -> connection.get(ApiPaths.KIOSK_SITTING, Sitting.class));
    }

    public CompletableFuture<ExamClock> clock() {
        return again(() -> connection.get(ApiPaths.KIOSK_CLOCK, ExamClock.class));
    }

    public CompletableFuture<AnswerAck> save(AnswerSave answer) {
        return again(() -> connection.post(ApiPaths.KIOSK_ANSWERS, answer, AnswerAck.class));
    }

    /** Reports the kiosk alive; the reply carries the clock as it stands, proctor messages and the screen lock. */
    public CompletableFuture<HeartbeatReply> heartbeat(Heartbeat beat) {
        return again(() -> connection.post(ApiPaths.KIOSK_HEARTBEAT, beat, HeartbeatReply.class));
    }

    public CompletableFuture<SubmitResponse> submit(SubmitRequest request) {
        return again(() -> connection.post(ApiPaths.KIOSK_SUBMIT, request, SubmitResponse.class));
    }

    /**
     * Runs a call; when the server no longer knows the token (it restarted), logs in again with the same credentials
     * once and repeats the call, so a server restart does not interrupt the candidate.
     */
    private <T> CompletableFuture<T> again(Supplier<CompletableFuture<T>> call) {
        return call.get()
                .handle((value, failure) -> {
                    if (failure == null) {
                        return CompletableFuture.completedFuture(value);
                    }
                    LoginRequest known = credentials;
                    if (known != null && ServerConnection.errorOf(failure).error() == ErrorCode.NOT_AUTHENTICATED) {
                        return login(known).thenCompose(response -> call.get());
                    }
                    return CompletableFuture.<T>failedFuture(ServerConnection.errorOf(failure));
                })
                .thenCompose(Function.identity());
    }
}
