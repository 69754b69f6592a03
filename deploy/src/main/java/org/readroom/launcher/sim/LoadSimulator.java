package org.readroom.launcher.sim;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.readroom.core.protocol.Messages.CreatedSession;
import org.readroom.core.protocol.Messages.NewSession;
import org.readroom.core.protocol.Messages.StaffLoginRequest;
import org.readroom.core.protocol.PinnedTrust;
import org.readroom.core.protocol.ServerConnection;
import org.readroom.core.protocol.StaffApi;
import org.readroom.core.protocol.Wire;
import org.readroom.server.ExamServer;
import org.readroom.server.ServerConfig;
import org.readroom.server.demo.DemoExam;
import org.readroom.server.schedule.ScheduleStore;

/**
 * {@code readroom sim}: N protocol-level kiosks in one JVM against a real server (its own, in a temporary folder, or
 * one started separately on this machine). The admin (from the demo data folder) schedules a session of N candidates;
 * every kiosk logs in; the session starts and every kiosk opens the paper; then each saves an answer and beats every
 * few seconds for the duration. At the end: one JSON line with what was sent, acknowledged and stored (read back from
 * the server's database), acknowledged answers lost, save-to-acknowledgement latency (from the request leaving the
 * kiosk, after its journal write, which is reported on its own), and reconnects.
 */
public final class LoadSimulator {

    /** What to run. {@code server} null: start a server of our own. */
    public record Settings(
            int kiosks, int durationSeconds, URI server, Path data, int saveEverySeconds, int heartbeatEverySeconds) {}

    /** The JSON line; field names as documented in BENCHMARKS.md. */
    public record Result(
            int kiosks,
            long answers_sent,
            long answers_acked,
            long answers_stored,
            long lost,
            double p50_ms,
            double p99_ms,
            double max_ms,
            long reconnects,
            long start_to_paper_ms,
            long heartbeat_failures,
            double journal_p99_ms) {}

    private static final int LOGINS_IN_FLIGHT = 32;
    private static final int OPENS_IN_FLIGHT = 256;

    private final Settings settings;
    private final PrintStream out;

