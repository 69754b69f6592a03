package org.readroom.launcher.sim;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.readroom.core.journal.AnswerJournal;
import org.readroom.core.protocol.KioskApi;
import org.readroom.core.protocol.Messages.Heartbeat;
import org.readroom.core.protocol.Messages.LoginRequest;
import org.readroom.core.protocol.Messages.Sitting;
import org.readroom.core.protocol.PinnedTrust;
import org.readroom.core.protocol.ServerConnection;
import org.readroom.kiosk.sync.AnswerSync;
import org.readroom.server.demo.DemoPaper;

/**
 * One protocol-level kiosk: the kiosk's own client code (KioskApi, AnswerSync with an encrypted journal) without a
 * screen. It logs its candidate in, opens the paper at the start, then saves an answer and sends a heartbeat on fixed
 * periods, recording how long each save waits for its acknowledgement.
 */
final class SimKiosk {

    private static final List<String> ITEMS = List.of(DemoPaper.UNIT_ITEM, DemoPaper.REPORT_ITEM);

    private final String candidateNumber;
    private final String admissionCode;
    private final KioskApi api;
    private final Path journalFile;
    private final byte[] journalKey;
    private final ScheduledExecutorService scheduler;
    private final Map<Long, Long> sentAt = new ConcurrentHashMap<>();
    private final List<Long> latenciesMicros = new ArrayList<>();
    private final List<Long> journalMicros = new ArrayList<>();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong heartbeatFailures = new AtomicLong();
    private volatile AnswerSync.State lastState = AnswerSync.State.SAVED;
    private volatile AnswerSync sync;
    private volatile AnswerJournal journal;
    private volatile boolean running = true;

    SimKiosk(
            String candidateNumber,
            String admissionCode,
            java.net.URI server,
            PinnedTrust trust,
            HttpClient http,
            Path journalFile,
            byte[] journalKey,
            ScheduledExecutorService scheduler) {
        this.candidateNumber = candidateNumber;
        this.admissionCode = admissionCode;
        this.api = new KioskApi(new ServerConnection(server, trust, http));
        this.journalFile = journalFile;
        this.journalKey = journalKey;
        this.scheduler = scheduler;
    }

    CompletableFuture<Void> login() {
        return api.login(new LoginRequest(candidateNumber, admissionCode)).thenApply(r -> null);
    }

    /** Opens the paper: the candidate's clock starts and the saved answers arrive; then the stream is ready. */
    CompletableFuture<Void> open() {
        return api.start().thenCompose(clock -> api.sitting()).thenAccept(this::ready);
    }

    private void ready(Sitting sitting) {
        try {
            journal = AnswerJournal.open(journalFile, journalKey);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        sync = new AnswerSync(api, sitting.lastSequence(), sitting.chainHead(), journal, scheduler, this::changed);
    }

    /** Starts the save and heartbeat loops, each at a random phase within its period. */
    void run(long saveEveryMillis, long heartbeatEveryMillis) {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        scheduler.scheduleAtFixedRate(
                this::saveOne, random.nextLong(saveEveryMillis), saveEveryMillis, TimeUnit.MILLISECONDS);
        scheduler.scheduleAtFixedRate(
                this::beat, random.nextLong(heartbeatEveryMillis), heartbeatEveryMillis, TimeUnit.MILLISECONDS);
    }

    void stop() {
        running = false;
    }

    private void saveOne() {
        if (!running) {
            return;
        }
        long n = sent.incrementAndGet();
        // Only this loop makes changes, so the next sequence number is known before the save. No lock of ours is
        // held while calling into the sync, whose own lock is held when it calls back (lock order: sync, then us).
        long sequence = sync.lastSequence() + 1;
        long before = System.nanoTime();
        sentAt.put(sequence, before);
        sync.save(ITEMS.get((int) (n % ITEMS.size())), Set.of(), "模拟答案 " + n);
        // save() returns once the change is forced to the journal and handed to the HTTP client: the save-ack clock
        // starts here. (An acknowledgement faster than this line keeps the earlier start: counted on the slow side.)
        long after = System.nanoTime();
        sentAt.replace(sequence, after);
        synchronized (this) {
            journalMicros.add((after - before) / 1000);
        }
    }

    private void beat() {
        if (!running) {
            return;
        }
        api.heartbeat(new Heartbeat(sync.lastSequence(), 0, List.of())).whenComplete((reply, failure) -> {
            if (failure != null) {
                heartbeatFailures.incrementAndGet();
            }
        });
    }

    private void changed(AnswerSync.State state, int pending, long lastAcknowledged, Object rejection) {
        long now = System.nanoTime();
        synchronized (this) {
            if (lastState == AnswerSync.State.OFFLINE && state != AnswerSync.State.OFFLINE) {
                reconnects.incrementAndGet();
            }
            lastState = state;
            for (Map.Entry<Long, Long> waiting : Map.copyOf(sentAt).entrySet()) {
                if (waiting.getKey() <= lastAcknowledged) {
                    latenciesMicros.add((now - waiting.getValue()) / 1000);
                    sentAt.remove(waiting.getKey());
                }
            }
            acknowledged.set(lastAcknowledged);
        }
    }

    /** Waits until every change is acknowledged (or the timeout), then closes the journal. */
    CompletableFuture<Void> drain(long seconds) {
        return sync.drained()
                .completeOnTimeout(null, seconds, TimeUnit.SECONDS)
                .exceptionally(failure -> null)
                .whenComplete((v, failure) -> {
                    try {
                        journal.close();
                    } catch (IOException ignored) {
                        // the run is over; the journal file stays for inspection
                    }
                });
    }

    String candidateNumber() {
        return candidateNumber;
    }

    long sent() {
        return sent.get();
    }

    long acknowledged() {
        return acknowledged.get();
    }

    long reconnects() {
        return reconnects.get();
    }

    long heartbeatFailures() {
        return heartbeatFailures.get();
    }

    synchronized List<Long> latenciesMicros() {
        return List.copyOf(latenciesMicros);
    }

    /** How long each save took on this simulated kiosk before the request left: chaining and the forced journal. */
    synchronized List<Long> journalMicros() {
        return List.copyOf(journalMicros);
    }
}
