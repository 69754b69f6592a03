package org.readroom.server.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

/** The admin's bank API on a real server: admins only, all or nothing, problems with their lines. */
class BankRoutesIT {

    static final Path EXAMPLE = Path.of("..", "docs", "examples", "bank-example.json");

    @TempDir
    Path data;

    private Vertx vertx;
    private ExamServer server;
    private HttpClient http;
    private String admin;
    private String proctor;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        server = new ExamServer(ServerConfig.of(data, 0, true).onLoopback(), Clock.systemUTC());
        vertx.deployVerticle(server).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        http = HttpClient.newBuilder()
                .sslContext(PinnedTrust.fromFile(server.tls().caCertificate()).sslContext())
                .build();
        admin = login(DemoExam.ADMIN_USER, DemoExam.ADMIN_PASSWORD);
        proctor = login(DemoExam.PROCTOR_USER, DemoExam.PROCTOR_PASSWORD);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private String login(String user, String password) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(ApiPaths.STAFF_LOGIN))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\": \"" + user + "\", \"password\": \"" + password + "\"}")));
        assertEquals(200, response.statusCode(), response.body());
        return json(response).get("token").asText();
    }

    private URI uri(String path) {
        return URI.create(server.localUri() + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String path, String token, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token));
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Wire.mapper().readTree(response.body());
    }

    private List<String> items() throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("readroom.db"));
                Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery("SELECT id, type, body FROM items ORDER BY id")) {
            while (row.next()) {
                rows.add(row.getString(1) + "|" + row.getString(2) + "|" + row.getString(3));
            }
        }
        return rows;
    }

    private long auditRows(String action) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("readroom.db"));
                Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery("SELECT count(*) FROM audit_log WHERE actor = 'staff:admin'"
                        + " AND action = '" + action + "'")) {
            return row.getLong(1);
        }
    }

    @Test
    void anAdminValidatesThenImportsThenListsAndReadsItems() throws Exception {
        String example = Files.readString(EXAMPLE);
        List<String> before = items();

        HttpResponse<String> checked = post(BankRoutes.VALIDATE, admin, "application/json", example);
        assertEquals(200, checked.statusCode(), checked.body());
        assertEquals(11, json(checked).get("items").asInt());
        assertEquals(0, json(checked).get("problems").size());
        assertEquals(before, items(), "validating stores nothing");

        HttpResponse<String> imported =
                post(BankRoutes.IMPORT + "?file=bank-example.json", admin, "application/json; charset=utf-8", example);
        assertEquals(200, imported.statusCode(), imported.body());
        assertEquals(11, json(imported).get("imported").asInt());
        assertEquals(1, auditRows("bank import"));

        JsonNode chest = json(get(BankRoutes.ITEMS + "?topic=%E8%83%B8%E9%83%A8&type=report&difficulty=hard", admin));
        assertEquals(1, chest.get("items").size(), chest.toString());
        JsonNode report = chest.get("items").get(0);
        assertEquals("chest-report-011", report.get("id").asText());
        assertEquals("胸部/肺/肺癌", report.get("topic").asText());
        assertEquals("hard", report.get("difficulty").asText());
        assertEquals(10.0, report.get("marks").asDouble());
        assertEquals("bank-example.json", report.get("source").asText());
        assertTrue(report.get("stemZh").asText().startsWith("请根据胸部 CT 图像"), report.toString());

        HttpResponse<String> one = get(BankRoutes.ITEMS + "/chest-nodule-a2-001", admin);
        assertEquals(200, one.statusCode(), one.body());
        assertEquals("A", json(one).get("correctOption").asText());
        assertEquals("single_choice", json(one).get("type").asText());
        assertEquals(1, auditRows("bank item read"));

        HttpResponse<String> missing = get(BankRoutes.ITEMS + "/no-such-item", admin);
        assertEquals(404, missing.statusCode());
        HttpResponse<String> badFilter = get(BankRoutes.ITEMS + "?type=essay", admin);
        assertEquals(400, badFilter.statusCode(), badFilter.body());
    }

    @Test
    void proctorsAndCandidatesAreForbiddenAndStrangersUnauthenticated() throws Exception {
        String example = Files.readString(EXAMPLE);
        for (HttpResponse<String> response : List.of(
                post(BankRoutes.VALIDATE, proctor, "application/json", example),
                post(BankRoutes.IMPORT, proctor, "application/json", example),
                get(BankRoutes.ITEMS, proctor),
                get(BankRoutes.ITEMS + "/chest-nodule-a2-001", proctor))) {
            assertEquals(403, response.statusCode(), response.body());
            assertEquals(ErrorCode.FORBIDDEN.code(), json(response).get("code").asText());
        }
        HttpResponse<String> stranger = post(BankRoutes.IMPORT, null, "application/json", example);
        assertEquals(401, stranger.statusCode(), stranger.body());
        assertEquals(0, auditRows("bank import"));
    }

    @Test
    void aMalformedBankIsRefusedWith422AndLineNumbersAndNothingStored() throws Exception {
        List<String> before = items();
        String bank = "{\"format\": \"readroom-bank\", \"version\": 1, \"items\": [\n"
                + "{\"type\": \"true_false\", \"id\": \"ok-1\", \"stem\": {\"zh\": \"好\"}, \"correct\": true, \"marks\": 1},\n"
                + "{\"type\": \"true_false\", \"id\": \"bad-1\", \"stem\": {\"zh\": \"坏\"}, \"corect\": true, \"marks\": 1},\n"
                + "{\"type\": \"true_false\", \"id\": \"bad-2\" \"stem\": {}}\n"
                + "]}";
        HttpResponse<String> refused = post(BankRoutes.IMPORT + "?file=mine.json", admin, "application/json", bank);
        assertEquals(422, refused.statusCode(), refused.body());
        JsonNode body = json(refused);
        assertEquals(ErrorCode.BANK_INVALID.code(), body.get("code").asText());
        List<String> problems = new ArrayList<>();
        body.get("problems")
                .forEach(p -> problems.add(p.get("file").asText() + ":"
                        + p.get("where").asText() + ":" + p.get("field").asText() + ": "
                        + p.get("message").asText()));
        assertEquals(
                List.of(
                        "mine.json:3:items[1].corect: unknown field \"corect\"; did you mean \"correct\"?",
                        "mine.json:4:: JSON syntax error at column 38: Unexpected character ('\"' (code 34)): was"
                                + " expecting comma to separate Object entries"),
                problems);
        assertEquals(before, items(), "nothing stored");
        assertEquals(1, auditRows("bank import"), "the refusal is audited");
    }

    @Test
    void otherContentTypesAreRefusedWith415() throws Exception {
        HttpResponse<String> response = post(BankRoutes.VALIDATE, admin, "text/csv", "id,type\n");
        assertEquals(415, response.statusCode(), response.body());
        assertEquals(
                ErrorCode.BANK_FORMAT_UNSUPPORTED.code(),
                json(response).get("code").asText());
    }
}
