package org.readroom.server.bank;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.readroom.core.bank.Item;
import org.readroom.core.protocol.Wire;
import org.readroom.server.store.Database;

/**
 * The bank's item rows: adding a batch of imported items in one transaction (items are immutable, so an id already
 * stored is either the very same item, skipped, or a conflict), listing them through the {@code bank_items} index
 * (V007) and fetching one.
 */
public final class ItemStore {

    /** How many items are inserted between two progress reports. */
    public static final int PROGRESS_EVERY = 500;

    private static final ObjectWriter CANONICAL = Wire.mapper().writerFor(Item.class);

    /** An item that cannot be added, and why. */
    public record Conflict(String itemId, String message) {}

    /** What adding a batch did: items added and items already there unchanged; with conflicts, nothing was added. */
    public record Added(int added, int unchanged, List<Conflict> conflicts) {

        public Added {
            conflicts = List.copyOf(conflicts);
        }
    }

    /** One row of the bank list. */
    public record Summary(
            String id,
            String type,
            String topic,
            String difficulty,
            double marks,
            int questions,
            String stemZh,
            String stemEn,
            String source,
            Long importedAt) {}

    /** What the bank list is filtered by; null means any. {@code topic} matches that topic and everything below it. */
    public record Filter(String type, String topic, String difficulty, int limit, int offset) {}

    private static final int STEM_SUMMARY = 80;

    private final Database database;

    public ItemStore(Database database) {
        this.database = database;
    }

    /**
     * Adds the items in one write transaction, telling {@code progress} how many are done every
     * {@link #PROGRESS_EVERY}; {@code source} names each item's origin (its file). Conflicts with stored items (same id, other content; a question id taken) are all
     * found first, and then nothing is written.
     */
    public Future<Added> add(List<Item> items, Function<Item, String> source, long now, IntConsumer progress) {
        return database.write(connection -> add(connection, items, source, now, progress));
    }

    static Added add(
            Connection connection, List<Item> items, Function<Item, String> source, long now, IntConsumer progress)
            throws SQLException {
        Map<String, String> questionOwners = questionOwners(connection);
        List<Conflict> conflicts = new ArrayList<>();
        List<Item> fresh = new ArrayList<>();
        int unchanged = 0;
        try (PreparedStatement find = connection.prepareStatement("SELECT body FROM items WHERE id = ?")) {
            for (Item item : items) {
                Optional<Item> stored = stored(find, item.id());
                if (stored.isPresent()) {
                    if (stored.get().equals(item)) {
                        unchanged++;
                    } else {
                        conflicts.add(new Conflict(
                                item.id(),
                                "item " + item.id() + " already exists with different content; items are immutable,"
                                        + " give the new version a new id"));
                    }
                    continue;
                }
                String owner = questionOwners.get(item.id());
                if (owner != null) {
                    conflicts.add(new Conflict(
                            item.id(), "id " + item.id() + " is already used by a question of item " + owner));
                    continue;
                }
                if (questionIdsTaken(find, questionOwners, item, conflicts)) {
                    fresh.add(item);
                }
            }
        }
        if (!conflicts.isEmpty()) {
            return new Added(0, unchanged, conflicts);
        }
        insert(connection, fresh, source, now, progress);
        return new Added(fresh.size(), unchanged, List.of());
    }

    /** True when none of a group's question ids is already an item or another group's question. */
    private static boolean questionIdsTaken(
            PreparedStatement find, Map<String, String> questionOwners, Item item, List<Conflict> conflicts)
            throws SQLException {
        if (!item.isGroup()) {
            return true;
        }
        boolean free = true;
        for (Item question : item.parts()) {
            String owner = questionOwners.get(question.id());
            if (owner != null && !owner.equals(item.id())) {
                conflicts.add(new Conflict(
                        item.id(), "question id " + question.id() + " is already used by a question of item " + owner));
                free = false;
            } else if (stored(find, question.id()).isPresent()) {
                conflicts.add(new Conflict(
                        item.id(), "question id " + question.id() + " is already used by item " + question.id()));
                free = false;
            }
        }
        return free;
    }

