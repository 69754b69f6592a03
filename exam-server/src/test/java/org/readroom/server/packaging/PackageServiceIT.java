package org.readroom.server.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readroom.core.packaging.Manifest;
import org.readroom.core.packaging.PackageReader;
import org.readroom.core.packaging.SigningKeys;
import org.readroom.core.paper.PaperContent;
import org.readroom.core.protocol.Wire;
import org.readroom.server.bank.BankStore;
import org.readroom.server.demo.DemoExam;
import org.readroom.server.demo.DemoPaper;
import org.readroom.server.store.AssetStore;
import org.readroom.server.store.Database;

/** The demo paper packaged from a real data folder: signed, keyless-verifiable, no answer keys inside. */
class PackageServiceIT {

    @TempDir
    Path data;

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void theDemoPaperPackageVerifiesAndCarriesNoAnswerKeys() throws Exception {
        Database database = Database.open(vertx, data.resolve("readroom.db"))
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        AssetStore assets = new AssetStore(data.resolve("assets"));
        DemoExam.seed(vertx, database, assets, data)
                .toCompletionStage()
                .toCompletableFuture()
                .get(60, TimeUnit.SECONDS);
        SigningKeys keys = SigningKeyStore.loadOrCreate(data);
        assertEquals(keys, SigningKeyStore.loadOrCreate(data), "the key pair is created once and then reused");
        assertEquals(
                "rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("keys/package-signing.key"))));

        PackageService service =
                new PackageService(vertx, database, new BankStore(database), assets, keys, Clock.systemUTC());
        Path file = data.resolve("demo.rrpkg");
        PackageService.Built built = service.build(DemoExam.PAPER_ID, file)
                .toCompletionStage()
                .toCompletableFuture()
                .get(60, TimeUnit.SECONDS);

        Manifest manifest = PackageReader.verify(file, keys.publicKey());
        assertEquals(built.manifest(), manifest);
        assertEquals(1 + 24, manifest.entries().size(), "paper.json plus the 24 phantom slices");

        byte[] contentKey;
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("readroom.db"));
                Statement sql = db.createStatement();
                ResultSet row = sql.executeQuery("SELECT content_key FROM packages")) {
            assertTrue(row.next());
            contentKey = row.getBytes(1);
        }
        String paperJson = new String(
                PackageReader.read(file, keys.publicKey(), contentKey, "paper.json"), StandardCharsets.UTF_8);
        assertFalse(
                paperJson.contains("correctOption")
                        || paperJson.contains("acceptedAnswers")
                        || paperJson.contains("modelAnswer"),
                paperJson);
        PaperContent paper = Wire.decode(paperJson.getBytes(StandardCharsets.UTF_8), PaperContent.class);
        assertEquals(DemoPaper.questionCount(), paper.items().size());
        String slice = manifest.entries().get(1).name();
        assertArrayEquals(
                Files.readAllBytes(assets.path(slice.substring("assets/".length()))),
                PackageReader.read(file, keys.publicKey(), contentKey, slice));
        database.close();
    }
}
