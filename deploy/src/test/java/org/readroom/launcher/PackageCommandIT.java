package org.readroom.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readroom.server.ExamServer;
import org.readroom.server.ServerConfig;

/** {@code readroom package build|verify} on a real data folder made by the demo server. */
class PackageCommandIT {

    @TempDir
    Path data;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void seedADataFolder() throws Exception {
        Vertx vertx = Vertx.vertx();
        vertx.deployVerticle(new ExamServer(ServerConfig.of(data, 0, true).onLoopback(), Clock.systemUTC()))
                .toCompletionStage()
                .toCompletableFuture()
                .get(60, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return Main.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theDemoPaperBuildsVerifiesAndATamperedCopyIsRefused() throws Exception {
        Path file = data.resolve("demo.rrpkg");
        assertEquals(
                0,
                run("package", "build", "--paper", "demo", "--out", file.toString(), "--data", data.toString()),
                printed());
        assertTrue(printed().contains("OK "), printed());
        assertEquals(0, run("package", "verify", file.toString(), "--data", data.toString()), printed());
        assertTrue(printed().contains("signature and every chunk verified"), printed());

        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 100] ^= 0x40;
        Path tampered = data.resolve("tampered.rrpkg");
        Files.write(tampered, bytes);
        assertEquals(1, run("package", "verify", tampered.toString(), "--data", data.toString()));
        assertTrue(
                printed().contains("REFUSED") && printed().contains("does not match the signed manifest"), printed());
    }

    @Test
    void mistakesGetClearMessagesAndTheRightExitStatus() {
        assertEquals(
                1,
                run(
                        "package",
                        "build",
                        "--paper",
                        "nope",
                        "--out",
                        data.resolve("x.rrpkg").toString(),
                        "--data",
                        data.toString()));
        assertTrue(printed().contains("no paper \"nope\""), printed());
        assertEquals(2, run("package", "build", "--paper", "demo"));
        assertTrue(printed().contains("needs --paper ID and --out FILE"), printed());
        assertEquals(2, run("package", "shrink"));
        assertEquals(1, run("package", "verify", data.resolve("missing.rrpkg").toString(), "--data", data.toString()));
        assertTrue(printed().contains("not found"), printed());
        assertEquals(0, run("package", "--help"));
    }
}
