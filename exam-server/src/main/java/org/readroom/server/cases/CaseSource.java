package org.readroom.server.cases;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.readroom.core.errors.ErrorCode;

/**
 * The files an import looks at: every regular file below a folder, or every file entry of a zip archive. A zip is
 * unpacked into the import's workspace as numbered files (entry names often name patients and are kept only in
 * memory, for the report), within {@link Limits}: an entry whose name would leave the archive's folder, too many
 * entries or too many unpacked bytes (counted while reading, whatever the headers claim) refuse the whole zip.
 * Sorted by name so runs repeat.
 */
public final class CaseSource {

    /** Entries one zip may hold (files and folders); a teaching case set is a few thousand images. */
    static final int MAX_ZIP_ENTRIES = 100_000;

    /** Bytes one zip may unpack to, counted as they are read: 20 GiB, a large set of thin-slice CT series. */
    static final long MAX_ZIP_BYTES = 20L * 1024 * 1024 * 1024;

    /**
     * Room an upload gets above what it may unpack to: a zip is its (at worst stored, not deflated) content plus
     * about 100 bytes of headers and twice the name per entry, so 1 GiB covers the entry limit with long names.
     */
    static final long UPLOAD_OVERHEAD = 1L << 30;

    /** Bytes the admin API takes as one uploaded zip, counted as they arrive: 21 GiB (21,504 MB). */
    static final long MAX_UPLOAD_BYTES = MAX_ZIP_BYTES + UPLOAD_OVERHEAD;

    private static final long MEGABYTE = 1L << 20;

    /**
     * How far a zip may go: entries and unpacked bytes for every import, and the size of the zip itself when it is
     * uploaded to the admin API. {@link #DEFAULT} for the server, smaller ones in tests.
     */
    public record Limits(int maxEntries, long maxBytes, long maxUploadBytes) {
        public static final Limits DEFAULT = new Limits(MAX_ZIP_ENTRIES, MAX_ZIP_BYTES, MAX_UPLOAD_BYTES);

        public Limits {
            if (maxEntries < 1 || maxBytes < 1 || maxUploadBytes < 1) {
                throw new IllegalArgumentException("zip limits must be positive but were " + maxEntries + " entries, "
                        + maxBytes + " bytes, " + maxUploadBytes + " bytes uploaded");
            }
        }

        /** With the upload limit derived from {@code maxBytes} as the default's is. */
        public Limits(int maxEntries, long maxBytes) {
            this(
                    maxEntries,
                    maxBytes,
                    maxBytes > Long.MAX_VALUE - UPLOAD_OVERHEAD ? Long.MAX_VALUE : maxBytes + UPLOAD_OVERHEAD);
        }
    }

    /** One file to import: {@code name} for reports (relative, '/'-separated), {@code path} to read. */
    record SourceFile(String name, Path path) {}

    private static final int BUFFER = 1 << 16;

    private CaseSource() {}

    static List<SourceFile> open(Path source, Path workspace, Limits limits) throws CaseImportException {
        if (!Files.exists(source)) {
            throw new CaseImportException(source + ": no such file or folder");
        }
        if (Files.isDirectory(source)) {
            return folder(source);
        }
        if (!Files.isRegularFile(source) || !Files.isReadable(source)) {
            throw new CaseImportException(source + ": not a readable folder or zip file");
        }
        return zip(source, workspace.resolve("source"), limits);
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

    private static List<SourceFile> zip(Path archive, Path target, Limits limits) throws CaseImportException {
        List<SourceFile> files = new ArrayList<>();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            if (zip.size() > limits.maxEntries()) {
                throw tooManyEntries(archive, limits);
            }
            Files.createDirectories(target);
            Enumeration<? extends ZipEntry> entries = zip.entries();
            int count = 0;
            long unpacked = 0;
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                count++;
                if (count > limits.maxEntries()) {
                    throw tooManyEntries(archive, limits);
                }
                String name = entry.getName();
                if (escapes(name)) {
                    throw new CaseImportException(
                            ErrorCode.CASE_ZIP_UNSAFE,
                            archive + ": refused: zip entry \"" + name + "\" points outside the archive");
                }
                if (entry.isDirectory()) {
                    continue;
                }
                Path file = target.resolve(count + ".entry");
                try (InputStream in = zip.getInputStream(entry);
                        OutputStream out = Files.newOutputStream(file)) {
                    unpacked = copy(in, out, unpacked, archive, limits);
                }
                files.add(new SourceFile(name, file));
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

    /** Copies one entry, counting every byte actually inflated against the import's total. */
    private static long copy(InputStream in, OutputStream out, long before, Path archive, Limits limits)
            throws IOException, CaseImportException {
        byte[] buffer = new byte[BUFFER];
        long total = before;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
            if (total > limits.maxBytes()) {
                throw new CaseImportException(
                        ErrorCode.CASE_ZIP_TOO_LARGE,
                        archive + ": refused: the zip unpacks to more than " + bytes(limits.maxBytes())
                                + ", the limit for one import; split the cases into several zips");
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    /** True for names that are absolute or climb out of the folder the zip unpacks into. */
    static boolean escapes(String name) {
        if (name.isEmpty() || name.indexOf('\0') >= 0) {
            return true;
        }
        String slashes = name.replace('\\', '/');
        if (slashes.startsWith("/") || slashes.matches("^[A-Za-z]:.*")) {
            return true; // absolute, or a Windows drive
        }
        for (String segment : slashes.split("/")) {
            if (segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    private static CaseImportException tooManyEntries(Path archive, Limits limits) {
        return new CaseImportException(
                ErrorCode.CASE_ZIP_TOO_LARGE,
                archive + ": refused: the zip has more than " + String.format(Locale.ROOT, "%,d", limits.maxEntries())
                        + " entries, the limit for one import; split the cases into several zips");
    }

    /** A byte count as people read it: whole GiB, MiB or KiB when exact, else bytes. */
    static String bytes(long count) {
        String[] units = {"GiB", "MiB", "KiB"};
        for (int i = 0; i < units.length; i++) {
            long size = 1L << (30 - 10 * i);
            if (count >= size && count % size == 0) {
                return String.format(Locale.ROOT, "%,d %s", count / size, units[i]);
            }
        }
        return String.format(Locale.ROOT, "%,d bytes", count);
    }

    /** A byte count in MB (2^20 bytes) for the upload limit's messages: whole when exact, else two decimals. */
    static String megabytes(long count) {
        return count % MEGABYTE == 0
                ? String.format(Locale.ROOT, "%,d MB", count / MEGABYTE)
                : String.format(Locale.ROOT, "%,.2f MB", (double) count / MEGABYTE);
    }

    private static String message(Exception e) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
