package org.readroom.kiosk.viewer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.readroom.core.assets.ContentHash;
import org.readroom.core.bank.SeriesRef;
import org.readroom.core.dicom.DecodeResult;
import org.readroom.core.dicom.DicomDecoder;
import org.readroom.core.dicom.DicomImage;
import org.readroom.core.protocol.KioskApi;

/**
 * Brings an item's series onto the kiosk: each slice is fetched once into the local cache (its name is its SHA-256,
 * checked on arrival so a damaged download is refused), then decoded off the UI thread through the DICOM port.
 */
public final class SeriesLoader {

    private final KioskApi api;
    private final Path cache;
    private final DicomDecoder decoder;
    private final Executor decodeExecutor;

    public SeriesLoader(KioskApi api, Path cache, DicomDecoder decoder, Executor decodeExecutor) {
        this.api = api;
        this.cache = cache;
        this.decoder = decoder;
        this.decodeExecutor = decodeExecutor;
    }

    public CompletableFuture<List<DicomImage>> load(SeriesRef series) {
        List<CompletableFuture<Path>> files = new ArrayList<>();
        for (String sha : series.sliceAssets()) {
            files.add(fetch(sha));
        }
        return CompletableFuture.allOf(files.toArray(CompletableFuture[]::new))
                .thenApplyAsync(v -> decodeAll(series, files), decodeExecutor);
    }

    private List<DicomImage> decodeAll(SeriesRef series, List<CompletableFuture<Path>> files) {
        List<DicomImage> images = new ArrayList<>(files.size());
        for (CompletableFuture<Path> file : files) {
            DecodeResult result = decoder.decode(file.join());
            if (result instanceof DecodeResult.Decoded decoded) {
                images.add(decoded.image());
            } else {
                throw new IllegalStateException(
                        "series " + series.seriesId() + ": " + ((DecodeResult.Failed) result).reason());
            }
        }
        return List.copyOf(images);
    }

    private CompletableFuture<Path> fetch(String sha) {
        Path target = cache.resolve(sha + ".dcm");
        if (Files.exists(target)) {
            return CompletableFuture.completedFuture(target);
        }
        return api.asset(sha).thenApplyAsync(bytes -> store(sha, bytes, target), decodeExecutor);
    }

    private Path store(String sha, byte[] bytes, Path target) {
        String actual = ContentHash.sha256(bytes);
        if (!actual.equals(sha)) {
            throw new IllegalStateException("image " + sha + " arrived damaged (its SHA-256 is " + actual + ")");
        }
        try {
            Files.createDirectories(cache);
            Path temp = Files.createTempFile(cache, sha, ".part");
            Files.write(temp, bytes);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the image cache at " + cache + ": " + e.getMessage(), e);
        }
    }
}
