package org.readroom.kiosk.login;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.readroom.core.protocol.KioskApi;
import org.readroom.core.protocol.Messages.LoginRequest;
import org.readroom.core.protocol.Messages.LoginResponse;
import org.readroom.core.protocol.ServerConnection;
import org.readroom.fx.i18n.UiText;

/** The log-in screen's state: what was typed, whether a log-in is under way, and the error to show. */
public final class LoginViewModel {

    private final KioskApi api;
    private final UiText text;
    private final Executor ui;
    private final StringProperty candidateNumber = new SimpleStringProperty("");
    private final StringProperty admissionCode = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    public LoginViewModel(KioskApi api, UiText text, Executor ui) {
        this.api = api;
        this.text = text;
        this.ui = ui;
    }

    /** Logs in; the future completes (on the UI executor) with the response, or with null after showing an error. */
    public CompletableFuture<LoginResponse> login() {
        String number =
                candidateNumber.get() == null ? "" : candidateNumber.get().strip();
        String code = admissionCode.get() == null ? "" : admissionCode.get().strip();
        if (number.isEmpty() || code.isEmpty()) {
            error.set(text.get("login.missing"));
            return CompletableFuture.completedFuture(null);
        }
        busy.set(true);
        error.set("");
        CompletableFuture<LoginResponse> done = new CompletableFuture<>();
        api.login(new LoginRequest(number, code))
                .whenComplete((response, failure) -> ui.execute(() -> {
                    busy.set(false);
                    if (failure != null) {
                        error.set(text.error(ServerConnection.errorOf(failure).error()));
                        admissionCode.set("");
                        done.complete(null);
                    } else {
                        done.complete(response);
                    }
                }));
        return done;
    }

    public StringProperty candidateNumberProperty() {
        return candidateNumber;
    }

    public StringProperty admissionCodeProperty() {
        return admissionCode;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
