package org.readroom.launcher;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.readroom.core.protocol.DeliveryMessages.KioskView;
import org.readroom.core.protocol.DeliveryMessages.SessionStarted;
import org.readroom.core.protocol.Messages.StaffLoginRequest;
import org.readroom.core.protocol.PinnedTrust;
import org.readroom.core.protocol.ServerConnection;
import org.readroom.core.protocol.StaffApi;
import org.readroom.core.session.CandidateStatus;
import org.readroom.server.demo.DemoExam;

/**
 * A lab of scripted kiosks made ready the way a proctor does it before an exam: each kiosk enrols and shows its
 * pairing code, the proctor checks that code against the server's list and approves the kiosk, admits it to the
 * session, and waits until every kiosk holds the verified package; {@link #start} then releases the key.
 */
final class DemoLab implements AutoCloseable {

    private final StaffApi proctor;
    private final long sessionId;
    private final List<ScriptedKiosk> kiosks;
    private final PrintStream out;

    private DemoLab(StaffApi proctor, long sessionId, List<ScriptedKiosk> kiosks, PrintStream out) {
        this.proctor = proctor;
        this.sessionId = sessionId;
        this.kiosks = kiosks;
        this.out = out;
    }

    static DemoLab prepare(URI url, PinnedTrust trust, Path folder, long sessionId, int seats, PrintStream out)
            throws Exception {
        StaffApi proctor = new StaffApi(new ServerConnection(url, trust));
        proctor.login(new StaffLoginRequest(DemoExam.PROCTOR_USER, DemoExam.PROCTOR_PASSWORD))
                .get(30, TimeUnit.SECONDS);
        List<ScriptedKiosk> kiosks = new ArrayList<>();
        DemoLab lab = new DemoLab(proctor, sessionId, kiosks, out);
        try {
            for (int i = 1; i <= seats; i++) {
                String name = String.format("Demo lab seat %02d", i);
                ScriptedKiosk kiosk = ScriptedKiosk.forDemo(url, trust, folder.resolve("seat-" + i), name);
                kiosks.add(kiosk);
                String shown = kiosk.enrol().pairingCode();
                KioskView listed = proctor.kiosks().get(30, TimeUnit.SECONDS).stream()
                        .filter(k -> k.kioskId().equals(kiosk.kioskId()))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException(name + " is not in the server's kiosk list"));
                if (!listed.pairingCode().equals(shown)) {
                    throw new IllegalStateException(
                            name + " shows pairing code " + shown + " but the server lists " + listed.pairingCode());
                }
                proctor.approveKiosk(kiosk.kioskId()).get(30, TimeUnit.SECONDS);
                proctor.admitKiosk(sessionId, kiosk.kioskId()).get(30, TimeUnit.SECONDS);
                out.println("  " + name + ": pairing code " + shown + " checked, approved and admitted");
            }
            for (ScriptedKiosk kiosk : kiosks) {
                kiosk.ready(120);
            }
            out.println("  every kiosk holds the verified package; the paper stays locked until the start");
            return lab;
        } catch (Exception e) {
            lab.close();
            throw e;
        }
    }

    List<ScriptedKiosk> kiosks() {
        return kiosks;
    }

    /**
     * Waits until {@code candidates} candidates have logged in at their kiosks, then starts the session (which admits
     * everyone logged in), as a proctor starts once the room is seated.
     */
    SessionStarted startWhenSeated(int candidates, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            long seated = proctor.roster(sessionId).get(30, TimeUnit.SECONDS).candidates().stream()
                    .filter(c -> c.status() != CandidateStatus.REGISTERED)
                    .count();
            if (seated >= candidates) {
                out.println("  " + seated + " candidates logged in and waiting");
                return start();
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("only " + seated + " of " + candidates + " candidates logged in");
            }
            Thread.sleep(100);
        }
    }

    SessionStarted start() throws Exception {
        SessionStarted started = proctor.startSession(sessionId).get(30, TimeUnit.SECONDS);
        out.println("Session started: keys released to " + started.admittedKiosks() + " admitted kiosks");
        return started;
    }

    @Override
    public void close() {
        kiosks.forEach(ScriptedKiosk::close);
    }
}
