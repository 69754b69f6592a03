package org.readroom.server.packaging;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.readroom.core.bank.SeriesRef;
import org.readroom.core.packaging.Manifest;
import org.readroom.core.packaging.PackageWriter;
import org.readroom.core.packaging.SigningKeys;
import org.readroom.core.paper.Paper;
import org.readroom.core.paper.PaperContent;
import org.readroom.core.protocol.Wire;
import org.readroom.server.bank.BankStore;
import org.readroom.server.store.AssetStore;
import org.readroom.server.store.Database;

/**
 * Builds a paper's package: the paper as candidates see it (no answer keys, authoring order; each kiosk applies its
 * candidate's seed) and every image it shows, encrypted once with a fresh content key that stays on the server.
 */
public final class PackageService {

    /** What was built. */
    public record Built(Path file, Manifest manifest, long size) {}

    private final Vertx vertx;
    private final Database database;
    private final BankStore bank;
    private final AssetStore assets;
    private final SigningKeys keys;
    private final Clock clock;

    public PackageService(
            Vertx vertx, Database database, BankStore bank, AssetStore assets, SigningKeys keys, Clock clock) {
        this.vertx = vertx;
        this.database = database;
        this.bank = bank;
        this.assets = assets;
        this.keys = keys;
        this.clock = clock;
    }

    public Future<Built> build(String paperId, Path target) {
        return bank.paper(paperId)
                .compose(paper -> vertx.executeBlocking(() -> write(paper, target), false))
                .compose(built -> database.write(connection -> {
                    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO packages (package_id,"
                            + " paper_id, file, content_key, size, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                        insert.setString(1, built.manifest().packageId());
                        insert.setString(2, paperId);
                        insert.setString(3, built.built().file().toString());
                        insert.setBytes(4, built.contentKey());
                        insert.setLong(5, built.built().size());
                        insert.setLong(6, built.manifest().createdAt());
                        insert.executeUpdate();
                    }
                    return built.built();
                }));
    }

    private record Written(Built built, byte[] contentKey) {
        Manifest manifest() {
            return built.manifest();
        }
    }

    private Written write(Paper paper, Path target) throws Exception {
        List<PackageWriter.Content> contents = new ArrayList<>();
        contents.add(new PackageWriter.Content("paper.json", Wire.encode(PaperContent.of(paper))));
        Set<String> slices = new LinkedHashSet<>();
        // A group's images and its questions' own images.
        paper.items().stream()
                .flatMap(item -> Stream.concat(Stream.of(item), item.parts().stream()))
                .forEach(item ->
                        item.images().stream().map(SeriesRef::sliceAssets).forEach(slices::addAll));
        for (String sha : slices) {
            contents.add(new PackageWriter.Content("assets/" + sha, Files.readAllBytes(assets.path(sha))));
        }
        byte[] contentKey = PackageWriter.newContentKey();
        Manifest manifest = PackageWriter.write(target, paper.id(), contents, contentKey, keys, clock.millis());
        return new Written(new Built(target, manifest, Files.size(target)), contentKey);
    }
}
