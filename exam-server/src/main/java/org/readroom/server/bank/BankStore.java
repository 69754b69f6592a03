package org.readroom.server.bank;

import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.readroom.core.bank.Item;
import org.readroom.core.errors.ApiException;
import org.readroom.core.errors.ErrorCode;
import org.readroom.core.paper.Paper;
import org.readroom.core.paper.PaperSection;
import org.readroom.core.paper.assembly.PaperBlueprint;
import org.readroom.core.protocol.Wire;
import org.readroom.core.text.LocalizedText;
import org.readroom.server.store.Database;

/**
 * Items and papers. Items are stored as their canonical JSON; papers (with their sections, and the blueprint a drawn
 * paper came from) are never redefined once stored, so they are cached.
 */
public final class BankStore {

    private final Database database;
    private final Map<String, Paper> papers = new ConcurrentHashMap<>();

    public BankStore(Database database) {
        this.database = database;
    }

    /** Stores a paper and its items in one transaction. */
    public Future<Paper> savePaper(Paper paper) {
        return database.write(connection -> {
            insertPaper(connection, paper);
            return paper;
        });
    }

    /**
     * Stores a new paper, with the blueprint it was drawn from (null for a fixed paper); a paper id already stored is
     * refused with PAPER_EXISTS, because sessions and packages refer to papers by id.
     */
    public Future<Paper> saveNewPaper(Paper paper, PaperBlueprint blueprint) {
        return database.write(connection -> {
            if (exists(connection, paper.id())) {
                throw new ApiException(ErrorCode.PAPER_EXISTS, "paper " + paper.id() + " is already stored");
            }
            insertPaper(connection, paper);
            if (blueprint != null) {
                try (PreparedStatement update =
                        connection.prepareStatement("UPDATE papers SET blueprint = ? WHERE id = ?")) {
                    update.setString(1, new String(Wire.encode(blueprint), StandardCharsets.UTF_8));
                    update.setString(2, paper.id());
                    update.executeUpdate();
                }
            }
            return paper;
        });
    }

