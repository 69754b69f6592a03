package org.readroom.core.dicom.deid;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The replacements of one import: new UIDs, patient pseudonyms and per-patient date offsets, each derived from the
 * original value with HMAC-SHA-256 under a random secret that lives only in this object. The same original therefore
 * always gets the same replacement within one import (files of one series stay together, references stay valid),
 * while nothing stored allows the originals to be recovered or recomputed: the secret is never written anywhere.
 * Not thread-safe; one import uses one session on one thread.
 */
public final class DeidSession {

    /** Dates move back by at least one year and at most about ten, in whole days, so weekdays are not preserved. */
    static final int MIN_DAYS_BACK = 365;

    static final int MAX_DAYS_BACK = 3652;

    private final Mac mac;

    private DeidSession(byte[] secret) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** A session with a fresh random secret: what every import uses. */
    public static DeidSession random() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new DeidSession(secret);
    }

    /** A session with a given secret, so tests can predict replacements. */
    public static DeidSession withSecret(byte[] secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < 16) {
            throw new IllegalArgumentException("secret must be at least 16 bytes but was " + secret.length);
        }
        return new DeidSession(secret.clone());
    }

    /**
     * The new UID for {@code original}: {@code 2.25.} followed by a version-4-style UUID as a decimal integer (PS3.5
     * B.2), at most 44 characters. Blank originals are refused: a missing UID is the caller's to synthesise.
     */
    public String newUid(String original) {
        if (original == null || original.isBlank()) {
            throw new IllegalArgumentException("original UID must not be blank but was '" + original + "'");
        }
        byte[] uuid = Arrays.copyOf(digest("uid", original.strip()), 16);
        uuid[6] = (byte) ((uuid[6] & 0x0F) | 0x40);
        uuid[8] = (byte) ((uuid[8] & 0x3F) | 0x80);
        return "2.25." + new BigInteger(1, uuid);
    }

    /** The pseudonym used as Patient Name and Patient ID for the patient {@code patientKey}: {@code CASE-} + 8 hex digits. */
    public String pseudonym(String patientKey) {
        byte[] digest = digest("patient", Objects.requireNonNull(patientKey, "patientKey"));
        return "CASE-" + HexFormat.of().formatHex(digest, 0, 4).toUpperCase(Locale.ROOT);
    }

    /** How many days every date of the patient {@code patientKey} moves back (the same for all their files). */
    public int daysBack(String patientKey) {
        byte[] digest = digest("dates", Objects.requireNonNull(patientKey, "patientKey"));
        int span = MAX_DAYS_BACK - MIN_DAYS_BACK + 1;
        return MIN_DAYS_BACK + Math.floorMod(new BigInteger(1, Arrays.copyOf(digest, 8)).intValue(), span);
    }

    private byte[] digest(String purpose, String value) {
        mac.update(purpose.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    }
}
