package org.readroom.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.readroom.core.session.CandidateStatus.ANSWERING;
import static org.readroom.core.session.CandidateStatus.LOGGED_IN;
import static org.readroom.core.session.CandidateStatus.REGISTERED;
import static org.readroom.core.session.CandidateStatus.SUBMITTED;

import org.junit.jupiter.api.Test;

class CandidateLifecycleTest {

    @Test
    void aCandidateGoesFromRegisteredToSubmitted() {
        assertEquals(LOGGED_IN, CandidateLifecycle.transition(REGISTERED, LOGGED_IN));
        assertEquals(ANSWERING, CandidateLifecycle.transition(LOGGED_IN, ANSWERING));
        assertEquals(SUBMITTED, CandidateLifecycle.transition(ANSWERING, SUBMITTED));
    }

    @Test
    void registeredCannotAnswerBeforeLoggingIn() {
        assertThrows(IllegalStateException.class, () -> CandidateLifecycle.transition(REGISTERED, ANSWERING));
    }

    @Test
    void registeredCannotSubmit() {
        assertThrows(IllegalStateException.class, () -> CandidateLifecycle.transition(REGISTERED, SUBMITTED));
    }

    @Test
    void answeringCannotGoBackToLoggedIn() {
        assertThrows(IllegalStateException.class, () -> CandidateLifecycle.transition(ANSWERING, LOGGED_IN));
    }

    @Test
    void answeringCannotGoBackToRegistered() {
        assertThrows(IllegalStateException.class, () -> CandidateLifecycle.transition(ANSWERING, REGISTERED));
    }

    @Test
    void loggedInCannotGoBackToRegistered() {
        assertThrows(IllegalStateException.class, () -> CandidateLifecycle.transition(LOGGED_IN, REGISTERED));
    }

    @Test
    void nothingLeavesSubmitted() {
        for (CandidateStatus to : CandidateStatus.values()) {
            assertThrows(IllegalStateException.class, () -> CandidateLifecycle.transition(SUBMITTED, to), to.name());
        }
    }

    @Test
    void noStateMovesToItself() {
        for (CandidateStatus state : CandidateStatus.values()) {
            assertThrows(IllegalStateException.class, () -> CandidateLifecycle.transition(state, state), state.name());
        }
    }
}
