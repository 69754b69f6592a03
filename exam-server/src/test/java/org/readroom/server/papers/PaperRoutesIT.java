package org.readroom.server.papers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readroom.core.bank.CaseClusterItem;
import org.readroom.core.bank.ChoiceOption;
import org.readroom.core.bank.Difficulty;
import org.readroom.core.bank.Item;
import org.readroom.core.bank.ItemInfo;
import org.readroom.core.bank.SingleChoiceItem;
import org.readroom.core.bank.Topic;
import org.readroom.core.bank.TrueFalseItem;
import org.readroom.core.errors.ErrorCode;
import org.readroom.core.packaging.PackageReader;
import org.readroom.core.paper.PaperContent;
import org.readroom.core.protocol.ApiPaths;
import org.readroom.core.protocol.DeliveredItem;
import org.readroom.core.protocol.DeliveredSection;
import org.readroom.core.protocol.Messages.StaffLoginRequest;
import org.readroom.core.protocol.PinnedTrust;
import org.readroom.core.protocol.ServerConnection;
import org.readroom.core.protocol.StaffApi;
import org.readroom.core.protocol.Wire;
import org.readroom.core.text.LocalizedText;
import org.readroom.server.ExamServer;
import org.readroom.server.ServerConfig;
import org.readroom.server.demo.DemoExam;
import org.readroom.server.packaging.SigningKeyStore;

/** The admin's paper endpoints on a real server: items inserted in the SQLite bank, papers drawn, stored, packaged. */
class PaperRoutesIT {

    @TempDir
    Path data;

