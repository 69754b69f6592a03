package org.readroom.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResumeCodesTest {

    private static final byte[] SERVER_KEY = new byte[32];

    static {
        Arrays.fill(SERVER_KEY, (byte) 7);
    }

    private final byte[] secret = ResumeCodes.secret(SERVER_KEY, 12, "2026001", 0);

    @Test
    void theServersResponseIsAcceptedByTheKioskHoldingTheSameSecret() {
        String challenge = ResumeCodes.challenge(new SecureRandom());
        String response = ResumeCodes.response(ResumeCodes.secret(SERVER_KEY, 12, "2026001", 0), challenge);
        assertTrue(ResumeCodes.accepts(secret, challenge, response));
        assertEquals(ResumeCodes.LENGTH, response.length());
    }

    @Test
    void aResponseIsAcceptedAsTypedByAPersonReadingItAloud() {
        String challenge = "7K2Q9XHM";
        String response = ResumeCodes.response(secret, challenge);
        String typed = " " + ResumeCodes.display(response).toLowerCase() + " ";
        assertTrue(ResumeCodes.accepts(secret, "7k2q-9xhm", typed));
        assertEquals(ResumeCodes.response(secret, challenge), ResumeCodes.response(secret, "7K2Q 9XHM"));
        assertEquals("0111ABCD", ResumeCodes.normalise("oIl1-abcd"), "O reads as 0, I and L as 1");
    }

    @Test
    void aResponseForAnotherChallengeCandidateSessionOrEpochIsRefused() {
        String challenge = "7K2Q9XHM";
        String response = ResumeCodes.response(secret, challenge);
        assertFalse(ResumeCodes.accepts(secret, "7K2Q9XHN", response), "another challenge");
        assertFalse(ResumeCodes.accepts(ResumeCodes.secret(SERVER_KEY, 12, "2026002", 0), challenge, response));
        assertFalse(ResumeCodes.accepts(ResumeCodes.secret(SERVER_KEY, 13, "2026001", 0), challenge, response));
        assertFalse(
                ResumeCodes.accepts(ResumeCodes.secret(SERVER_KEY, 12, "2026001", 1), challenge, response),
                "after a move to a spare kiosk the old kiosk's secret no longer fits");
        byte[] otherServer = SERVER_KEY.clone();
        otherServer[0] ^= 1;
        assertFalse(ResumeCodes.accepts(ResumeCodes.secret(otherServer, 12, "2026001", 0), challenge, response));
    }

    @Test
    void malformedTypingIsRefusedNotThrown() {
        String challenge = "7K2Q9XHM";
        assertFalse(ResumeCodes.accepts(secret, challenge, ""));
        assertFalse(ResumeCodes.accepts(secret, challenge, null));
        assertFalse(ResumeCodes.accepts(secret, challenge, "7K2Q9XH"));
        assertFalse(ResumeCodes.accepts(secret, challenge, "7K2Q9XHU"));
    }

    @Test
    void aMalformedChallengeGetsAMessageNamingTheProblem() {
        IllegalArgumentException tooShort =
                assertThrows(IllegalArgumentException.class, () -> ResumeCodes.normalise("ABC"));
        assertTrue(tooShort.getMessage().contains("8 characters"), tooShort.getMessage());
        IllegalArgumentException badLetter =
                assertThrows(IllegalArgumentException.class, () -> ResumeCodes.normalise("ABCD-EFG*"));
        assertTrue(badLetter.getMessage().contains("'*'"), badLetter.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ResumeCodes.secret(new byte[16], 1, "x", 0));
        assertThrows(IllegalArgumentException.class, () -> ResumeCodes.secret(SERVER_KEY, 1, " ", 0));
    }

    @Test
    void challengesAreFreshAndInTheCodeAlphabet() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String challenge = ResumeCodes.challenge(random);
            assertEquals(challenge, ResumeCodes.normalise(challenge));
            seen.add(challenge);
        }
        assertEquals(1000, seen.size());
    }

    @Test
    void responsesSpreadOverTheWholeCodeSpace() {
        Set<String> responses = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            responses.add(ResumeCodes.response(secret, String.format("%08d", i)));
        }
        assertEquals(2000, responses.size(), "no two challenges share a response here");
        assertNotEquals(ResumeCodes.response(secret, "00000000"), ResumeCodes.response(secret, "00000001"));
    }
}
