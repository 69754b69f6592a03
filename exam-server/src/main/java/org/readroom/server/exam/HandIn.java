package org.readroom.server.exam;

import io.vertx.core.Future;
import org.readroom.core.protocol.Messages.SubmitRequest;
import org.readroom.server.audit.AuditLog;
import org.readroom.server.bank.BankStore;
import org.readroom.server.report.ReportService;
import org.readroom.server.runtime.LiveSeats;
import org.readroom.server.scoring.ResultSheet;
import org.readroom.server.scoring.SubmitService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One way to hand a candidate in, whoever does it (the candidate, the proctor, the server at deadline + grace):
 * score and close in one transaction, audit, then write the result report. A failed report is logged and does not
 * undo the submission.
 */
public final class HandIn {

    private static final Logger LOG = LoggerFactory.getLogger(HandIn.class);

    private final BankStore bank;
    private final SubmitService submits;
    private final ReportService reports;
    private final AuditLog audit;
    private final LiveSeats seats;

    public HandIn(BankStore bank, SubmitService submits, ReportService reports, AuditLog audit, LiveSeats seats) {
        this.bank = bank;
        this.submits = submits;
        this.reports = reports;
        this.audit = audit;
        this.seats = seats;
    }

    /**
     * @param closedBy "candidate", "proctor" or "deadline"
     * @param request the kiosk's last sequence and chain head, when the candidate hands in; null otherwise
     */
    public Future<ResultSheet> handIn(
            CandidateRecord candidate, long now, String closedBy, SubmitRequest request, String actor) {
        return bank.paper(candidate.paperId())
                .compose(paper -> submits.submit(candidate.id(), paper, now, closedBy, request))
                .compose(sheet -> {
                    seats.changed(candidate.sessionId());
                    return audit.append(
                                    actor,
                                    "submit",
                                    "candidate " + candidate.candidateNumber() + " by " + closedBy + ", chain head "
                                            + sheet.chainHead())
                            .compose(v -> reports.write(candidate.id(), candidate.sessionId(), sheet)
                                    .map(path -> sheet)
                                    .recover(failure -> {
                                        LOG.error(
                                                "result report for candidate {} failed",
                                                candidate.candidateNumber(),
                                                failure);
                                        return Future.succeededFuture(sheet);
                                    }));
                });
    }
}
