package org.readroom.core.protocol;

import java.util.concurrent.CompletableFuture;
import org.readroom.core.protocol.Messages.AnswerAck;
import org.readroom.core.protocol.Messages.AnswerSave;
import org.readroom.core.protocol.Messages.ExamClock;
import org.readroom.core.protocol.Messages.LoginRequest;
import org.readroom.core.protocol.Messages.LoginResponse;
import org.readroom.core.protocol.Messages.PaperDelivery;
import org.readroom.core.protocol.Messages.SubmitRequest;
import org.readroom.core.protocol.Messages.SubmitResponse;

/** What a kiosk asks of the exam server (protocol v1). One instance per candidate login. */
public final class KioskApi {

    private final ServerConnection connection;

    public KioskApi(ServerConnection connection) {
        this.connection = connection;
    }

    public CompletableFuture<LoginResponse> login(LoginRequest request) {
        return connection
                .post(ApiPaths.KIOSK_LOGIN, request, LoginResponse.class)
                .thenApply(response -> {
                    connection.token(response.token());
                    return response;
                });
    }

    public CompletableFuture<ExamClock> start() {
        return connection.post(ApiPaths.KIOSK_START, java.util.Map.of(), ExamClock.class);
    }

    public CompletableFuture<PaperDelivery> paper() {
        return connection.get(ApiPaths.KIOSK_PAPER, PaperDelivery.class);
    }

    public CompletableFuture<ExamClock> clock() {
        return connection.get(ApiPaths.KIOSK_CLOCK, ExamClock.class);
    }

    public CompletableFuture<byte[]> asset(String sha256) {
        return connection.getBytes(ApiPaths.ASSETS + sha256);
    }

    public CompletableFuture<AnswerAck> save(AnswerSave answer) {
        return connection.post(ApiPaths.KIOSK_ANSWERS, answer, AnswerAck.class);
    }

    public CompletableFuture<SubmitResponse> submit(SubmitRequest request) {
        return connection.post(ApiPaths.KIOSK_SUBMIT, request, SubmitResponse.class);
    }
}
