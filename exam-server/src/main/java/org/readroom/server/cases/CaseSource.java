package org.readroom.server.cases;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The files an import looks at: every regular file below a folder, or every file entry of a zip archive (unpacked
 * into the import's workspace first, refusing entries that would land outside it). Sorted by name so runs repeat.
 */
final class CaseSource {

    /** One file to import: {@code name} for reports (relative, '/'-separated), {@code path} to read. */
    record SourceFile(String name, Path path) {}

    private CaseSource() {}

    static List<SourceFile> open(Path source, Path workspace) throws CaseImportException {
        if (!Files.exists(source)) {
            throw new CaseImportException(source + ": no such file or folder");
        }
        if (Files.isDirectory(source)) {
            return folder(source);
        }
        if (!Files.isRegularFile(source) || !Files.isReadable(source)) {
            throw new CaseImportException(source + ": not a readable folder or zip file");
        }
        return zip(source, workspace.resolve("source"));
    }

    private static List<SourceFile> folder(Path folder) throws CaseImportException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .map(file ->
                            new SourceFile(folder.relativize(file).toString().replace('\\', '/'), file))
                    .sorted(Comparator.comparing(SourceFile::name))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new CaseImportException(folder + ": cannot list the folder: " + message(e), e);
        }
    }

    private static List<SourceFile> zip(Path archive, Path target) throws CaseImportException {
        List<SourceFile> files = new ArrayList<>();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            Files.createDirectories(target);
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target) || entry.getName().contains("..")) {
                    throw new CaseImportException(
                            archive + ": refused: zip entry \"" + entry.getName() + "\" points outside the archive");
                }
                Files.createDirectories(file.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
                files.add(new SourceFile(entry.getName(), file));
            }
        } catch (ZipException e) {
            throw new CaseImportException(archive + ": not a readable zip archive (" + message(e) + ")", e);
        } catch (NoSuchFileException e) {
            throw new CaseImportException(archive + ": no such file or folder", e);
        } catch (IOException e) {
            throw new CaseImportException(archive + ": cannot unpack the zip archive: " + message(e), e);
        }
        files.sort(Comparator.comparing(SourceFile::name));
        return files;
    }

    private static String message(Exception e) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
