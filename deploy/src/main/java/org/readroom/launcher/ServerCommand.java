package org.readroom.launcher;

import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.readroom.server.ExamServer;
import org.readroom.server.ServerConfig;
import org.readroom.server.demo.DemoExam;

/** {@code readroom server}: runs the exam server until the process is stopped. */
final class ServerCommand {

    private ServerCommand() {}

    static int run(Args args, PrintStream out, PrintStream err) throws Args.UsageException {
        Path data = Path.of(args.value("--data", "data")).toAbsolutePath();
        ServerConfig config = new ServerConfig(
                data, args.value("--host", "0.0.0.0"), args.port("--port", 8440), args.has("--demo"), null);
        Vertx vertx = Vertx.vertx();
        ExamServer server = new ExamServer(config, Clock.systemUTC());
        try {
            vertx.deployVerticle(server).await();
        } catch (Exception e) {
            err.println("readroom server: could not start: " + Failures.describe(e));
            vertx.close();
            return 1;
        }
        out.println("ReadRoom exam server listening on https://" + config.host() + ":" + server.port() + "  (data: "
                + data + ")");
        out.println("CA fingerprint (kiosks and consoles pin it at first contact): "
                + server.tls().caFingerprint());
        if (config.demo()) {
            printDemoLogins(server.demo(), out);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            vertx.close().await();
            stopped.countDown();
        }));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    static void printDemoLogins(DemoExam.Seeded demo, PrintStream out) {
        out.println("Demo session " + demo.sessionId() + ". Candidate log-ins (candidate number / admission code):");
        for (DemoExam.Credentials c : demo.candidates()) {
            out.println("  " + c.seat() + "  " + c.candidateNumber() + " / " + c.admissionCode() + "  " + c.name());
        }
        out.println("Staff: " + DemoExam.PROCTOR_USER + " / " + DemoExam.PROCTOR_PASSWORD + " (proctor), "
                + DemoExam.ADMIN_USER + " / " + DemoExam.ADMIN_PASSWORD + " (admin)");
    }
}