    private static boolean exists(Connection connection, String paperId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM papers WHERE id = ?")) {
            query.setString(1, paperId);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    public static void insertPaper(Connection connection, Paper paper) throws SQLException {
        try (PreparedStatement item =
                        connection.prepareStatement("INSERT OR REPLACE INTO items (id, type, body) VALUES (?, ?, ?)");
                PreparedStatement head = connection.prepareStatement(
                        "INSERT INTO papers (id, title_zh, title_en, duration_minutes) VALUES (?, ?, ?, ?)");
                PreparedStatement section = connection.prepareStatement("INSERT INTO paper_sections (paper_id,"
                        + " position, id, title_zh, title_en, time_limit_minutes, irreversible, keep_order,"
                        + " expected_marks) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement link = connection.prepareStatement(
                        "INSERT INTO paper_items (paper_id, position, item_id, section_id) VALUES (?, ?, ?, ?)")) {
            for (Item each : paper.items()) {
                item.setString(1, each.id());
                item.setString(2, each.getClass().getSimpleName());
                item.setString(3, Wire.mapper().writerFor(Item.class).writeValueAsString(each));
                item.addBatch();
            }
            item.executeBatch();
            head.setString(1, paper.id());
            head.setString(2, paper.title().zh());
            head.setString(3, paper.title().en());
            head.setInt(4, paper.durationMinutes());
            head.executeUpdate();
            int position = 0;
            for (int s = 0; s < paper.sections().size(); s++) {
                PaperSection each = paper.sections().get(s);
                section.setString(1, paper.id());
                section.setInt(2, s);
                section.setString(3, each.id());
                section.setString(4, each.title().zh());
                section.setString(5, each.title().en());
                if (each.timeLimitMinutes() == null) {
                    section.setNull(6, Types.INTEGER);
                } else {
                    section.setInt(6, each.timeLimitMinutes());
                }
                section.setInt(7, each.irreversible() ? 1 : 0);
                section.setInt(8, each.keepOrder() ? 1 : 0);
                if (each.expectedMarks() == null) {
                    section.setNull(9, Types.REAL);
                } else {
                    section.setDouble(9, each.expectedMarks());
                }
                section.addBatch();
                // Paper keeps its items in section order, so positions follow the sections.
                for (String itemId : each.itemIds()) {
                    link.setString(1, paper.id());
                    link.setInt(2, position++);
                    link.setString(3, itemId);
                    link.setString(4, each.id());
                    link.addBatch();
                }
            }
            section.executeBatch();
            link.executeBatch();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("cannot encode an item of paper " + paper.id(), e);
        }
    }

    public Future<Paper> paper(String paperId) {
        Paper cached = papers.get(paperId);
        if (cached != null) {
            return Future.succeededFuture(cached);
        }
        return database.read(connection -> load(connection, paperId)).map(paper -> {
            papers.put(paperId, paper);
            return paper;
        });
    }

    /** The ids of every stored paper, in id order. */
    public Future<List<String>> paperIds() {
        return database.read(connection -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT id FROM papers ORDER BY id");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        });
    }

    /** The blueprint a stored paper was drawn from, or null for a fixed paper. */
    public Future<PaperBlueprint> blueprint(String paperId) {
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT blueprint FROM papers WHERE id = ?")) {
                query.setString(1, paperId);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        throw new ApiException(ErrorCode.NOT_FOUND, "paper " + paperId);
                    }
                    String json = row.getString(1);
                    return json == null
                            ? null
                            : Wire.decode(json.getBytes(StandardCharsets.UTF_8), PaperBlueprint.class);
                }
            }
        });
    }

    /** Every item of the bank (groups whole), in id order: what rule-based assembly draws from. */
    public Future<List<Item>> allItems() {
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT body FROM items ORDER BY id")) {
                return decodeItems(query);
            }
        });
    }

    /** The bank's items with these ids (those it has), in id order. */
    public Future<List<Item>> items(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        List<String> wanted = List.copyOf(ids);
        return database.read(connection -> {
            String marks = String.join(", ", java.util.Collections.nCopies(wanted.size(), "?"));
            try (PreparedStatement query =
                    connection.prepareStatement("SELECT body FROM items WHERE id IN (" + marks + ") ORDER BY id")) {
                for (int i = 0; i < wanted.size(); i++) {
                    query.setString(i + 1, wanted.get(i));
                }
                return decodeItems(query);
            }
        });
    }

    private static List<Item> decodeItems(PreparedStatement query) throws SQLException {
        List<Item> items = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                items.add(Wire.decode(rows.getString(1).getBytes(StandardCharsets.UTF_8), Item.class));
            }
        }
        return items;
    }

    /** Reads a stored paper inside the caller's transaction ({@link #paper} caches; this does not). */
    public static Paper load(Connection connection, String paperId) throws SQLException {
        LocalizedText title;
        int duration;
        try (PreparedStatement head =
                connection.prepareStatement("SELECT title_zh, title_en, duration_minutes FROM papers WHERE id = ?")) {
            head.setString(1, paperId);
            try (ResultSet row = head.executeQuery()) {
                if (!row.next()) {
                    throw new ApiException(ErrorCode.NOT_FOUND, "paper " + paperId);
                }
                title = new LocalizedText(row.getString(1), row.getString(2));
                duration = row.getInt(3);
            }
        }
        List<Item> items = new ArrayList<>();
        Map<String, List<String>> itemsOfSection = new java.util.HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT i.body, p.section_id FROM paper_items p"
                + " JOIN items i ON i.id = p.item_id WHERE p.paper_id = ? ORDER BY p.position")) {
            query.setString(1, paperId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Item item = Wire.decode(rows.getString(1).getBytes(StandardCharsets.UTF_8), Item.class);
                    items.add(item);
                    String sectionId = rows.getString(2);
                    if (sectionId != null) {
                        itemsOfSection
                                .computeIfAbsent(sectionId, k -> new ArrayList<>())
                                .add(item.id());
                    }
                }
            }
        }
        List<PaperSection> sections = sections(connection, paperId, itemsOfSection);
        // A paper stored before sections has none: it reads as one section holding every item.
        return new Paper(paperId, title, duration, items, sections.isEmpty() ? null : sections);
    }

    private static List<PaperSection> sections(
            Connection connection, String paperId, Map<String, List<String>> itemsOfSection) throws SQLException {
        List<PaperSection> sections = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT id, title_zh, title_en,"
                + " time_limit_minutes, irreversible, keep_order, expected_marks FROM paper_sections"
                + " WHERE paper_id = ? ORDER BY position")) {
            query.setString(1, paperId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String id = rows.getString(1);
                    int limit = rows.getInt(4);
                    Integer timeLimit = rows.wasNull() ? null : limit;
                    double expected = rows.getDouble(7);
                    Double expectedMarks = rows.wasNull() ? null : expected;
                    sections.add(new PaperSection(
                            id,
                            new LocalizedText(rows.getString(2), rows.getString(3)),
                            itemsOfSection.getOrDefault(id, List.of()),
                            timeLimit,
                            rows.getInt(5) == 1,
                            expectedMarks,
                            rows.getInt(6) == 1));
                }
            }
        }
        return sections;
    }
}