    private static void insert(
            Connection connection, List<Item> items, Function<Item, String> source, long now, IntConsumer progress)
            throws SQLException {
        try (PreparedStatement insert =
                        connection.prepareStatement("INSERT INTO items (id, type, body) VALUES (?, ?, ?)");
                PreparedStatement origin = connection.prepareStatement(
                        "UPDATE bank_items SET source = ?, imported_at = ? WHERE item_id = ?")) {
            int done = 0;
            for (Item item : items) {
                insert.setString(1, item.id());
                // The same type name BankStore writes, so the column means one thing.
                insert.setString(2, item.getClass().getSimpleName());
                insert.setString(3, canonical(item));
                insert.executeUpdate();
                origin.setString(1, source.apply(item));
                origin.setLong(2, now);
                origin.setString(3, item.id());
                origin.executeUpdate();
                done++;
                if (done % PROGRESS_EVERY == 0 || done == items.size()) {
                    progress.accept(done);
                }
            }
        }
    }

    /** The canonical JSON of an item: what is stored and what a re-import is compared with. */
    public static String canonical(Item item) {
        try {
            return CANONICAL.writeValueAsString(item);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("item " + item.id() + " cannot be encoded", e);
        }
    }

    private static Optional<Item> stored(PreparedStatement find, String id) throws SQLException {
        find.setString(1, id);
        try (ResultSet row = find.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            return Optional.of(Wire.decode(row.getString(1).getBytes(StandardCharsets.UTF_8), Item.class));
        }
    }

    /** Every question id of a stored group, with the group's id. */
    private static Map<String, String> questionOwners(Connection connection) throws SQLException {
        Map<String, String> owners = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT json_extract(q.value, '$.id'), i.id"
                        + " FROM items i, json_each(i.body, '$.questions') q");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                owners.put(rows.getString(1), rows.getString(2));
            }
        }
        return owners;
    }

    /** The bank list, ordered by id. */
    public Future<List<Summary>> list(Filter filter) {
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT b.item_id, b.type, b.topic,"
                    + " b.difficulty, b.marks, b.questions, json_extract(i.body, '$.stem.zh'),"
                    + " json_extract(i.body, '$.stem.en'), b.source, b.imported_at"
                    + " FROM bank_items b JOIN items i ON i.id = b.item_id"
                    + " WHERE (?1 IS NULL OR b.type = ?1)"
                    + " AND (?2 IS NULL OR b.topic = ?2 OR substr(b.topic, 1, length(?2) + 1) = ?2 || '/')"
                    + " AND (?3 IS NULL OR b.difficulty = ?3)"
                    + " ORDER BY b.item_id LIMIT ?4 OFFSET ?5")) {
                query.setString(1, filter.type());
                query.setString(2, filter.topic());
                query.setString(3, filter.difficulty());
                query.setInt(4, filter.limit());
                query.setInt(5, filter.offset());
                List<Summary> rows = new ArrayList<>();
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        long importedAt = row.getLong(10);
                        Long imported = row.wasNull() ? null : importedAt;
                        rows.add(new Summary(
                                row.getString(1),
                                row.getString(2),
                                row.getString(3),
                                row.getString(4),
                                row.getDouble(5),
                                row.getInt(6),
                                summary(row.getString(7)),
                                summary(row.getString(8)),
                                row.getString(9),
                                imported));
                    }
                }
                return rows;
            }
        });
    }

    /** One item as stored, or empty. */
    public Future<Optional<Item>> find(String id) {
        return database.read(connection -> {
            try (PreparedStatement find = connection.prepareStatement("SELECT body FROM items WHERE id = ?")) {
                return stored(find, id);
            }
        });
    }

    private static String summary(String stem) {
        if (stem == null) {
            return "";
        }
        String line = stem.strip().replaceAll("\\s+", " ");
        return line.length() <= STEM_SUMMARY ? line : line.substring(0, STEM_SUMMARY) + "…";
    }
}
