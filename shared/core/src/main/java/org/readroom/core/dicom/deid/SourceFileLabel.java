package org.readroom.core.dicom.deid;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How logs refer to a source file that has not been de-identified yet. Its path often names the patient (PACS exports
 * name folders after patients), so a log line carries a label instead: {@code source file 3f9a1c2e}, a keyed hash of
 * the path under a random key that lives only in this process. Lines about the same file share a label within one
 * run; nothing in a log leads back to the name, not even by hashing guessed names. Messages and exceptions from a
 * toolkit may quote the path too: {@link #redact(String, Path, String)} and {@link #redact(Throwable, Path)} replace
 * it (and the folders above it, and its file name) before anything is logged.
 */
public final class SourceFileLabel {

    private static final byte[] KEY = new byte[32];

    /** File names shorter than this are left alone in messages ("1", "a.dcm" would turn up inside other words). */
    private static final int MIN_NAME_LENGTH = 6;

    private static final int MAX_CAUSES = 8;

    static {
        new SecureRandom().nextBytes(KEY);
    }

    private SourceFileLabel() {}

    /** {@code source file} + 8 hex digits, the same for the same path within this process. */
    public static String of(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            byte[] digest =
                    mac.doFinal(file.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return "source file " + HexFormat.of().formatHex(digest, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /**
     * {@code text} with every spelling of {@code file}'s path, of the folders above it and its file name replaced by
     * {@code replacement}.
     */
    public static String redact(String text, Path file, String replacement) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String redacted = text;
        for (String secret : secrets(file)) {
            redacted = redacted.replace(secret, replacement);
        }
        return redacted;
    }

    /**
     * A copy of {@code failure} for a log: the same class names and stack frames, every message redacted for
     * {@code file} (causes included). Printing it shows {@code java.io.IOException: <message>} as the original would.
     */
    public static Throwable redact(Throwable failure, Path file) {
        return copy(failure, file, 0);
    }

    private static Throwable copy(Throwable failure, Path file, int depth) {
        Throwable cause = failure.getCause();
        Throwable copiedCause =
                cause == null || cause == failure || depth >= MAX_CAUSES ? null : copy(cause, file, depth + 1);
        String message = failure.getMessage();
        String text = failure.getClass().getName() + (message == null ? "" : ": " + redact(message, file, of(file)));
        Redacted copied = new Redacted(text, copiedCause);
        copied.setStackTrace(failure.getStackTrace());
        return copied;
    }

    /** The longest spellings first, so a folder never replaces part of the file's own path. */
    private static List<String> secrets(Path file) {
        List<String> secrets = new ArrayList<>();
        secrets.add(file.toString());
        Path absolute = file.toAbsolutePath();
        secrets.add(absolute.toString());
        Path normalized = absolute.normalize();
        secrets.add(normalized.toString());
        for (Path folder = normalized.getParent();
                folder != null && folder.getNameCount() > 0;
                folder = folder.getParent()) {
            secrets.add(folder.toString());
        }
        Path name = file.getFileName();
        if (name != null && name.toString().length() >= MIN_NAME_LENGTH) {
            secrets.add(name.toString());
        }
        return secrets.stream()
                .filter(s -> !s.isEmpty())
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    /** A failure whose messages were redacted; prints as the original class and message. */
    private static final class Redacted extends Exception {

        private static final long serialVersionUID = 1L;

        Redacted(String text, Throwable cause) {
            super(text, cause, false, true);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
