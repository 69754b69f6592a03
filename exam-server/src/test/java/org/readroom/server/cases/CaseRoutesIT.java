package org.readroom.server.cases;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
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
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readroom.core.errors.ErrorCode;
import org.readroom.core.protocol.ApiPaths;
import org.readroom.core.protocol.PinnedTrust;
import org.readroom.core.protocol.Wire;
import org.readroom.server.ExamServer;
import org.readroom.server.ServerConfig;
import org.readroom.server.demo.DemoExam;

/** The admin's case API on a real server: a zip of real DICOM files in, series ids and thumbnails out. */
class CaseRoutesIT {

    /** A small upload cap, so the tests pass it without sending gigabytes; the zips of the other tests fit. */
    private static final int UPLOAD_CAP = 1 << 20;

    @TempDir
    Path data;

    private Vertx vertx;
    private ExamServer server;
    private HttpClient http;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        server = new ExamServer(
                ServerConfig.of(data, 0, true)
                        .onLoopback()
                        .withCaseLimits(new CaseSource.Limits(
                                CaseSource.MAX_ZIP_ENTRIES, CaseSource.MAX_ZIP_BYTES, UPLOAD_CAP)),
                Clock.systemUTC());
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

    @Test
    void anUploadWhoseContentLengthPassesTheCapIsRefusedAtOnceWithoutWritingAndTheServerImportsAfterwards()
            throws Exception {
        String admin = login(DemoExam.ADMIN_USER, DemoExam.ADMIN_PASSWORD);

        HttpResponse<String> refused = post(admin, "application/zip", junk(UPLOAD_CAP + 1));
        assertTooLarge(refused);
        assertNothingOfTheImportLeft();

        // A client declaring 64 GiB gets its 413 while the body is still on its way, and no upload file exists.
        URI base = server.localUri();
        try (SSLSocket socket = (SSLSocket) PinnedTrust.fromFile(server.tls().caCertificate())
                .sslContext()
                .getSocketFactory()
                .createSocket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + CaseRoutes.IMPORT + " HTTP/1.1\r\nHost: " + base.getAuthority()
                            + "\r\nAuthorization: Bearer " + admin + "\r\nContent-Type: application/zip"
                            + "\r\nContent-Length: " + (64L << 30) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(junk(64 * 1024));
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String status = in.readLine();
            assertTrue(status != null && status.startsWith("HTTP/1.1 413"), status);
            assertNothingOfTheImportLeft();
        }

        HttpResponse<String> imported = post(admin, "application/zip", zip("CT_small.dcm"));
        assertEquals(200, imported.statusCode(), imported.body());
        assertEquals(1, Wire.mapper().readTree(imported.body()).get("images").asInt());
        assertNothingOfTheImportLeft();
    }

    @Test
    void aChunkedUploadPastTheCapIsCutOffAndItsPartialFileDeleted() throws Exception {
        String admin = login(DemoExam.ADMIN_USER, DemoExam.ADMIN_PASSWORD);
        byte[] body = junk(3 * UPLOAD_CAP);

        // No length known in advance: the client sends the body chunked, without Content-Length.
        HttpResponse<String> refused = http.send(
                HttpRequest.newBuilder(uri(CaseRoutes.IMPORT))
                        .header("Authorization", "Bearer " + admin)
                        .header("Content-Type", "application/zip")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertTooLarge(refused);
        assertNothingOfTheImportLeft();

        HttpResponse<String> imported = post(admin, "application/zip", zip("MR_small.dcm"));
        assertEquals(200, imported.statusCode(), imported.body());
        assertNothingOfTheImportLeft();
    }

    /**
     * 413 with the catalogue's RR-1530, whose sentence (in both languages) names the server's default upload limit:
     * clients show the sentence of the code, so the configured test cap is only in the server's debug log.
     */
    private static void assertTooLarge(HttpResponse<String> response) throws Exception {
        assertEquals(413, response.statusCode(), response.body());
        JsonNode error = Wire.mapper().readTree(response.body());
        assertEquals(ErrorCode.CASE_ZIP_TOO_LARGE.code(), error.get("code").asText(), response.body());
        assertEquals(21L << 30, CaseSource.MAX_UPLOAD_BYTES);
        String limit = "21 GiB";
        assertTrue(error.get("message").asText().contains(limit), response.body());
        assertTrue(
                ErrorCode.CASE_ZIP_TOO_LARGE.message(Locale.SIMPLIFIED_CHINESE).contains(limit));
    }

    /** Bytes that start like a zip and are none, so an upload that got through would be refused with 400. */
    private static byte[] junk(int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) 'x');
        System.arraycopy(new byte[] {'P', 'K', 3, 4}, 0, bytes, 0, 4);
        return bytes;
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
