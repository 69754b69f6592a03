package org.readroom.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readroom.core.packaging.PackageReader;
import org.readroom.core.protocol.DeliveryMessages.KioskView;
import org.readroom.core.protocol.StaffApi;
import org.readroom.kiosk.delivery.DeliveryAgent;

/**
 * The kiosk's own folder across restarts, against a real server: keys kept owner-only and reused, the enrolment
 * picked up again instead of asking anew, a package damaged on the kiosk's disk refused and fetched again, and a
 * server that no longer knows the kiosk (new data folder) leading to a fresh enrolment with the same keys.
 */
class KioskDeliveryAgentIT {

    @TempDir
    Path data;

    private DemoServer demo;
    private StaffApi proctor;

    @BeforeEach
    void start() throws Exception {
        serve(data.resolve("server"));
    }

    private void serve(Path folder) throws Exception {
        demo = DemoServer.start(folder);
        proctor = demo.proctor();
    }

    @AfterEach
    void stop() throws Exception {
        demo.close();
    }

    private ScriptedKiosk kiosk(Path folder) {
        return ScriptedKiosk.forDemo(demo.url(), demo.trust(), folder, "Lab 2 seat 7");
    }

    @Test
    void aRestartedKioskKeepsItsKeysAndEnrolmentAndRefetchesADamagedPackage() throws Exception {
        Path folder = data.resolve("kiosk");
        String kioskId;
        Path packageFile;
        try (ScriptedKiosk first = kiosk(folder)) {
            DeliveryAgent.Status pending = first.enrol();
            assertEquals(DeliveryAgent.Stage.AWAITING_APPROVAL, pending.stage());
            kioskId = first.kioskId();
            proctor.approveKiosk(kioskId).get(30, TimeUnit.SECONDS);
            first.ready(60);
            try (Stream<Path> files = Files.list(folder.resolve("packages"))) {
                packageFile = files.findFirst().orElseThrow();
            }
        }
        assertEquals(
                "rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("identity.key"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));

        // Damage one byte in the middle of the package on the kiosk's disk, then restart the kiosk.
        long size = Files.size(packageFile);
        try (RandomAccessFile file = new RandomAccessFile(packageFile.toFile(), "rw")) {
            file.seek(size / 2);
            int b = file.read();
            file.seek(size / 2);
            file.write(b ^ 0xFF);
        }
        try (ScriptedKiosk again = kiosk(folder)) {
            DeliveryAgent.Status resumed = again.enrol();
            assertEquals(kioskId, again.kioskId(), "the kiosk picks up its enrolment instead of asking anew");
            assertNotEquals(DeliveryAgent.Stage.AWAITING_APPROVAL, resumed.stage(), "still approved after a restart");
            again.ready(60);
        }
        // The damaged copy was refused and fetched again: the file on disk checks out against the signature.
        PackageReader.verify(packageFile, serverKey());
        List<KioskView> kiosks = proctor.kiosks().get(30, TimeUnit.SECONDS);
        assertEquals(1, kiosks.size(), "no second enrolment: " + kiosks);
        assertTrue(kiosks.get(0).packages().get(0).verified());
    }

    @Test
    void aServerThatForgotTheKioskGetsAFreshEnrolmentWithTheSameKeys() throws Exception {
        Path folder = data.resolve("kiosk");
        String firstId;
        String code;
        try (ScriptedKiosk first = kiosk(folder)) {
            code = first.enrol().pairingCode();
            firstId = first.kioskId();
        }
        demo.close();
        serve(data.resolve("new-server"));
        try (ScriptedKiosk again = kiosk(folder)) {
            DeliveryAgent.Status status = again.enrol();
            assertEquals(DeliveryAgent.Stage.AWAITING_APPROVAL, status.stage());
            assertNotEquals(firstId, again.kioskId());
            assertEquals(code, status.pairingCode(), "same keys, so the same pairing code");
        }
    }

    private byte[] serverKey() throws Exception {
        return java.util.HexFormat.of()
                .parseHex(Files.readString(data.resolve("server/keys/package-signing.pub"))
                        .strip());
    }
}
