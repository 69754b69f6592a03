package org.readroom.launcher;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.readroom.core.protocol.Messages.ResultsSummary;
import org.readroom.core.protocol.Messages.StaffLoginRequest;
import org.readroom.core.protocol.PinnedTrust;
import org.readroom.core.protocol.ServerConnection;
import org.readroom.core.protocol.StaffApi;
import org.readroom.server.ExamServer;
import org.readroom.server.ServerConfig;
import org.readroom.server.demo.DemoExam;

/**
 * {@code readroom demo}: the server with the demo exam, plus a kiosk and the console where a display exists, or
 * scripted kiosks sitting the whole exam when headless.
 */
final class DemoCommand {

    private DemoCommand() {}

    static int run(Args args, PrintStream out, PrintStream err) throws Args.UsageException {
        Path data;
        try {
            data = dataFolder(args.value("--data", null));
        } catch (IOException e) {
            err.println("readroom demo: cannot create the data folder: " + e.getMessage());
            return 1;
        }
        boolean headless = args.has("--headless")
                || System.getenv("DISPLAY") == null
                || System.getenv("DISPLAY").isBlank();
        ServerConfig config =
                new ServerConfig(data, headless ? "127.0.0.1" : "0.0.0.0", args.port("--port", 0), true, null);
        Vertx vertx = Vertx.vertx();
        ExamServer server = new ExamServer(config, Clock.systemUTC());
        try {
            out.println("Starting the exam server with the demo exam (data: " + data + ")");
            vertx.deployVerticle(server).await();
            URI url = server.localUri();
            out.println("Server listening on " + url + "  (CA fingerprint "
                    + server.tls().caFingerprint() + ")");
            ServerCommand.printDemoLogins(server.demo(), out);
            return headless ? headless(server, url, data, out, err) : withDisplay(server, url, data, out);
        } catch (Exception e) {
            err.println("readroom demo: " + Failures.describe(e));
            return 1;
        } finally {
            vertx.close().await();
        }
    }

    private static Path dataFolder(String given) throws IOException, Args.UsageException {
        if (given == null) {
            return Files.createTempDirectory("readroom-demo-");
        }
        Path dir = Path.of(given).toAbsolutePath();
        if (Files.exists(dir.resolve("readroom.db"))) {
            throw new Args.UsageException(
                    "--data " + dir + " already holds a ReadRoom database; the demo needs a new or" + " empty folder");
        }
        Files.createDirectories(dir);
        return dir;
    }

    private static int headless(ExamServer server, URI url, Path data, PrintStream out, PrintStream err)
            throws Exception {
        DemoExam.Seeded demo = server.demo();
        PinnedTrust trust = PinnedTrust.fromFile(server.tls().caCertificate());
        out.println("Preparing the lab: " + demo.candidates().size() + " kiosks");
        try (DemoLab lab = DemoLab.prepare(
                url,
                trust,
                data.resolve("kiosks"),
                demo.sessionId(),
                demo.candidates().size(),
                out)) {
            ExecutorService seats =
                    Executors.newFixedThreadPool(demo.candidates().size());
            List<CompletableFuture<Void>> sittings = new ArrayList<>();
            for (int i = 0; i < demo.candidates().size(); i++) {
                DemoExam.Credentials candidate = demo.candidates().get(i);
                ScriptedKiosk kiosk = lab.kiosks().get(i);
                int n = i;
                sittings.add(CompletableFuture.runAsync(
                        () -> {
                            try {
                                var handedIn = kiosk.sit(candidate, n);
                                out.println("  " + candidate.seat() + " " + candidate.candidateNumber()
                                        + " handed in (" + handedIn.answered() + "/" + handedIn.total()
                                        + " answered)");
                            } catch (Exception e) {
                                throw new java.util.concurrent.CompletionException(e);
                            }
                        },
                        seats));
            }
            try {
                lab.startWhenSeated(demo.candidates().size(), 120);
                CompletableFuture.allOf(sittings.toArray(CompletableFuture[]::new))
                        .get(5, TimeUnit.MINUTES);
            } catch (java.util.concurrent.ExecutionException e) {
                err.println("readroom demo: a scripted kiosk failed: " + Failures.describe(e));
            } finally {
                seats.shutdownNow();
            }
        }
        StaffApi staff = new StaffApi(new ServerConnection(url, trust));
        staff.login(new StaffLoginRequest(DemoExam.ADMIN_USER, DemoExam.ADMIN_PASSWORD))
                .get(30, TimeUnit.SECONDS);
        ResultsSummary results = staff.results(demo.sessionId()).get(30, TimeUnit.SECONDS);
        out.println("Result PDFs: " + server.reportsFolder(demo.sessionId()));
        out.println("{\"candidates\":" + results.candidates() + ",\"submitted\":" + results.submitted() + ",\"scored\":"
                + results.scored() + ",\"pdfs\":" + results.pdfs() + "}");
        boolean complete = results.submitted() == results.candidates()
                && results.scored() == results.candidates()
                && results.pdfs() == results.candidates();
        return complete ? 0 : 1;
    }

    private static int withDisplay(ExamServer server, URI url, Path data, PrintStream out) throws Exception {
        DemoExam.Credentials first = server.demo().candidates().get(0);
        Process kiosk = child(
                "kiosk",
                "--server",
                url.toString(),
                "--ca",
                server.tls().caCertificate().toString(),
                "--state",
                data.resolve("kiosks").resolve("display").toString(),
                "--name",
                "Demo kiosk",
                "--windowed",
                "--candidate",
                first.candidateNumber(),
                "--code",
                first.admissionCode());
        Process console = child(
                "console",
                "--server",
                url.toString(),
                "--ca",
                server.tls().caCertificate().toString(),
                "--user",
                DemoExam.PROCTOR_USER,
                "--password",
                DemoExam.PROCTOR_PASSWORD);
        out.println("A kiosk and the proctor console are open. The kiosk shows a pairing code: in the console's Kiosks"
                + " tab, approve the kiosk with that code, admit it, then press Start. Log in on the kiosk as "
                + first.candidateNumber() + " / " + first.admissionCode() + ".");
        out.println("Close both windows (or press Ctrl+C) to stop the demo.");
        kiosk.waitFor();
        console.waitFor();
        return 0;
    }

    private static Process child(String... command) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> line = new ArrayList<>(List.of(
                java, "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        line.addAll(List.of(command));
        return new ProcessBuilder(line).inheritIO().start();
    }
}
