package org.readroom.server.bank.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.readroom.core.bank.Item;
import org.readroom.core.bank.ItemType;
import org.readroom.core.protocol.Wire;

/** The documented schema, the example bank and the reader agree. */
class BankSchemaTest {

    static final Path DOCS = Path.of("..", "docs");
    static final Path EXAMPLE = DOCS.resolve("examples/bank-example.json");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws Exception {
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(DOCS.resolve("schema/bank.schema.json")));
    }

    private static Set<ValidationMessage> validate(JsonNode bank) {
        return schema.validate(bank);
    }

    @Test
    void theExampleBankMatchesTheSchemaAndReadsWithoutProblemsWithEveryItemType() throws Exception {
        assertEquals(Set.of(), validate(JSON.readTree(EXAMPLE.toFile())));
        BankReadResult result = JsonBankReader.read(EXAMPLE, SeriesResolver.NONE);
        assertEquals(List.of(), result.problems());
        assertEquals(
                Arrays.stream(ItemType.values()).collect(Collectors.toSet()),
                result.items().stream().map(Item::type).collect(Collectors.toSet()),
                "at least one item of every type");
    }

    @Test
    void whatTheServerWritesForEveryItemIsValidInABankFile() throws Exception {
        BankReadResult example = JsonBankReader.read(EXAMPLE, SeriesResolver.NONE);
        ObjectNode bank = JSON.createObjectNode().put("format", "readroom-bank").put("version", 1);
        ArrayNode items = bank.putArray("items");
        for (Item item : example.items()) {
            items.add(JSON.readTree(Wire.mapper().writerFor(Item.class).writeValueAsString(item)));
        }
        assertEquals(Set.of(), validate(bank));
        Path written = Files.createTempFile("bank-", ".json");
        try {
            Files.writeString(written, bank.toString());
            BankReadResult again = JsonBankReader.read(written, SeriesResolver.NONE);
            assertEquals(List.of(), again.problems());
            assertEquals(example.items(), again.items(), "read back as the same items");
        } finally {
            Files.delete(written);
        }
    }

    @Test
    void theSchemaRejectsBadItems() throws Exception {
        assertRejected("a misspelt field", "corectOption").accept(withFirstItem(item -> {
            item.put("corectOption", item.remove("correctOption").asText());
        }));
        assertFalse(validate(withFirstItem(item -> item.put("type", "single"))).isEmpty(), "unknown type");
        assertFalse(validate(withFirstItem(item -> item.put("marks", 0))).isEmpty(), "marks must be > 0");
        assertFalse(validate(withFirstItem(item -> item.put("marks", "1"))).isEmpty(), "marks is a number");
        assertFalse(validate(withFirstItem(item -> item.remove("stem"))).isEmpty(), "stem is required");
        assertFalse(
                validate(withFirstItem(item -> ((ArrayNode) item.get("images")).add("bad id!")))
                        .isEmpty(),
                "a series id has the id's form");
        assertFalse(
                validate(withFirstItem(item -> item.putObject("stem").put("zh", " ")))
                        .isEmpty(),
                "a text needs one language");
    }

    private interface Change {
        void apply(ObjectNode item);
    }

    private static JsonNode withFirstItem(Change change) throws Exception {
        JsonNode bank = JSON.readTree(EXAMPLE.toFile());
        change.apply((ObjectNode) bank.get("items").get(0));
        return bank;
    }

    private static java.util.function.Consumer<JsonNode> assertRejected(String what, String... mentioned) {
        return bank -> {
            Set<ValidationMessage> messages = validate(bank);
            assertFalse(messages.isEmpty(), what + " is rejected");
            String all = messages.toString();
            for (String word : mentioned) {
                assertTrue(all.contains(word), what + ": " + all);
            }
        };
    }
}
