package org.readroom.server.cases;

import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.readroom.core.bank.SeriesRef;
import org.readroom.server.bank.io.SeriesResolver;
import org.readroom.server.store.Database;

/**
 * The imaging case library: de-identified studies, their series (with a thumbnail) and each series' images as
 * content-addressed assets in reading order, ready for {@code SeriesRef.sliceAssets}. Reads run off the event loop.
 */
public final class CaseStore {

    /** A stored study; {@code studyDate} is shifted, {@code patientPseudonym} is the import's pseudonym. */
    public record CaseStudy(
            long id, String studyUid, String patientPseudonym, String studyDate, String modalities, int seriesCount) {}

    /** A stored series; {@code thumbnailAsset} is the SHA-256 of a PNG in the asset store. */
    public record CaseSeries(
            long id,
            long studyId,
            String seriesUid,
            String modality,
            String bodyPart,
            int seriesNumber,
            int rows,
            int columns,
            int images,
            int frames,
            String thumbnailAsset) {}

    private final Database database;

    public CaseStore(Database database) {
        this.database = database;
    }

    public Future<List<CaseStudy>> studies() {
        return database.read(connection -> {
            List<CaseStudy> studies = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(
                            "SELECT s.id, s.study_uid, s.patient_pseudonym, s.study_date, s.modalities,"
                                    + " (SELECT COUNT(*) FROM case_series c WHERE c.study_id = s.id)"
                                    + " FROM case_studies s ORDER BY s.id")) {
                while (rows.next()) {
                    studies.add(new CaseStudy(
                            rows.getLong(1),
                            rows.getString(2),
                            rows.getString(3),
                            rows.getString(4),
                            rows.getString(5),
                            rows.getInt(6)));
                }
            }
            return studies;
        });
    }

    /** The series of one study in series-number order (empty for an unknown study). */
    public Future<List<CaseSeries>> series(long studyId) {
        return seriesWhere("study_id = ?", studyId);
    }

    /** The series one import stored, by study and series number. */
    public Future<List<CaseSeries>> seriesOfImport(String importId) {
        return seriesWhere("study_id IN (SELECT id FROM case_studies WHERE import_id = ?)", importId);
    }

    private Future<List<CaseSeries>> seriesWhere(String condition, Object value) {
        return database.read(connection -> {
            List<CaseSeries> series = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT id, study_id, series_uid, modality, body_part, series_number, image_rows, image_columns,"
                            + " images, frames, thumbnail_sha256 FROM case_series WHERE " + condition
                            + " ORDER BY study_id, series_number, id")) {
                query.setObject(1, value);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        series.add(new CaseSeries(
                                rows.getLong(1),
                                rows.getLong(2),
                                rows.getString(3),
                                rows.getString(4),
                                rows.getString(5),
                                rows.getInt(6),
                                rows.getInt(7),
                                rows.getInt(8),
                                rows.getInt(9),
                                rows.getInt(10),
                                rows.getString(11)));
                    }
                }
            }
            return series;
        });
    }

    /** The id bank files use for a stored series ("CS-12"): what `cases import` and `GET /admin/cases` print. */
    public static String publicId(long seriesId) {
        return "CS-" + seriesId;
    }

    /**
     * Every stored series as a bank file may name it ({@link #publicId}), with its slices in reading order, read once
     * so that a bank import resolves its image references without going back to the database.
     */
    public Future<SeriesResolver> resolver() {
        return database.read(connection -> {
            Map<String, List<String>> slices = new LinkedHashMap<>();
            Map<String, String> descriptions = new HashMap<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT s.id, s.modality, s.body_part, s.series_number,"
                            + " i.sha256 FROM case_series s JOIN case_images i ON i.series_id = s.id"
                            + " ORDER BY s.id, i.position")) {
                while (rows.next()) {
                    String id = publicId(rows.getLong(1));
                    slices.computeIfAbsent(id, k -> new ArrayList<>()).add(rows.getString(5));
                    descriptions.putIfAbsent(
                            id, (rows.getString(2) + " " + rows.getString(3)).strip() + " #" + rows.getInt(4));
                }
            }
            Map<String, SeriesRef> series = new HashMap<>();
            slices.forEach((id, assets) -> series.put(id, new SeriesRef(id, descriptions.get(id), assets, null, null)));
            return seriesId -> Optional.ofNullable(series.get(seriesId));
        });
    }

    /** The content address of a series' thumbnail PNG, or empty for an unknown series. */
    public Future<Optional<String>> thumbnail(long seriesId) {
        return database.read(connection -> {
            try (PreparedStatement query =
                    connection.prepareStatement("SELECT thumbnail_sha256 FROM case_series WHERE id = ?")) {
                query.setLong(1, seriesId);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** The content addresses of a series' image files in reading order (empty for an unknown series). */
    public Future<List<String>> sliceAssets(long seriesId) {
        return database.read(connection -> {
            List<String> assets = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT sha256 FROM case_images WHERE series_id = ? ORDER BY position")) {
                query.setLong(1, seriesId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        assets.add(rows.getString(1));
                    }
                }
            }
            return assets;
        });
    }

    /**
     * Writes one import's rows (called inside {@link Database#write}, so all of it is one transaction).
     *
     * @param sizes bytes of every stored asset, by SHA-256, for the assets table
     */
    static void insert(
            Connection connection,
            String importId,
            long importedAt,
            ImportReport counts,
            List<SeriesGrouping.PlannedStudy> studies,
            Map<String, String> thumbnails,
            Map<String, Long> sizes)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO case_imports (id, imported_at, files, images, skipped) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, importId);
            insert.setLong(2, importedAt);
            insert.setInt(3, counts.files());
            insert.setInt(4, counts.images());
            insert.setInt(5, counts.skipped().size());
            insert.executeUpdate();
        }
        try (PreparedStatement asset = connection.prepareStatement(
                "INSERT OR IGNORE INTO assets (sha256, media_type, size) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, Long> entry : sizes.entrySet()) {
                asset.setString(1, entry.getKey());
                asset.setString(2, thumbnails.containsValue(entry.getKey()) ? "image/png" : "application/dicom");
                asset.setLong(3, entry.getValue());
                asset.addBatch();
            }
            asset.executeBatch();
        }
        try (PreparedStatement study = connection.prepareStatement(
                        "INSERT INTO case_studies (import_id, study_uid, patient_pseudonym, study_date, modalities)"
                                + " VALUES (?, ?, ?, ?, ?)",
                        Statement.RETURN_GENERATED_KEYS);
                PreparedStatement series = connection.prepareStatement(
                        "INSERT INTO case_series (study_id, series_uid, modality, body_part, series_number,"
                                + " image_rows, image_columns, images, frames, thumbnail_sha256)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        Statement.RETURN_GENERATED_KEYS);
                PreparedStatement image = connection.prepareStatement(
                        "INSERT INTO case_images (series_id, position, sop_instance_uid, sha256, frames)"
                                + " VALUES (?, ?, ?, ?, ?)")) {
            for (SeriesGrouping.PlannedStudy planned : studies) {
                study.setString(1, importId);
                study.setString(2, planned.studyUid());
                study.setString(3, planned.first().patientPseudonym());
                study.setString(4, planned.first().studyDate());
                study.setString(5, planned.modalities());
                long studyId = insertedId(study);
                for (SeriesGrouping.PlannedSeries plannedSeries : planned.series()) {
                    var first = plannedSeries.first();
                    series.setLong(1, studyId);
                    series.setString(2, plannedSeries.seriesUid());
                    series.setString(3, first.modality());
                    series.setString(4, first.bodyPart());
                    series.setInt(5, first.seriesNumber());
                    series.setInt(6, first.rows());
                    series.setInt(7, first.columns());
                    series.setInt(8, plannedSeries.images().size());
                    series.setInt(9, plannedSeries.frames());
                    series.setString(10, thumbnails.get(plannedSeries.seriesUid()));
                    long seriesId = insertedId(series);
                    int position = 0;
                    for (SeriesGrouping.StoredImage stored : plannedSeries.images()) {
                        image.setLong(1, seriesId);
                        image.setInt(2, position++);
                        image.setString(3, stored.image().sopInstanceUid());
                        image.setString(4, stored.sha256());
                        image.setInt(5, stored.image().frames());
                        image.addBatch();
                    }
                    image.executeBatch();
                }
            }
        }
    }

    private static long insertedId(PreparedStatement statement) throws SQLException {
        statement.executeUpdate();
        try (ResultSet key = statement.getGeneratedKeys()) {
            if (!key.next()) {
                throw new SQLException("no id was generated");
            }
            return key.getLong(1);
        }
    }
}
