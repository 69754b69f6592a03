package org.readroom.launcher.bench;

import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.readroom.core.bank.ChoiceOption;
import org.readroom.core.bank.SeriesRef;
import org.readroom.core.bank.SingleChoiceItem;
import org.readroom.core.dicom.phantom.ChestPhantom;
import org.readroom.core.enrolment.KioskIdentity;
import org.readroom.core.paper.Paper;
import org.readroom.core.protocol.DeliveryMessages.PackageBuilt;
import org.readroom.core.protocol.DeliveryMessages.PackageInfo;
import org.readroom.core.protocol.KioskDeliveryApi;
import org.readroom.core.protocol.Messages.StaffLoginRequest;
import org.readroom.core.protocol.PinnedTrust;
import org.readroom.core.protocol.ServerConnection;
import org.readroom.core.protocol.StaffApi;
import org.readroom.core.text.LocalizedText;
import org.readroom.server.ExamServer;
import org.readroom.server.ServerConfig;
import org.readroom.server.demo.DemoExam;
import org.readroom.server.store.AssetStore;

/**
 * Delivery at lab scale, measured in one run on this machine: a real-size CT package (encrypt once) downloaded by many
 * simulated kiosks over HTTPS against raw loopback TCP, the server's CPU per extra kiosk, and key release to a whole
 * lab parked on the server until the start. Kiosks are protocol-level: the same {@link KioskDeliveryApi} the kiosk uses.
 */
public final class DeliveryBenchmark {

    /** What to run. */
    public record Settings(int kiosks, int packageMegabytes, int keyKiosks) {}

    /**
     * The key-release run shares one HTTPS client among all simulated kiosks: the server's two cores are then spent
     * on the server, as on a real exam server, rather than on 2,000 kiosks' TLS work (on real kiosks that work runs
     * on each kiosk's own CPU and is measured separately, per kiosk).
     */
    private static final int KEY_KIOSKS_PER_CLIENT = Integer.MAX_VALUE;

