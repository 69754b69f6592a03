package org.readroom.launcher;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.readroom.core.protocol.PinnedTrust;

/**
 * Which certificate authority a kiosk or console trusts for a server: a CA file given with {@code --ca}, the CA pinned
 * at an earlier first contact, or, at first contact, the CA the server presents when its fingerprint matches
 * {@code --ca-fingerprint} (the server prints it when it starts). Then it is pinned for next time.
 */
final class ServerTrust {

    private ServerTrust() {}

    static PinnedTrust resolve(URI server, String caFile, String fingerprint, String role)
            throws Args.UsageException, IOException {
        if (caFile != null) {
            return PinnedTrust.fromFile(Path.of(caFile));
        }
        Path pin = pinFile(server, role);
        if (Files.exists(pin)) {
            PinnedTrust pinned = PinnedTrust.fromFile(pin);
            if (fingerprint == null || sameFingerprint(pinned.fingerprint(), fingerprint)) {
                return pinned;
            }
            throw new IOException("this computer pinned CA " + pinned.fingerprint() + " for " + server.getAuthority()
                    + ", not " + fingerprint + "; if the server was rebuilt, delete " + pin + " and enrol again");
        }
        if (fingerprint == null) {
            throw new Args.UsageException("first connection to " + server.getAuthority() + ": give --ca-fingerprint"
                    + " (printed by the exam server when it starts) or --ca FILE");
        }
        PinnedTrust pinned = PinnedTrust.enrol(server, fingerprint);
        pinned.save(pin);
        return pinned;
    }

    static Path pinFile(URI server, String role) {
        String name = server.getHost().replaceAll("[^A-Za-z0-9.-]", "_") + "-"
                + (server.getPort() < 0 ? 443 : server.getPort());
        return Path.of(System.getProperty("user.home"), ".readroom", role, "pinned-ca-" + name + ".crt");
    }

    private static boolean sameFingerprint(String a, String b) {
        return a.replaceAll("[^0-9A-Fa-f]", "").equalsIgnoreCase(b.replaceAll("[^0-9A-Fa-f]", ""));
    }
}
