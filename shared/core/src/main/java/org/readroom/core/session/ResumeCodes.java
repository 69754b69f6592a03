package org.readroom.core.session;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The offline resume scheme: a kiosk that restarts while the exam server is out of reach shows a fresh challenge; the
 * proctor reads it into the console (or, with the server down, into {@code readroom resume-code} on the server's
 * machine) and reads back the response; the kiosk lets the candidate continue only when the response matches.
 *
 * <p>The response is an HMAC of the challenge under a per-candidate secret. The server derives that secret from its
 * own resume key, the session, the candidate number and the candidate's sitting epoch (a move to a spare kiosk bumps
 * the epoch, so the kiosk left behind can no longer be resumed), and gives it to the kiosk with the sitting. Challenge
 * and response are 8 characters of Crockford base32 (40 bits), shown as {@code XXXX-XXXX}; typing is forgiving:
 * lower case, spaces and dashes are accepted, O reads as 0 and I or L as 1.
 */
public final class ResumeCodes {

    /** Characters of a code, canonical form (no dash). */
    public static final int LENGTH = 8;

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final String SECRET_LABEL = "readroom resume secret v1";
    private static final String CODE_LABEL = "readroom resume code v1";

    private ResumeCodes() {}

    /** The secret a candidate's kiosk holds for this sitting; the server recomputes it from its key. */
    public static byte[] secret(byte[] serverKey, long sessionId, String candidateNumber, long epoch) {
        if (serverKey == null || serverKey.length < 32) {
            throw new IllegalArgumentException("the resume key must be at least 32 bytes");
        }
        if (candidateNumber == null || candidateNumber.isBlank()) {
            throw new IllegalArgumentException("candidate number is required");
        }
        return hmac(serverKey, SECRET_LABEL + '\0' + sessionId + '\0' + candidateNumber + '\0' + epoch);
    }

    /** A fresh challenge, canonical form; a kiosk makes a new one each time it shows the resume screen. */
    public static String challenge(SecureRandom random) {
        byte[] bits = new byte[5];
        random.nextBytes(bits);
        return encode(bits);
    }

    /** The response to a challenge under a candidate's secret, canonical form. */
    public static String response(byte[] secret, String challenge) {
        byte[] mac = hmac(secret, CODE_LABEL + '\0' + normalise(challenge));
        byte[] first = new byte[5];
        System.arraycopy(mac, 0, first, 0, first.length);
        return encode(first);
    }

    /** True when {@code typed} is the response to {@code challenge}; anything malformed is simply not accepted. */
    public static boolean accepts(byte[] secret, String challenge, String typed) {
        String expected = response(secret, challenge);
        String given;
        try {
            given = normalise(typed);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The canonical form of a typed code: upper case, without spaces or dashes, O as 0, I and L as 1.
     *
     * @throws IllegalArgumentException naming what is wrong (length, or a character codes never contain)
     */
    public static String normalise(String typed) {
        if (typed == null) {
            throw new IllegalArgumentException("the code is missing");
        }
        StringBuilder canonical = new StringBuilder(LENGTH);
        for (char c : typed.strip().toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == ' ' || c == '-') {
                continue;
            }
            char read =
                    switch (c) {
                        case 'O' -> '0';
                        case 'I', 'L' -> '1';
                        default -> c;
                    };
            if (ALPHABET.indexOf(read) < 0) {
                throw new IllegalArgumentException(
                        "a code has only digits and the letters A-Z without U; found '" + c + "'");
            }
            canonical.append(read);
        }
        if (canonical.length() != LENGTH) {
            throw new IllegalArgumentException("a code has " + LENGTH + " characters; found " + canonical.length());
        }
        return canonical.toString();
    }

    /** {@code XXXX-XXXX}, as shown on screen and read aloud. */
    public static String display(String code) {
        String canonical = normalise(code);
        return canonical.substring(0, LENGTH / 2) + "-" + canonical.substring(LENGTH / 2);
    }

    private static String encode(byte[] fortyBits) {
        long value = 0;
        for (byte b : fortyBits) {
            value = (value << 8) | (b & 0xff);
        }
        char[] out = new char[LENGTH];
        for (int i = LENGTH - 1; i >= 0; i--) {
            out[i] = ALPHABET.charAt((int) (value & 31));
            value >>>= 5;
        }
        return new String(out);
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