    private final PrintStream out;
    private final ExecutorService io = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "bench-kiosk-io");
        thread.setDaemon(true);
        return thread;
    });

    public DeliveryBenchmark(PrintStream out) {
        this.out = out;
    }

    public void run(Settings settings) throws Exception {
        Path data = Files.createTempDirectory("readroom-bench-");
        Vertx vertx = Vertx.vertx();
        try {
            ExamServer server = new ExamServer(ServerConfig.of(data, 0, true).onLoopback(), Clock.systemUTC());
            vertx.deployVerticle(server).await();
            URI url = server.localUri();
            StaffApi admin = new StaffApi(
                    new ServerConnection(url, PinnedTrust.fromFile(server.tls().caCertificate())));
            admin.login(new StaffLoginRequest(DemoExam.ADMIN_USER, DemoExam.ADMIN_PASSWORD))
                    .get(30, TimeUnit.SECONDS);

            String paperId = bigPaper(data, server, settings.packageMegabytes());
            long buildStart = System.nanoTime();
            PackageBuilt built = admin.buildPackage(paperId).get(10, TimeUnit.MINUTES);
            double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
            out.printf(
                    Locale.ROOT,
                    "package: %.1f MB in %d chunks, built (encrypted once) in %.2f s%n",
                    built.size() / 1e6,
                    built.chunks(),
                    buildSeconds);

            PinnedTrust trust = PinnedTrust.fromFile(server.tls().caCertificate());
            List<KioskDeliveryApi> kiosks = enrol(url, trust, admin, settings.kiosks(), 1);
            PackageInfo info = kiosks.get(0).packages().get(30, TimeUnit.SECONDS).stream()
                    .filter(p -> p.paperId().equals(paperId))
                    .findFirst()
                    .orElseThrow();
            Path file = Files.list(data.resolve("packages"))
                    .filter(p -> p.toString().endsWith(".rrpkg"))
                    .filter(p -> p.getFileName().toString().startsWith(paperId))
                    .findFirst()
                    .orElseThrow();

            // Warm-up (JIT, TLS session set-up) so the measured runs compare like with like.
            download(kiosks.subList(0, 1), info);
            RawTcpBaseline.throughput(file, 1);
            long rawCpuBefore = processCpuNanos();
            long rawStart = System.nanoTime();
            double raw = RawTcpBaseline.throughput(file, settings.kiosks());
            double rawCores = (processCpuNanos() - rawCpuBefore) / (double) (System.nanoTime() - rawStart);
            int few = Math.max(1, settings.kiosks() / 5);
            Measured small = download(kiosks.subList(0, few), info);
            Measured all = download(kiosks, info);
            double perKiosk = (all.serverCpuSeconds - small.serverCpuSeconds) / (settings.kiosks() - few);
            out.printf(
                    Locale.ROOT,
                    "distribution to %d kiosks: ReadRoom HTTPS %.0f MB/s, raw loopback TCP %.0f MB/s,"
                            + " ratio %.2f%n",
                    settings.kiosks(),
                    all.bytesPerSecond / 1e6,
                    raw / 1e6,
                    all.bytesPerSecond / raw);
            ceiling(server, trust, raw, rawCores, info.size());
            out.printf(
                    Locale.ROOT,
                    "server CPU: %.3f s for %d kiosks, %.3f s for %d kiosks, %.4f s per extra kiosk"
                            + " (%.2f ms per MB sent)%n",
                    small.serverCpuSeconds,
                    few,
                    all.serverCpuSeconds,
                    settings.kiosks(),
                    perKiosk,
                    perKiosk * 1000 / (info.size() / 1e6));

            // Key release uses the demo session, whose paper is the demo paper: package that one too.
            admin.buildPackage(DemoExam.PAPER_ID).get(5, TimeUnit.MINUTES);
            PackageInfo demo = kiosks.get(0).packages().get(30, TimeUnit.SECONDS).stream()
                    .filter(p -> p.paperId().equals(DemoExam.PAPER_ID))
                    .findFirst()
                    .orElseThrow();
            keyRelease(url, trust, admin, server, demo, settings.keyKiosks());
        } finally {
            io.shutdownNow();
            vertx.close().await();
            deleteTree(data);
        }
    }

    /**
     * About the most HTTPS can reach here. Raw TCP costs {@code rawCores / raw} of CPU per byte; HTTPS must do that
     * transport work plus TLS's record work, whose CPU per byte is measured in memory with no network; with every core
     * busy HTTPS then moves about {@code cores / (raw cost + TLS cost)} bytes a second. An estimate, not a bound: the
     * transport work of the two runs is alike but not the same.
     */
    private void ceiling(ExamServer server, PinnedTrust trust, double raw, double rawCores, long packageBytes)
            throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        out.printf(Locale.ROOT, "raw loopback TCP kept %.2f of this machine's %d cores busy%n", rawCores, cores);
        if (!TlsCeiling.serverEngineAvailable()) {
            out.println("TLS ceiling: not measured, BoringSSL (netty-tcnative) is not available here");
            return;
        }
        // A short run can read more CPU than cores × time, or none (the CPU clock's granularity): keep it in range.
        double rawCpuNanosPerByte = Math.min(Math.max(rawCores, 0.01), cores) * 1e9 / raw;
        for (boolean kioskUsesJdk : new boolean[] {true, false}) {
            TlsCeiling.Measured tls = TlsCeiling.measure(server.tls(), trust, kioskUsesJdk, cores, packageBytes);
            out.printf(
                    Locale.ROOT,
                    "TLS alone in memory (%s, server BoringSSL, kiosk %s, %d pairs): %.0f MB/s, %.2f ns of CPU per"
                            + " byte against raw TCP's %.2f; so HTTPS on these cores reaches about %.2f of raw TCP%n",
                    tls.suite(),
                    kioskUsesJdk ? "JDK as the kiosk's download" : "BoringSSL too",
                    cores,
                    tls.bytesPerSecond() / 1e6,
                    tls.cpuNanosPerByte(),
                    rawCpuNanosPerByte,
                    cores * 1e9 / (rawCpuNanosPerByte + tls.cpuNanosPerByte()) / raw);
        }
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** A paper with one real-size CT series (512×512 16-bit slices) of the asked size. */
    private static String bigPaper(Path data, ExamServer server, int megabytes) throws Exception {
        int slices = Math.max(1, megabytes * 2);
        Path dir = Files.createTempDirectory(data, "series");
        AssetStore assets = new AssetStore(data.resolve("assets"));
        List<String> ids = new ArrayList<>();
        for (Path slice : ChestPhantom.writeSeries(dir, slices, 512)) {
            ids.add(assets.put(Files.readAllBytes(slice)));
            Files.delete(slice);
        }
        SeriesRef series = new SeriesRef("bench-ct", "benchmark CT", ids, -600.0, 1500.0);
        Paper paper = new Paper(
                "bench",
                LocalizedText.of("基准", "benchmark"),
                60,
                List.of(new SingleChoiceItem(
                        "bench-1",
                        LocalizedText.of("结节在哪一侧？", "Which side?"),
                        List.of(
                                new ChoiceOption("A", LocalizedText.of("右", "right")),
                                new ChoiceOption("B", LocalizedText.of("左", "left"))),
                        "A",
                        1,
                        List.of(series))));
        server.bank().savePaper(paper).await();
        return paper.id();
    }

    /**
     * Enrols {@code count} simulated kiosks. Each real kiosk has its own HTTPS client (its own connection, its own
     * thread doing TLS); simulated kiosks share one client per {@code perClient} kiosks, so a whole lab in one JVM does
     * not funnel every byte through a single client thread.
     */
    private List<KioskDeliveryApi> enrol(URI url, PinnedTrust trust, StaffApi admin, int count, int perClient)
            throws Exception {
        Semaphore inFlight = new Semaphore(32);
        List<CompletableFuture<KioskDeliveryApi>> all = new ArrayList<>();
        ServerConnection connection = null;
        for (int i = 0; i < count; i++) {
            if (i % perClient == 0) {
                connection = new ServerConnection(url, trust);
            }
            KioskDeliveryApi kiosk = new KioskDeliveryApi(connection, KioskIdentity.generate(), null, io);
            String name = "bench-" + i;
            inFlight.acquire();
            all.add(kiosk.enrol(name)
                    .thenCompose(status -> admin.approveKiosk(status.kioskId()))
                    .thenApply(v -> kiosk)
                    .whenComplete((v, e) -> inFlight.release()));
        }
        List<KioskDeliveryApi> kiosks = new ArrayList<>();
        for (CompletableFuture<KioskDeliveryApi> each : all) {
            kiosks.add(each.get(5, TimeUnit.MINUTES));
        }
        return kiosks;
    }

    private record Measured(double bytesPerSecond, double serverCpuSeconds) {}

    private Measured download(List<KioskDeliveryApi> kiosks, PackageInfo info) throws Exception {
        java.util.Map<Long, Long> cpuBefore = serverThreadCpu();
        long start = System.nanoTime();
        List<CompletableFuture<Long>> downloads = new ArrayList<>();
        for (KioskDeliveryApi kiosk : kiosks) {
            // Simulated kiosks count the bytes and discard them: the disk is not what is measured.
            downloads.add(kiosk.download(info, Path.of("/dev/null"), n -> {}));
        }
        long total = 0;
        for (CompletableFuture<Long> each : downloads) {
            total += each.get(30, TimeUnit.MINUTES);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (total != info.size() * kiosks.size()) {
            throw new IllegalStateException("kiosks got " + total + " bytes, expected " + info.size() * kiosks.size());
        }
        java.util.Map<Long, Long> cpuAfter = serverThreadCpu();
        long nanos = 0;
        for (var entry : cpuAfter.entrySet()) {
            nanos += entry.getValue() - cpuBefore.getOrDefault(entry.getKey(), 0L);
        }
        return new Measured(total / seconds, nanos / 1e9);
    }

    private void keyRelease(URI url, PinnedTrust trust, StaffApi admin, ExamServer server, PackageInfo info, int count)
            throws Exception {
        long session = server.demo().sessionId();
        List<KioskDeliveryApi> kiosks = enrol(url, trust, admin, count, KEY_KIOSKS_PER_CLIENT);
        Semaphore inFlight = new Semaphore(32);
        List<CompletableFuture<?>> admitted = new ArrayList<>();
        for (KioskDeliveryApi kiosk : kiosks) {
            inFlight.acquire();
            admitted.add(admin.admitKiosk(session, kiosk.kioskId()).whenComplete((v, e) -> inFlight.release()));
        }
        for (CompletableFuture<?> each : admitted) {
            each.get(5, TimeUnit.MINUTES);
        }
        long[] arrived = new long[count];
        List<CompletableFuture<byte[]>> keys = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        // Kiosks park their key requests in waves (a lab does not boot in one millisecond); the start is what is timed.
        for (int i = 0; i < count; i++) {
            int index = i;
            keys.add(kiosks.get(i)
                    .awaitKey(info.packageId(), 120)
                    .whenComplete((key, e) -> arrived[index] = System.nanoTime()));
            if ((i + 1) % 50 == 0 || i == count - 1) {
                awaitParked(server, info, keys, i + 1, deadline);
            }
        }
        long start = System.nanoTime();
        admin.startSession(session).get(60, TimeUnit.SECONDS);
        for (CompletableFuture<byte[]> each : keys) {
            if (each.get(2, TimeUnit.MINUTES).length != 32) {
                throw new IllegalStateException("a kiosk unwrapped a key of the wrong length");
            }
        }
        double[] millis = Arrays.stream(arrived)
                .mapToDouble(t -> (t - start) / 1e6)
                .sorted()
                .toArray();
        double serverSent = (server.keyRelease().lastKeySentNanos() - start) / 1e6;
        double unwrap = unwrapMillis(info.packageId());
        out.printf(
                Locale.ROOT,
                "key release to %d parked kiosks: server wrote the last key %.0f ms after the start; one kiosk's own"
                        + " work on receipt (unwrap) %.2f ms, so with a kiosk per machine the last has its key about %.0f"
                        + " ms after the start (plus LAN latency); all %d simulated kiosks in this one JVM on the same"
                        + " cores had unwrapped the last %.0f ms after it (p50 %.0f ms, p99 %.0f ms)%n",
                count,
                serverSent,
                unwrap,
                serverSent + unwrap,
                count,
                millis[count - 1],
                millis[count / 2],
                millis[(int) Math.min(count - 1, Math.ceil(count * 0.99) - 1)]);
    }

    /** Mean time for one kiosk to unwrap its content key (X25519, HKDF, AES-GCM), measured after a warm-up. */
    private static double unwrapMillis(String packageId) throws Exception {
        byte[] contentKey = new byte[32];
        KioskIdentity kiosk = KioskIdentity.generate();
        org.readroom.core.enrolment.KeyWrap.Wrapped wrapped =
                org.readroom.core.enrolment.KeyWrap.wrap(contentKey, kiosk.publicKeys(), packageId, "bench");
        for (int i = 0; i < 500; i++) {
            org.readroom.core.enrolment.KeyWrap.unwrap(wrapped, kiosk, packageId, "bench");
        }
        int rounds = 2000;
        long begin = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            org.readroom.core.enrolment.KeyWrap.unwrap(wrapped, kiosk, packageId, "bench");
        }
        return (System.nanoTime() - begin) / 1e6 / rounds;
    }

    private static void awaitParked(
            ExamServer server, PackageInfo info, List<CompletableFuture<byte[]>> keys, int expected, long deadline)
            throws Exception {
        while (server.keyRelease().waitingFor(info.paperId()) < expected) {
            CompletableFuture<byte[]> failed = keys.stream()
                    .filter(CompletableFuture::isCompletedExceptionally)
                    .findFirst()
                    .orElse(null);
            if (failed != null) {
                failed.get();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + server.keyRelease().waitingFor(info.paperId()) + " of "
                        + expected + " kiosks parked their key request");
            }
            Thread.sleep(20);
        }
    }

    /** CPU time so far of each live server thread (Vert.x event loops and workers, the SQLite executors). */
    private static java.util.Map<Long, Long> serverThreadCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Function<ThreadInfo, Boolean> server = info -> info != null
                && (info.getThreadName().startsWith("vert.x-")
                        || info.getThreadName().startsWith("sqlite-"));
        java.util.Map<Long, Long> cpu = new java.util.HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            if (server.apply(threads.getThreadInfo(id))) {
                cpu.put(id, Math.max(0, threads.getThreadCpuTime(id)));
            }
        }
        return cpu;
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (java.io.IOException ignored) {
            // a temp folder left behind is not worth failing a benchmark for
        }
    }
}
