package org.readroom.server.cases;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readroom.server.ExamServer;
import org.readroom.server.ServerConfig;

/**
 * A server that died during a case import left identified originals in its data folder (a zip's unpacked workspace,
 * an uploaded zip): the next start removes them, and says how many without naming them.
 */
class CaseLeftoversIT {

    @TempDir
    Path data;

    private Vertx vertx;

    @AfterEach
    void stop() throws Exception {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void whatAnInterruptedImportLeftIsRemovedWhenTheServerStarts() throws Exception {
        Path crashed = Files.createDirectories(data.resolve(CaseImport.WORKSPACE_PREFIX + "zqxjw/source"));
        Files.writeString(crashed.resolve("1.entry"), "Doe^Jane original");
        Path unlocked = Files.createDirectories(data.resolve(CaseImport.WORKSPACE_PREFIX + "vqxkz"));
        Files.createFile(unlocked.resolve(".lock"));
        Path upload = data.resolve(CaseImport.UPLOAD_PREFIX + "wqzxv" + CaseImport.UPLOAD_SUFFIX);
        Files.writeString(upload, "PK Doe^Jane zip");
        // Not leftovers: a running import's workspace (its lock is held) and files that only look similar.
        Path running = Files.createDirectories(data.resolve(CaseImport.WORKSPACE_PREFIX + "running"));
        Path notes = Files.writeString(data.resolve("upload-notes.txt"), "keep");
        Path plainFile = Files.writeString(data.resolve(CaseImport.WORKSPACE_PREFIX + "file"), "keep");

        String log;
        try (FileChannel lock =
                FileChannel.open(running.resolve(".lock"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            lock.lock();
            log = startServerCapturingTheLog();
        }

        for (Path gone : List.of(crashed.getParent(), unlocked, upload)) {
            assertFalse(Files.exists(gone), gone + " is still there");
        }
        for (Path kept : List.of(running, notes, plainFile)) {
            assertTrue(Files.exists(kept), kept + " was removed");
        }
        assertTrue(log.contains("2 workspace(s), 1 uploaded zip(s)"), log);
        assertFalse(
                log.contains("zqxjw")
                        || log.contains("vqxkz")
                        || log.contains("wqzxv")
                        || log.contains(data.toString()),
                log);
    }

    private String startServerCapturingTheLog() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            vertx = Vertx.vertx();
            ExamServer server = new ExamServer(ServerConfig.of(data, 0, false).onLoopback(), Clock.systemUTC());
            vertx.deployVerticle(server)
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(60, TimeUnit.SECONDS);
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        original.print(log);
        return log;
    }
}
