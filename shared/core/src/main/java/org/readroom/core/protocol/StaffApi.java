package org.readroom.core.protocol;

import java.util.List;
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

    public CompletableFuture<ResultsSummary> results(long sessionId) {
        return connection.get(ApiPaths.results(sessionId), ResultsSummary.class);
    }
}
