package org.readroom.kiosk.viewer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.readroom.core.assets.ContentHash;
import org.readroom.core.bank.SeriesRef;
import org.readroom.core.dicom.DecodeResult;
import org.readroom.core.dicom.DicomDecoder;
import org.readroom.core.dicom.DicomImage;
import org.readroom.core.errors.ApiException;
import org.readroom.core.errors.ErrorCode;
import org.readroom.core.packaging.PackageException;
import org.readroom.kiosk.delivery.KioskState;
import org.readroom.kiosk.delivery.PaperPackage;

/**
 * Brings an item's series onto the screen: each slice is decrypted from the opened package once (its SHA-256 checked
 * against the paper), written to the exam's owner-only image folder, and decoded off the UI thread through the DICOM
 * port. {@link #close} wipes the folder and the content key when the exam ends.
 */
public final class SeriesLoader implements AutoCloseable {

    private final PaperPackage source;
    private final Path folder;
    private final DicomDecoder decoder;
    private final Executor executor;

    public SeriesLoader(PaperPackage source, Path folder, DicomDecoder decoder, Executor executor) {
        this.source = source;
        this.folder = folder;
        this.decoder = decoder;
        this.executor = executor;
    }

    public CompletableFuture<List<DicomImage>> load(SeriesRef series) {
        List<CompletableFuture<Path>> files = new ArrayList<>();
        for (String sha : series.sliceAssets()) {
            files.add(CompletableFuture.supplyAsync(() -> slice(sha), executor));
        }
        return CompletableFuture.allOf(files.toArray(CompletableFuture[]::new))
                .thenApplyAsync(v -> decodeAll(series, files), executor);
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

    private Path slice(String sha) {
        Path target = folder.resolve(sha + ".dcm");
        if (Files.exists(target)) {
            return target;
        }
        try {
            byte[] bytes = source.asset(sha);
            String actual = ContentHash.sha256(bytes);
            if (!actual.equals(sha)) {
                throw new IllegalStateException(
                        "image " + sha + " in the package is damaged (its SHA-256 is " + actual + ")");
            }
            Path temp = Files.createTempFile(folder, sha, ".part");
            Files.write(temp, bytes);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (PackageException e) {
            throw new CompletionException(new ApiException(ErrorCode.PACKAGE_REFUSED, e.getMessage(), e));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the exam's images to " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The exam on this kiosk is over: the decrypted images are deleted and the content key wiped. */
    @Override
    public void close() {
        source.close();
        KioskState.deleteTree(folder);
    }
}
