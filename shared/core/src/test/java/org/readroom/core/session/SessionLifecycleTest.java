package org.readroom.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.readroom.core.session.SessionStatus.CLOSED;
import static org.readroom.core.session.SessionStatus.ENDED;
import static org.readroom.core.session.SessionStatus.OPEN;
import static org.readroom.core.session.SessionStatus.PAUSED;
import static org.readroom.core.session.SessionStatus.RUNNING;
import static org.readroom.core.session.SessionStatus.SCHEDULED;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The session state machine, checked against the transitions written out here by hand (not read from the production
 * table), so a change to the table must be a deliberate change to this list too.
 */
class SessionLifecycleTest {

    private static final Map<SessionStatus, Set<SessionStatus>> LEGAL = Map.of(
            SCHEDULED, Set.of(OPEN),
            OPEN, Set.of(RUNNING, ENDED),
            RUNNING, Set.of(PAUSED, ENDED),
            PAUSED, Set.of(RUNNING, ENDED),
            ENDED, Set.of(CLOSED),
            CLOSED, Set.of());

    static Stream<Arguments> legalTransitions() {
        return LEGAL.entrySet().stream().flatMap(e -> e.getValue().stream().map(to -> Arguments.of(e.getKey(), to)));
    }

    static Stream<Arguments> illegalTransitions() {
        return Arrays.stream(SessionStatus.values()).flatMap(from -> Arrays.stream(SessionStatus.values())
                .filter(to -> !LEGAL.get(from).contains(to))
                .map(to -> Arguments.of(from, to)));
    }

    @Test
    void theLegalListCoversEveryState() {
        assertEquals(Set.of(SessionStatus.values()), LEGAL.keySet());
    }

    @ParameterizedTest(name = "{0} -> {1} is allowed")
    @MethodSource("legalTransitions")
    void aLegalTransitionIsAllowed(SessionStatus from, SessionStatus to) {
        assertTrue(SessionLifecycle.allows(from, to));
        assertEquals(to, SessionLifecycle.transition(from, to));
    }

    @ParameterizedTest(name = "{0} -> {1} is refused")
    @MethodSource("illegalTransitions")
    void anIllegalTransitionIsRefusedNamingBothStates(SessionStatus from, SessionStatus to) {
        assertFalse(SessionLifecycle.allows(from, to));
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> SessionLifecycle.transition(from, to));
        assertTrue(
                e.getMessage().contains(from.name()) && e.getMessage().contains(to.name()),
                "message should name " + from + " and " + to + ": " + e.getMessage());
    }

    @Test
    void everyPairIsEitherLegalOrIllegal() {
        int states = SessionStatus.values().length;
        assertEquals(
                states * states,
                legalTransitions().count() + illegalTransitions().count());
        assertEquals(8, legalTransitions().count());
    }

    @Test
    void aSessionRunsPausesResumesEndsAndCloses() {
        SessionStatus current = SCHEDULED;
        for (SessionStatus next : List.of(OPEN, RUNNING, PAUSED, RUNNING, ENDED, CLOSED)) {
            current = SessionLifecycle.transition(current, next);
        }
        assertEquals(CLOSED, current);
    }

    @Test
    void aSessionCalledOffBeforeTheStartEndsFromOpen() {
        assertEquals(CLOSED, SessionLifecycle.transition(SessionLifecycle.transition(OPEN, ENDED), CLOSED));
    }

    @Test
    void candidatesLogInOnlyWhileTheSessionIsOpenRunningOrPaused() {
        for (SessionStatus status : SessionStatus.values()) {
            assertEquals(List.of(OPEN, RUNNING, PAUSED).contains(status), status.admitsLogins(), status.name());
        }
    }
}
