package org.readroom.kiosk.resume;

import java.security.SecureRandom;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.readroom.core.session.ResumeCodes;
import org.readroom.fx.i18n.UiText;

/**
 * The resume screen's state: the challenge for the proctor, what the candidate types back, and the check. After
 * {@link #MAX_WRONG} wrong codes the challenge changes, so guessing gets nowhere and an old response is useless.
 */
public final class ResumeViewModel {

    static final int MAX_WRONG = 5;

    private final ResumeTicket ticket;
    private final UiText text;
    private final SecureRandom random;
    private final StringProperty challenge = new SimpleStringProperty("");
    private final StringProperty typed = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private String current;
    private int wrong;

    public ResumeViewModel(ResumeTicket ticket, UiText text, SecureRandom random) {
        this.ticket = ticket;
        this.text = text;
        this.random = random;
        freshChallenge();
    }

    /** True when the typed code answers the challenge: the candidate may continue offline. */
    public boolean check() {
        if (ResumeCodes.accepts(ticket.resumeSecret(), current, typed.get())) {
            error.set("");
            return true;
        }
        typed.set("");
        if (++wrong >= MAX_WRONG) {
            freshChallenge();
            error.set(text.get("resume.newChallenge"));
        } else {
            error.set(text.get("resume.wrong"));
        }
        return false;
    }

    public ResumeTicket ticket() {
        return ticket;
    }

    /** Name and candidate number, as on the exam screen. */
    public String who() {
        return ticket.candidateName() + "  " + ticket.candidateNumber();
    }

    private void freshChallenge() {
        current = ResumeCodes.challenge(random);
        wrong = 0;
        challenge.set(ResumeCodes.display(current));
    }

    /** {@code XXXX-XXXX}, for the proctor. */
    public ReadOnlyStringProperty challengeProperty() {
        return challenge;
    }

    public StringProperty typedProperty() {
        return typed;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }
}
