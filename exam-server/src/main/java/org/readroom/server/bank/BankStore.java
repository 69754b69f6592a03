package org.readroom.server.bank;

import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.readroom.core.bank.Item;
import org.readroom.core.errors.ApiException;
import org.readroom.core.errors.ErrorCode;
import org.readroom.core.paper.Paper;
import org.readroom.core.protocol.Wire;
import org.readroom.core.text.LocalizedText;
import org.readroom.server.store.Database;

/** Items and papers. Items are stored as their canonical JSON; papers are immutable once used, so they are cached. */
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

    public static void insertPaper(Connection connection, Paper paper) throws SQLException {
        try (PreparedStatement item =
                        connection.prepareStatement("INSERT OR REPLACE INTO items (id, type, body) VALUES (?, ?, ?)");
                PreparedStatement head = connection.prepareStatement(
                        "INSERT INTO papers (id, title_zh, title_en, duration_minutes) VALUES (?, ?, ?, ?)");
                PreparedStatement link = connection.prepareStatement(
                        "INSERT INTO paper_items (paper_id, position, item_id) VALUES (?, ?, ?)")) {
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
            for (int i = 0; i < paper.items().size(); i++) {
                link.setString(1, paper.id());
                link.setInt(2, i);
                link.setString(3, paper.items().get(i).id());
                link.addBatch();
            }
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

    private static Paper load(Connection connection, String paperId) throws SQLException {
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
        try (PreparedStatement query = connection.prepareStatement("SELECT i.body FROM paper_items p JOIN items i"
                + " ON i.id = p.item_id WHERE p.paper_id = ? ORDER BY p.position")) {
            query.setString(1, paperId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    items.add(Wire.decode(
                            rows.getString(1).getBytes(java.nio.charset.StandardCharsets.UTF_8), Item.class));
                }
            }
        }
        return new Paper(paperId, title, duration, items);
    }
}