    private Vertx vertx;
    private ExamServer server;
    private HttpClient http;
    private String adminToken;
    private String proctorToken;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        server = new ExamServer(ServerConfig.of(data, 0, true).onLoopback(), Clock.systemUTC());
        vertx.deployVerticle(server).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        PinnedTrust trust = PinnedTrust.fromFile(server.tls().caCertificate());
        http = HttpClient.newBuilder().sslContext(trust.sslContext()).build();
        adminToken = new StaffApi(new ServerConnection(server.localUri(), trust))
                .login(new StaffLoginRequest(DemoExam.ADMIN_USER, DemoExam.ADMIN_PASSWORD))
                .get(30, TimeUnit.SECONDS)
                .token();
        proctorToken = new StaffApi(new ServerConnection(server.localUri(), trust))
                .login(new StaffLoginRequest(DemoExam.PROCTOR_USER, DemoExam.PROCTOR_PASSWORD))
                .get(30, TimeUnit.SECONDS)
                .token();
        insertBank();
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private Connection db() throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + data.resolve("readroom.db"));
    }

    /**
     * 6 hard spine singles, 4 easy neuro singles, 3 neuro true/false, 2 locking liver case clusters: topics the demo
     * paper (also in the bank) does not use, so every rule below names a topic.
     */
    private void insertBank() throws Exception {
        List<Item> bank = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            bank.add(single("spine-" + i, "骨肌/脊柱/椎间盘突出", Difficulty.HARD));
        }
        for (int i = 0; i < 4; i++) {
            bank.add(single("neuro-" + i, "神经", Difficulty.EASY));
        }
        for (int i = 0; i < 3; i++) {
            bank.add(new TrueFalseItem(
                    "tf-" + i,
                    LocalizedText.of("判断" + i, "tf " + i),
                    true,
                    1,
                    List.of(),
                    new ItemInfo(Topic.parse("神经"), Difficulty.MEDIUM, List.of())));
        }
        for (int i = 0; i < 2; i++) {
            bank.add(new CaseClusterItem(
                    "case-" + i,
                    LocalizedText.of("病例" + i, "case " + i),
                    List.of(),
                    List.of(
                            single("case-" + i + "-1", "腹部/肝", Difficulty.HARD),
                            single("case-" + i + "-2", "腹部/肝", Difficulty.HARD)),
                    true,
                    new ItemInfo(Topic.parse("腹部/肝"), Difficulty.HARD, List.of())));
        }
        try (Connection db = db();
                PreparedStatement insert = db.prepareStatement("INSERT INTO items (id, type, body) VALUES (?, ?, ?)")) {
            for (Item item : bank) {
                insert.setString(1, item.id());
                insert.setString(2, item.type().wireName());
                insert.setString(3, Wire.mapper().writerFor(Item.class).writeValueAsString(item));
                insert.executeUpdate();
            }
        }
    }

    private static SingleChoiceItem single(String id, String topic, Difficulty difficulty) {
        return new SingleChoiceItem(
                id,
                LocalizedText.of("题" + id, "q " + id),
                List.of(
                        new ChoiceOption("A", LocalizedText.of("甲", "a")),
                        new ChoiceOption("B", LocalizedText.of("乙", "b"))),
                "A",
                1,
                List.of(),
                new ItemInfo(Topic.parse(topic), difficulty, List.of()));
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.localUri() + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
        request.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Wire.mapper().readTree(response.body());
    }

    private int storedPapers(String paperId) throws Exception {
        try (Connection db = db();
                PreparedStatement query = db.prepareStatement("SELECT count(*) FROM papers WHERE id = ?")) {
            query.setString(1, paperId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static final String DRAWN =
            """
            {"id": "mock-1", "title": {"zh": "模拟考试", "en": "Mock exam"}, "durationMinutes": 90, "seed": 11,
             "expectedTotalMarks": 10,
             "sections": [
               {"id": "A", "title": {"zh": "A型题", "en": "Single"}, "expectedMarks": 6,
                "rules": [{"count": 3, "type": "single_choice", "topic": "骨肌/脊柱", "difficulty": "hard"},
                          {"count": 2, "type": "single_choice", "topic": "神经"},
                          {"count": 1, "type": "true_false", "topic": "神经"}]},
               {"id": "B", "title": {"zh": "病例题", "en": "Cases"}, "timeLimitMinutes": 30, "irreversible": true,
                "rules": [{"count": 2, "type": "case_cluster", "topic": "腹部"}]}]}
            """;

    @Test
    void theAdminAssemblesAPaperFromTheBankAndItIsStoredWithItsSectionsAndAudited() throws Exception {
        HttpResponse<String> response = send("POST", PaperRoutes.ASSEMBLE, adminToken, DRAWN);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode paper = json(response);
        assertTrue(paper.get("stored").asBoolean());
        assertEquals(10.0, paper.get("totalMarks").asDouble());
        JsonNode a = paper.get("sections").get(0);
        assertEquals(6, a.get("itemIds").size());
        assertEquals(6.0, a.get("marks").asDouble());
        JsonNode b = paper.get("sections").get(1);
        assertTrue(b.get("irreversible").asBoolean());
        assertEquals(30, b.get("timeLimitMinutes").asInt());
        assertEquals(4, b.get("questions").asInt());
        assertEquals(11, paper.get("blueprint").get("seed").asLong());

        HttpResponse<String> read = send("GET", PaperRoutes.PAPERS + "/mock-1", adminToken, null);
        assertEquals(200, read.statusCode(), read.body());
        assertEquals(paper, json(read), "the stored paper reads back as drawn");
        HttpResponse<String> list = send("GET", PaperRoutes.PAPERS, adminToken, null);
        assertTrue(list.body().contains("\"id\":\"mock-1\"") && list.body().contains("\"id\":\"demo\""), list.body());

        try (Connection db = db();
                ResultSet row = db.createStatement()
                        .executeQuery("SELECT actor, detail FROM audit_log WHERE action = 'assemble paper'")) {
            assertTrue(row.next());
            assertEquals("staff:" + DemoExam.ADMIN_USER, row.getString(1));
            assertTrue(
                    row.getString(2).startsWith("paper mock-1: 2 sections, 8 items, 10 questions, 10 marks"),
                    row.getString(2));
        }
    }

    @Test
    void aDryRunAnswersThePaperWithoutStoringIt() throws Exception {
        HttpResponse<String> response = send("POST", PaperRoutes.ASSEMBLE + "?dryRun=true", adminToken, DRAWN);
        assertEquals(200, response.statusCode(), response.body());
        assertFalse(json(response).get("stored").asBoolean());
        assertEquals(0, storedPapers("mock-1"));
        assertEquals(
                404,
                send("GET", PaperRoutes.PAPERS + "/mock-1", adminToken, null).statusCode());
    }

    @Test
    void aProctorMayNotAssembleDefineOrReadPapers() throws Exception {
        for (HttpResponse<String> response : List.of(
                send("POST", PaperRoutes.ASSEMBLE, proctorToken, DRAWN),
                send("POST", PaperRoutes.PAPERS, proctorToken, DRAWN),
                send("GET", PaperRoutes.PAPERS, proctorToken, null),
                send("GET", PaperRoutes.PAPERS + "/demo", proctorToken, null))) {
            assertEquals(403, response.statusCode(), response.body());
            assertEquals(ErrorCode.FORBIDDEN.code(), json(response).get("code").asText());
        }
        assertEquals(0, storedPapers("mock-1"));
    }

    @Test
    void unmetRulesAreRefusedWith422ListingEveryOneAndNothingIsStored() throws Exception {
        String impossible = DRAWN.replace(
                        "\"count\": 3, \"type\": \"single_choice\"", "\"count\": 9, \"type\":" + " \"single_choice\"")
                .replace("{\"count\": 1, \"type\": \"true_false\"", "{\"count\": 4, \"type\": \"true_false\"");
        HttpResponse<String> response = send("POST", PaperRoutes.ASSEMBLE, adminToken, impossible);
        assertEquals(422, response.statusCode(), response.body());
        JsonNode body = json(response);
        assertEquals(ErrorCode.PAPER_RULES_UNMET.code(), body.get("code").asText());
        List<String> problems = new ArrayList<>();
        body.get("problems").forEach(p -> problems.add(p.asText()));
        assertEquals(
                List.of(
                        "section A rule 1 (9 × single_choice, topic 骨肌/脊柱, hard): the bank has 6 such items not"
                                + " already used (needs 9)",
                        "section A rule 3 (4 × true_false, topic 神经): the bank has 3 such items not already used (needs 4)"),
                problems);
        assertEquals(0, storedPapers("mock-1"));
    }

    @Test
    void aFixedPaperIsStoredAndPackagedWithWhatTheKioskNeedsForSections() throws Exception {
        String fixed =
                """
                {"id": "fixed-1", "title": {"zh": "固定试卷", "en": "Fixed paper"}, "durationMinutes": 60,
                 "expectedTotalMarks": 7,
                 "sections": [
                   {"id": "A", "title": {"zh": "单选", "en": "Single"}, "fixedItemIds": ["neuro-2", "spine-0", "tf-1"]},
                   {"id": "B", "title": {"zh": "病例", "en": "Cases"}, "timeLimitMinutes": 20, "irreversible": true,
                    "keepOrder": true, "expectedMarks": 4, "fixedItemIds": ["case-1", "case-0"]}]}
                """;
        HttpResponse<String> response = send("POST", PaperRoutes.PAPERS, adminToken, fixed);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(
                List.of("neuro-2", "spine-0", "tf-1"),
                Wire.mapper().convertValue(json(response).get("sections").get(0).get("itemIds"), List.class));

        HttpResponse<String> built = send("POST", ApiPaths.buildPackage("fixed-1"), adminToken, "{}");
        assertEquals(200, built.statusCode(), built.body());
        String packageId = json(built).get("packageId").asText();
        Path file;
        byte[] contentKey;
        try (Connection db = db();
                PreparedStatement query =
                        db.prepareStatement("SELECT file, content_key FROM packages WHERE package_id = ?")) {
            query.setString(1, packageId);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next());
                file = Path.of(row.getString(1));
                contentKey = row.getBytes(2);
            }
        }
        PaperContent content = Wire.decode(
                PackageReader.read(file, SigningKeyStore.loadOrCreate(data).publicKey(), contentKey, "paper.json"),
                PaperContent.class);
        List<DeliveredSection> sections = content.sections();
        assertEquals(
                List.of("A", "B"), sections.stream().map(DeliveredSection::id).toList());
        assertEquals(3, sections.get(0).size());
        DeliveredSection cases = sections.get(1);
        assertEquals(4, cases.size());
        assertTrue(cases.irreversible() && cases.keepOrder());
        assertEquals(20, cases.timeLimitMinutes());
        DeliveredItem first = content.items().get(3);
        assertEquals("case-1-1", first.id());
        assertTrue(first.group().locksOnceAnswered());
    }

    @Test
    void aPaperIdAlreadyStoredIsRefusedWith409() throws Exception {
        assertEquals(200, send("POST", PaperRoutes.ASSEMBLE, adminToken, DRAWN).statusCode());
        HttpResponse<String> again =
                send("POST", PaperRoutes.ASSEMBLE, adminToken, DRAWN.replace("\"seed\": 11", "\"seed\": 12"));
        assertEquals(409, again.statusCode(), again.body());
        assertEquals(ErrorCode.PAPER_EXISTS.code(), json(again).get("code").asText());
        String demo =
                """
                {"id": "demo", "title": {"zh": "演示", "en": "demo"}, "durationMinutes": 30,
                 "sections": [{"id": "A", "fixedItemIds": ["neuro-0"]}]}
                """;
        assertEquals(409, send("POST", PaperRoutes.PAPERS, adminToken, demo).statusCode());
    }

    @Test
    void aFixedPaperNamingItemsTheBankLacksIsRefusedWithEachOneAndRulesBelongToAssembly() throws Exception {
        String unknown =
                """
                {"id": "fixed-2", "title": {"zh": "固定", "en": "Fixed"}, "durationMinutes": 30,
                 "sections": [{"id": "A", "fixedItemIds": ["neuro-0", "ghost-1", "ghost-2"]}]}
                """;
        HttpResponse<String> response = send("POST", PaperRoutes.PAPERS, adminToken, unknown);
        assertEquals(422, response.statusCode(), response.body());
        assertTrue(
                response.body().contains("section A: item ghost-1 is not in the bank")
                        && response.body().contains("section A: item ghost-2 is not in the bank"),
                response.body());
        assertEquals(0, storedPapers("fixed-2"));

        HttpResponse<String> withRules = send("POST", PaperRoutes.PAPERS, adminToken, DRAWN);
        assertEquals(400, withRules.statusCode(), withRules.body());
        HttpResponse<String> badId = send("POST", PaperRoutes.ASSEMBLE, adminToken, DRAWN.replace("mock-1", "a/b"));
        assertEquals(400, badId.statusCode(), badId.body());
    }
}