    public LoadSimulator(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public Result run() throws Exception {
        Path work = Files.createTempDirectory("readroom-sim");
        Vertx vertx = null;
        try {
            URI url = settings.server();
            Path data = settings.data();
            if (url == null) {
                data = work.resolve("server");
                vertx = Vertx.vertx();
                ExamServer server =
                        new ExamServer(ServerConfig.of(data, 0, true).onLoopback(), Clock.systemUTC());
                vertx.deployVerticle(server).await();
                url = server.localUri();
                out.println("sim: started a server of its own at " + url + " (data " + data + ")");
            }
            return simulate(url, data, work);
        } finally {
            if (vertx != null) {
                vertx.close().await();
            }
            deleteTree(work);
        }
    }

    private Result simulate(URI url, Path data, Path work) throws Exception {
        PinnedTrust trust = PinnedTrust.fromFile(data.resolve("tls").resolve("ca.crt"));
        Properties accounts = accounts(data);
        StaffApi admin = new StaffApi(new ServerConnection(url, trust));
        admin.login(new StaffLoginRequest(accounts.getProperty("admin.user"), accounts.getProperty("admin.password")))
                .get(60, TimeUnit.SECONDS);
        String code = Long.toString(new SecureRandom().nextLong() & Long.MAX_VALUE, 36);
        CreatedSession session = admin.createSession(new NewSession(
                        DemoExam.PAPER_ID, "负载模拟", "Load simulation", "sim", settings.kiosks(), "SIM", code))
                .get(120, TimeUnit.SECONDS);
        out.println("sim: session " + session.sessionId() + " with " + session.candidates() + " candidates");

        HttpClient http = ServerConnection.client(trust);
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4, daemon("sim-kiosks"));
        byte[] journalKey = new byte[32];
        new SecureRandom().nextBytes(journalKey);
        List<SimKiosk> kiosks = new ArrayList<>();
        for (int i = 1; i <= settings.kiosks(); i++) {
            String number = ScheduleStore.number(session.numberStem(), i);
            kiosks.add(new SimKiosk(
                    number,
                    code,
                    url,
                    trust,
                    http,
                    work.resolve("journals").resolve(number + ".rrj"),
                    journalKey,
                    scheduler));
        }
        try {
            throttled(kiosks, LOGINS_IN_FLIGHT, SimKiosk::login, "logged in");
            long startedAt = System.nanoTime();
            admin.startSession(session.sessionId()).get(60, TimeUnit.SECONDS);
            throttled(kiosks, OPENS_IN_FLIGHT, SimKiosk::open, "opened the paper");
            long startToPaper = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt);
            out.println("sim: start to the last kiosk showing the paper: " + startToPaper + " ms");

            kiosks.forEach(k -> k.run(settings.saveEverySeconds() * 1000L, settings.heartbeatEverySeconds() * 1000L));
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(settings.durationSeconds());
            while (System.nanoTime() < end) {
                Thread.sleep(Math.min(10_000, Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()))));
                long sent = kiosks.stream().mapToLong(SimKiosk::sent).sum();
                long acked = kiosks.stream().mapToLong(SimKiosk::acknowledged).sum();
                out.println("sim: " + sent + " answers sent, " + acked + " acknowledged");
            }
            kiosks.forEach(SimKiosk::stop);
            CompletableFuture.allOf(kiosks.stream().map(k -> k.drain(60)).toArray(CompletableFuture[]::new))
                    .get(120, TimeUnit.SECONDS);
            return result(kiosks, stored(data, session.sessionId()), startToPaper);
        } finally {
            scheduler.shutdownNow();
        }
    }

    private Result result(List<SimKiosk> kiosks, Map<String, Long> stored, long startToPaper) {
        long sent = 0;
        long acked = 0;
        long lost = 0;
        long reconnects = 0;
        long heartbeatFailures = 0;
        List<Long> latencies = new ArrayList<>();
        List<Long> journalWrites = new ArrayList<>();
        for (SimKiosk kiosk : kiosks) {
            sent += kiosk.sent();
            acked += kiosk.acknowledged();
            // Sequence numbers are contiguous (the chain allows no gap): every acknowledged one must be stored.
            lost += Math.max(0, kiosk.acknowledged() - stored.getOrDefault(kiosk.candidateNumber(), 0L));
            reconnects += kiosk.reconnects();
            heartbeatFailures += kiosk.heartbeatFailures();
            latencies.addAll(kiosk.latenciesMicros());
            journalWrites.addAll(kiosk.journalMicros());
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        long storedTotal = stored.values().stream().mapToLong(Long::longValue).sum();
        return new Result(
                kiosks.size(),
                sent,
                acked,
                storedTotal,
                lost,
                percentile(sorted, 0.50),
                percentile(sorted, 0.99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000.0,
                reconnects,
                startToPaper,
                heartbeatFailures,
                percentile(
                        journalWrites.stream()
                                .mapToLong(Long::longValue)
                                .sorted()
                                .toArray(),
                        0.99));
    }

    /** The answers the server holds per candidate of the session, read from its database (read-only). */
    private static Map<String, Long> stored(Path data, long sessionId) throws Exception {
        Map<String, Long> stored = new HashMap<>();
        try (Connection db = DriverManager.getConnection(
                        "jdbc:sqlite:file:" + data.resolve("readroom.db").toAbsolutePath() + "?mode=ro");
                PreparedStatement query = db.prepareStatement("SELECT c.candidate_number, COUNT(a.sequence)"
                        + " FROM candidates c LEFT JOIN answers a ON a.candidate_id = c.id WHERE c.session_id = ?"
                        + " GROUP BY c.id")) {
            query.setLong(1, sessionId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    stored.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return stored;
    }

    private void throttled(
            List<SimKiosk> kiosks, int inFlight, Function<SimKiosk, CompletableFuture<Void>> step, String done)
            throws Exception {
        Semaphore permits = new Semaphore(inFlight);
        List<CompletableFuture<Void>> all = new ArrayList<>();
        int progressEvery = Math.max(1, kiosks.size() / 4);
        java.util.concurrent.atomic.AtomicInteger finished = new java.util.concurrent.atomic.AtomicInteger();
        for (SimKiosk kiosk : kiosks) {
            permits.acquire();
            all.add(step.apply(kiosk).whenComplete((v, failure) -> {
                permits.release();
                int n = finished.incrementAndGet();
                if (n % progressEvery == 0 || n == kiosks.size()) {
                    out.println("sim: " + n + "/" + kiosks.size() + " kiosks " + done);
                }
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(30, TimeUnit.MINUTES);
    }

    private static double percentile(long[] sortedMicros, double p) {
        if (sortedMicros.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sortedMicros.length) - 1;
        return Math.round(sortedMicros[Math.max(0, index)] / 10.0) / 100.0;
    }

    private static Properties accounts(Path data) throws IOException {
        Path file = data.resolve(DemoExam.ACCOUNTS_FILE);
        if (!Files.exists(file)) {
            throw new IOException(
                    file + " not found: start the server with --demo on this machine and pass its --data");
        }
        Properties accounts = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            accounts.load(in);
        }
        return accounts;
    }

    /** The result as one JSON line, keys in the documented order. */
    public static String json(Result result) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("kiosks", result.kiosks());
        line.put("answers_sent", result.answers_sent());
        line.put("answers_acked", result.answers_acked());
        line.put("answers_stored", result.answers_stored());
        line.put("lost", result.lost());
        line.put("p50_ms", result.p50_ms());
        line.put("p99_ms", result.p99_ms());
        line.put("max_ms", result.max_ms());
        line.put("reconnects", result.reconnects());
        line.put("start_to_paper_ms", result.start_to_paper_ms());
        line.put("heartbeat_failures", result.heartbeat_failures());
        line.put("journal_p99_ms", result.journal_p99_ms());
        return new String(Wire.encode(line), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
