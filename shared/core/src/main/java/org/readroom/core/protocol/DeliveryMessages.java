package org.readroom.core.protocol;

import java.util.List;

/** Protocol v1 messages for kiosk enrolment, package distribution and key release (docs/protocol.md). */
public final class DeliveryMessages {

    private DeliveryMessages() {}

    /** Kiosk → server: a new kiosk's public keys (hex); the request is signed with the Ed25519 key it names. */
    public record EnrolRequest(String name, String agreementKey, String signingKey) {}

    /**
     * A kiosk's standing: PENDING until an admin approves it, APPROVED, or REVOKED; with the server's package-signing
     * public key (hex), which the kiosk keeps to verify packages (it arrives over the pinned TLS connection).
     */
    public record KioskStatus(
            String kioskId, String name, String status, String pairingCode, String packageSigningKey) {}

    /** A package a kiosk should hold before its session. */
    public record PackageInfo(String packageId, String paperId, long size) {}

    /** Kiosk → server: how much of a package is on the kiosk, and whether its signature and chunks checked out. */
    public record PackageProgress(long bytesReceived, boolean verified) {}

    /** Admin view of one kiosk's copy of one package. */
    public record PackageCopy(String packageId, long bytesReceived, long size, boolean verified) {}

    /** Admin view of a kiosk: its standing, its copies of packages and the sessions it is admitted to. */
    public record KioskView(
            String kioskId,
            String name,
            String status,
            String pairingCode,
            List<PackageCopy> packages,
            List<Long> admittedTo) {

        public KioskView {
            packages = List.copyOf(packages == null ? List.of() : packages);
            admittedTo = List.copyOf(admittedTo == null ? List.of() : admittedTo);
        }
    }

    /** Server → kiosk at the start: the content key wrapped for this kiosk (base64 fields). */
    public record WrappedKey(String packageId, String ephemeralPublic, String sealed) {}

    /** Server → proctor: the session has started and keys are being released. */
    public record SessionStarted(long sessionId, long startedAt, int admittedKiosks) {}

    /** Server → admin: a package was built. */
    public record PackageBuilt(String packageId, String paperId, long size, int chunks) {}
}
