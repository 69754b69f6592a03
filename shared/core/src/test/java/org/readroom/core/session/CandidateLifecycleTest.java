package org.readroom.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.readroom.core.session.CandidateStatus.ADMITTED;
import static org.readroom.core.session.CandidateStatus.LOGGED_IN;
import static org.readroom.core.session.CandidateStatus.MOVED;
import static org.readroom.core.session.CandidateStatus.PAUSED;
import static org.readroom.core.session.CandidateStatus.REGISTERED;
import static org.readroom.core.session.CandidateStatus.SITTING;
import static org.readroom.core.session.CandidateStatus.SUBMITTED;
import static org.readroom.core.session.CandidateStatus.VOIDED;

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
 * The candidate state machine, checked against the transitions written out here by hand (not read from the production
 * table), so a change to the table must be a deliberate change to this list too.
 */
class CandidateLifecycleTest {

    private static final Map<CandidateStatus, Set<CandidateStatus>> LEGAL = Map.of(
            REGISTERED, Set.of(LOGGED_IN, VOIDED),
            LOGGED_IN, Set.of(ADMITTED, VOIDED),
            ADMITTED, Set.of(SITTING, VOIDED),
            SITTING, Set.of(PAUSED, MOVED, SUBMITTED, VOIDED),
            PAUSED, Set.of(SITTING, MOVED, SUBMITTED, VOIDED),
            MOVED, Set.of(SITTING, PAUSED, SUBMITTED, VOIDED),
            SUBMITTED, Set.of(VOIDED),
            VOIDED, Set.of());

    static Stream<Arguments> legalTransitions() {
        return LEGAL.entrySet().stream().flatMap(e -> e.getValue().stream().map(to -> Arguments.of(e.getKey(), to)));
    }

    static Stream<Arguments> illegalTransitions() {
        return Arrays.stream(CandidateStatus.values()).flatMap(from -> Arrays.stream(CandidateStatus.values())
                .filter(to -> !LEGAL.get(from).contains(to))
                .map(to -> Arguments.of(from, to)));
    }

    @Test
    void theLegalListCoversEveryState() {
        assertEquals(Set.of(CandidateStatus.values()), LEGAL.keySet());
    }

    @ParameterizedTest(name = "{0} -> {1} is allowed")
    @MethodSource("legalTransitions")
    void aLegalTransitionIsAllowed(CandidateStatus from, CandidateStatus to) {
        assertTrue(CandidateLifecycle.allows(from, to));
        assertEquals(to, CandidateLifecycle.transition(from, to));
    }

    @ParameterizedTest(name = "{0} -> {1} is refused")
    @MethodSource("illegalTransitions")
    void anIllegalTransitionIsRefusedNamingBothStates(CandidateStatus from, CandidateStatus to) {
        assertFalse(CandidateLifecycle.allows(from, to));
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> CandidateLifecycle.transition(from, to));
        assertTrue(
                e.getMessage().contains(from.name()) && e.getMessage().contains(to.name()),
                "message should name " + from + " and " + to + ": " + e.getMessage());
    }

    @Test
    void everyPairIsEitherLegalOrIllegal() {
        int states = CandidateStatus.values().length;
        assertEquals(
                states * states,
                legalTransitions().count() + illegalTransitions().count());
        assertEquals(19, legalTransitions().count());
    }

    @Test
    void aCandidateSitsPausesResumesAndHandsIn() {
        assertPath(REGISTERED, LOGGED_IN, ADMITTED, SITTING, PAUSED, SITTING, SUBMITTED);
    }

    @Test
    void aCandidateMovedToASpareKioskSitsOnAndHandsIn() {
        assertPath(REGISTERED, LOGGED_IN, ADMITTED, SITTING, MOVED, SITTING, SUBMITTED);
        assertPath(SITTING, PAUSED, MOVED, SUBMITTED);
    }

    @Test
    void aSubmittedCandidateCanStillBeVoidedButNothingLeavesVoided() {
        assertEquals(VOIDED, CandidateLifecycle.transition(SUBMITTED, VOIDED));
        for (CandidateStatus to : CandidateStatus.values()) {
            assertFalse(CandidateLifecycle.allows(VOIDED, to), to.name());
        }
    }

    @Test
    void onlySittingPausedAndMovedBelongToASitting() {
        for (CandidateStatus status : CandidateStatus.values()) {
            assertEquals(List.of(SITTING, PAUSED, MOVED).contains(status), status.isInSitting(), status.name());
        }
    }

    private static void assertPath(CandidateStatus... path) {
        CandidateStatus current = path[0];
        for (int i = 1; i < path.length; i++) {
            current = CandidateLifecycle.transition(current, path[i]);
        }
        assertEquals(path[path.length - 1], current);
    }
}
