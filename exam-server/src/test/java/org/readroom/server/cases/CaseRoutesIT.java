package org.readroom.server.cases;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readroom.core.protocol.ApiPaths;
import org.readroom.core.protocol.PinnedTrust;
import org.readroom.core.protocol.Wire;
import org.readroom.server.ExamServer;
import org.readroom.server.ServerConfig;
import org.readroom.server.demo.DemoExam;

/** The admin's case API on a real server: a zip of real DICOM files in, series ids and thumbnails out. */
class CaseRoutesIT {

    @TempDir
    Path data;

    private Vertx vertx;
    private ExamServer server;
    private HttpClient http;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        server = new ExamServer(ServerConfig.of(data, 0, true).onLoopback(), Clock.systemUTC());
        vertx.deployVerticle(server).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        http = HttpClient.newBuilder()
                .sslContext(PinnedTrust.fromFile(server.tls().caCertificate()).sslContext())
                .build();
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void anAdminImportsAZipAndSeesItsSeriesAndThumbnails() throws Exception {
        String admin = login(DemoExam.ADMIN_USER, DemoExam.ADMIN_PASSWORD);
        String proctor = login(DemoExam.PROCTOR_USER, DemoExam.PROCTOR_PASSWORD);
        byte[] zip = zip("CT_small.dcm", "MR_small.dcm", "rtplan.dcm");

        assertEquals(403, post(proctor, "application/zip", zip).statusCode(), "proctors may not import cases");
        assertEquals(
                400,
                post(admin, "application/json", "{}".getBytes(StandardCharsets.UTF_8))
                        .statusCode());

        HttpResponse<String> imported = post(admin, "application/zip", zip);
        assertEquals(200, imported.statusCode(), imported.body());
        JsonNode answer = Wire.mapper().readTree(imported.body());
        assertEquals(2, answer.get("images").asInt());
        assertEquals(2, answer.get("stored").size());
        assertEquals(1, answer.get("skipped").size(), "the RT plan is not an image: " + answer.get("skipped"));
        String seriesId = answer.get("stored").get(0).get("id").asText();
        assertTrue(seriesId.matches("CS-\\d+"), seriesId);

        HttpResponse<String> list = get(CaseRoutes.CASES, admin);
        assertEquals(200, list.statusCode(), list.body());
        assertTrue(list.body().contains(seriesId), list.body());
        assertTrue(!list.body().contains("CompressedSamples"), "no original patient name is listed");

        HttpResponse<byte[]> png = http.send(
                HttpRequest.newBuilder(uri(CaseRoutes.CASES + "/series/" + seriesId + "/thumbnail"))
                        .header("Authorization", "Bearer " + admin)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, png.statusCode());
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png.body(), 4));
        assertEquals(
                404, get(CaseRoutes.CASES + "/series/CS-99999/thumbnail", admin).statusCode());

        HttpResponse<String> nothing = post(admin, "application/zip", zip("rtplan.dcm"));
        assertEquals(422, nothing.statusCode());
        assertEquals(1, Wire.mapper().readTree(nothing.body()).get("skipped").size(), nothing.body());
    }

    @Test
    void aRefusedOrBrokenZipLeavesNoUploadOrWorkspaceBehind() throws Exception {
        String admin = login(DemoExam.ADMIN_USER, DemoExam.ADMIN_PASSWORD);
        ByteArrayOutputStream unsafe = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(unsafe)) {
            zip.putNextEntry(new ZipEntry("export/CT_small.dcm"));
            zip.write(Files.readAllBytes(Pydicom.TEST_FILES.resolve("CT_small.dcm")));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("../../evil.dcm"));
            zip.write(new byte[] {1, 2, 3});
            zip.closeEntry();
        }

        HttpResponse<String> refused = post(admin, "application/zip", unsafe.toByteArray());
        assertEquals(422, refused.statusCode(), refused.body());
        assertEquals(
                "RR-1531", Wire.mapper().readTree(refused.body()).get("code").asText(), refused.body());
        assertNothingOfTheImportLeft();

        HttpResponse<String> broken =
                post(admin, "application/zip", "PK\u0003\u0004 not really a zip".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(400, broken.statusCode(), broken.body());
        assertNothingOfTheImportLeft();
    }

    private void assertNothingOfTheImportLeft() throws Exception {
        try (var files = Files.list(data)) {
            List<String> left = files.map(f -> f.getFileName().toString())
                    .filter(name ->
                            name.startsWith(CaseImport.WORKSPACE_PREFIX) || name.startsWith(CaseImport.UPLOAD_PREFIX))
                    .toList();
            assertEquals(List.of(), left);
        }
    }

    private byte[] zip(String... names) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : names) {
                zip.putNextEntry(new ZipEntry("export/" + name));
                zip.write(Files.readAllBytes(Pydicom.TEST_FILES.resolve(name)));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private String login(String user, String password) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri(ApiPaths.STAFF_LOGIN))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\": \"" + user + "\", \"password\": \"" + password + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return Wire.mapper().readTree(response.body()).get("token").asText();
    }

    private HttpResponse<String> post(String token, String type, byte[] body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri(CaseRoutes.IMPORT))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create(server.localUri() + path);
    }
}
