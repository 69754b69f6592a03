package org.readroom.kiosk.delivery;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.readroom.fx.i18n.UiText;

/**
 * What the kiosk shows about its own set-up: until approval, a screen with the pairing code a proctor checks; after
 * it, a line under the log-in form saying how far the packages are. Updated on the UI thread from the
 * {@link DeliveryAgent}'s status.
 */
public final class SetupViewModel {

    private final UiText text;
    private final StringProperty heading = new SimpleStringProperty("");
    private final StringProperty pairingCode = new SimpleStringProperty("");
    private final StringProperty detail = new SimpleStringProperty("");
    private final StringProperty problem = new SimpleStringProperty("");
    private final StringProperty packages = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty approved = new SimpleBooleanProperty(false);

    public SetupViewModel(UiText text) {
        this.text = text;
        heading.set(text.get("setup.connecting"));
    }

    public void update(DeliveryAgent.Status status) {
        problem.set(status.problem() == null ? "" : text.get("setup.problem", text.error(status.problem())));
        pairingCode.set(status.pairingCode() == null ? "" : status.pairingCode());
        switch (status.stage()) {
            case CONNECTING -> {
                heading.set(text.get("setup.connecting"));
                detail.set("");
            }
            case AWAITING_APPROVAL -> {
                heading.set(text.get("setup.awaitingApproval"));
                detail.set(text.get("setup.approvalHint"));
                approved.set(false);
            }
            case REVOKED -> {
                heading.set(text.get("setup.revoked"));
                detail.set("");
                approved.set(false);
            }
            case DOWNLOADING, READY -> {
                approved.set(true);
                int percent = status.size() == 0 ? 100 : (int) (100 * status.bytes() / status.size());
                progress.set(status.size() == 0 ? 1 : (double) status.bytes() / status.size());
                packages.set(
                        status.stage() == DeliveryAgent.Stage.READY
                                ? text.get("setup.ready")
                                : text.get("setup.downloading", percent));
            }
        }
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading;
    }

    public ReadOnlyStringProperty pairingCodeProperty() {
        return pairingCode;
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    /** The line under the log-in form: packages being fetched, or on this kiosk and verified. */
    public ReadOnlyStringProperty packagesProperty() {
        return packages;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    /** True once an admin has approved this kiosk (the log-in form can be shown). */
    public ReadOnlyBooleanProperty approvedProperty() {
        return approved;
    }
}
