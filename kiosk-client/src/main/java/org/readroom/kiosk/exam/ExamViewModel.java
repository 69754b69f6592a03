package org.readroom.kiosk.exam;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.readroom.core.bank.SeriesRef;
import org.readroom.core.dicom.DicomImage;
import org.readroom.core.errors.ApiException;
import org.readroom.core.errors.ErrorCode;
import org.readroom.core.journal.AnswerJournal;
import org.readroom.core.packaging.PackageException;
import org.readroom.core.paper.OpenedPaper;
import org.readroom.core.paper.navigation.Moves;
import org.readroom.core.paper.navigation.Navigation;
import org.readroom.core.protocol.DeliveredItem;
import org.readroom.core.protocol.ItemKind;
import org.readroom.core.protocol.KioskApi;
import org.readroom.core.protocol.Messages.AnswerSave;
import org.readroom.core.protocol.Messages.ExamClock;
import org.readroom.core.protocol.Messages.Heartbeat;
import org.readroom.core.protocol.Messages.HeartbeatReply;
import org.readroom.core.protocol.Messages.LoginResponse;
import org.readroom.core.protocol.Messages.SavedAnswer;
import org.readroom.core.protocol.Messages.SectionClock;
import org.readroom.core.protocol.Messages.Sitting;
import org.readroom.core.protocol.Messages.SubmitRequest;
import org.readroom.core.protocol.Messages.SubmitResponse;
import org.readroom.core.protocol.ServerConnection;
import org.readroom.core.scoring.Answer;
import org.readroom.core.session.CandidateStatus;
import org.readroom.core.text.LocalizedText;
import org.readroom.core.time.Countdown;
import org.readroom.core.time.TimeWarnings;
import org.readroom.fx.i18n.UiText;
import org.readroom.kiosk.delivery.DeliveryAgent;
import org.readroom.kiosk.delivery.PaperPackage;
import org.readroom.kiosk.resume.ResumeTicket;
import org.readroom.kiosk.resume.ResumeTickets;
import org.readroom.kiosk.sync.AnswerSync;
import org.readroom.kiosk.viewer.SeriesLoader;

/**
 * The exam screen's state and rules: which question is shown, the candidate's answers (each change saved at once;
 * typing is saved after a short pause), the time left from the server's deadline, and handing in, by the candidate
 * or by itself at zero. Methods are called on the UI thread; results of network work come back through {@code ui}.
 */
public final class ExamViewModel {

    /** Typed text is sent once the candidate pauses this long. */
    static final long TYPING_PAUSE_MILLIS = 1_000;

    private static final long SUBMIT_DRAIN_SECONDS = 10;
    private static final long FIRST_HEARTBEAT_MILLIS = 1_000;
    private static final long OFFLINE_HEARTBEAT_MILLIS = 5_000;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ExamViewModel.class);

    private final KioskApi api;
    private final UiText text;
    private final Executor ui;
    private final Clock clock;
    private final OpenedPaper paper;
    private final ScheduledExecutorService scheduler;
    private final AnswerJournal journal;
    private final AnswerSync sync;
    private final ResumeTickets tickets;
    private final Object ticketLock = new Object();
    private ResumeTicket ticket;
    private final TimeWarnings warnings = TimeWarnings.standard();
    private final AtomicInteger focusLost = new AtomicInteger();
    private final Set<String> alerts = ConcurrentHashMap.newKeySet();
    private volatile Countdown countdown;
    private volatile boolean stopped;
    private boolean checkingTime;
    private long nextTimeCheck;
    private final SeriesLoader images;
    private final Map<String, Answer> answers = new HashMap<>();
    private final Navigation navigation;
    private final Map<String, Long> typedAt = new HashMap<>();
    /**
     * Per timed section the candidate entered: the exam time left at which the section's own time is over, so a pause
     * stops both clocks. From the server's section clocks, or set here on entering a section the server has not heard
     * of yet. UI thread.
     */
    // Written on the UI thread, read by the checkpoint on the heartbeat's thread.
    private final Map<String, Long> sectionEndsAt = new ConcurrentHashMap<>();

    private final Set<String> sectionsOver = new HashSet<>();
    private final IntegerProperty revision = new SimpleIntegerProperty(0);
    private final Map<String, CompletableFuture<List<DicomImage>>> loadedSeries = new HashMap<>();

    private final IntegerProperty index = new SimpleIntegerProperty(0);
    private final ObjectProperty<DeliveredItem> current = new SimpleObjectProperty<>();
    private final StringProperty timeLeft = new SimpleStringProperty("");
    private final StringProperty syncStatus = new SimpleStringProperty("");
    private final IntegerProperty answered = new SimpleIntegerProperty(0);
    private final BooleanProperty submitting = new SimpleBooleanProperty(false);
    private final ObjectProperty<SubmitResponse> submitted = new SimpleObjectProperty<>();
    private final BooleanProperty submittedByTimer = new SimpleBooleanProperty(false);
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty paused = new SimpleBooleanProperty(false);
    private final BooleanProperty locked = new SimpleBooleanProperty(false);
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty warning = new SimpleStringProperty("");
    private final StringProperty closedBy = new SimpleStringProperty("");

    ExamViewModel(
            KioskApi api,
            UiText text,
            Executor ui,
            Clock clock,
            ScheduledExecutorService scheduler,
            SeriesLoader images,
            OpenedPaper paper,
            AnswerJournal journal,
            ExamClock examClock,
            long clockReceivedAt,
            ResumeTickets tickets,
            ResumeTicket ticket) {
        this.api = api;
        this.text = text;
        this.ui = ui;
        this.clock = clock;
        this.paper = paper;
        this.navigation = new Navigation(paper.items());
        this.images = images;
        this.scheduler = scheduler;
        this.journal = journal;
        this.tickets = tickets;
        this.ticket = ticket;
        // From here on a restart of this kiosk can continue the sitting, even without the server.
        try {
            tickets.save(ticket);
        } catch (UncheckedIOException e) {
            LOG.warn("resume ticket not written; a restart without the server cannot resume", e);
        }
        this.countdown = Countdown.of(clock, examClock, clockReceivedAt);
        this.paused.set(examClock.paused());
        this.sync = new AnswerSync(
                api,
                paper.lastSequence(),
                paper.chainHead(),
                journal,
                scheduler,
                (state, pending, acked, rejection) -> ui.execute(() -> {
                    if (state == AnswerSync.State.NOT_COUNTED) {
                        // Kept in the record but not counted (it reached the server after its section closed, say).
                        error.set(text.get("sync.NOT_COUNTED", text.error(rejection)));
                    } else {
                        syncStatus.set(
                                state == AnswerSync.State.REJECTED
                                        ? text.get("sync.REJECTED", text.error(rejection))
                                        : text.get("sync." + state.name(), pending));
                    }
                }));
        // The record so far: the server's latest entry per question (and per move event), then the changes made
        // here before a crash and never acknowledged, which are on screen again and on their way.
        List<SavedAnswer> record = new ArrayList<>(paper.answers());
        for (AnswerSave replayed : sync.replayed()) {
            record.add(new SavedAnswer(
                    replayed.itemId(),
                    replayed.choices() == null ? Set.of() : replayed.choices(),
                    replayed.text() == null ? "" : replayed.text(),
                    replayed.sequence()));
        }
        record.sort(Comparator.comparingLong(SavedAnswer::sequence));
        for (SavedAnswer saved : record) {
            if (!Moves.isMove(saved.itemId())) {
                answers.put(saved.itemId(), new Answer(saved.itemId(), saved.choices(), saved.text()));
            }
        }
        syncStatus.set(text.get("sync.SAVED"));
        // Locked case steps and closed sections stay so, and the paper opens where the record ends.
        index.set(navigation.resume(Navigation.visits(record)));
        applySections(paper.sections(), examClock.remaining());
        enteredSection(paper.items().get(index.get()));
        current.set(paper.items().get(index.get()));
        answered.set(countAnswered());
        tick();
        scheduler.schedule(this::heartbeat, FIRST_HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts (or resumes) the candidate's exam: waits for the package on this kiosk and the key released at the
     * session's start ({@code waiting} hears why it is still waiting), then the server starts the candidate's clock
     * and sends their seed and saved answers, and the paper is opened from the package in the candidate's order.
     */
    public static CompletableFuture<ExamViewModel> open(
            KioskApi api,
            LoginResponse login,
            DeliveryAgent delivery,
            Consumer<ErrorCode> waiting,
            Function<PaperPackage, SeriesLoader> images,
            UiText text,
            Executor ui,
            Clock clock,
            ScheduledExecutorService scheduler) {
        return delivery.open(login.packageId(), waiting)
                .thenCompose(
                        opened -> startWhenAdmitted(api, waiting, scheduler).thenCompose(examClock -> {
                            long receivedAt = clock.millis();
                            return api.sitting()
                                    .thenApplyAsync(
                                            sitting -> {
                                                OpenedPaper paper = paperOf(opened, sitting);
                                                ResumeTicket ticket = new ResumeTicket(
                                                        login.sessionId(),
                                                        login.candidateNumber(),
                                                        login.candidateName(),
                                                        api.credentials().admissionCode(),
                                                        opened.packageId(),
                                                        opened.contentKey(),
                                                        sitting,
                                                        examClock.remaining(),
                                                        examClock.paused(),
                                                        receivedAt,
                                                        sitting.sections());
                                                return new ExamViewModel(
                                                        api,
                                                        text,
                                                        ui,
                                                        clock,
                                                        scheduler,
                                                        images.apply(opened),
                                                        paper,
                                                        journalOf(delivery, login.sessionId(), login.candidateNumber()),
                                                        examClock,
                                                        receivedAt,
                                                        delivery.resumeTickets(),
                                                        ticket);
                                            },
                                            ui);
                        }));
    }

    /**
     * Continues a sitting after this kiosk restarted while the server was out of reach, once the candidate typed a
     * resume code from the proctor: the paper comes from the package with the key kept in the ticket, the answers from
     * the ticket's sitting plus the journal, and the time left from the last checkpoint (it stood still while the
     * kiosk was down). Answers queue until the server is back; then the kiosk logs in again by itself, sends them and
     * takes the server's clock, which is the authority (the gap is offered to the proctor as a time credit).
     */
    public static CompletableFuture<ExamViewModel> resumeOffline(
            KioskApi api,
            ResumeTicket ticket,
            DeliveryAgent delivery,
            Function<PaperPackage, SeriesLoader> images,
            UiText text,
            Executor ui,
            Clock clock,
            ScheduledExecutorService scheduler) {
        api.resumeAs(ticket.credentials());
        return delivery.openOffline(ticket.packageId(), ticket.contentKey())
                .thenApplyAsync(
                        opened -> {
                            // The section clocks go with the time left at the checkpoint, not with the start's.
                            OpenedPaper paper = paperOf(opened, ticket.sittingAtCheckpoint());
                            long now = clock.millis();
                            long left = ticket.remainingMillis();
                            ExamClock local = new ExamClock(
                                    ticket.paused() ? CandidateStatus.PAUSED : CandidateStatus.SITTING,
                                    now,
                                    now + left,
                                    left,
                                    ticket.paused());
                            return new ExamViewModel(
                                    api,
                                    text,
                                    ui,
                                    clock,
                                    scheduler,
                                    images.apply(opened),
                                    paper,
                                    journalOf(delivery, ticket.sessionId(), ticket.candidateNumber()),
                                    local,
                                    now,
                                    delivery.resumeTickets(),
                                    ticket.at(left, ticket.paused(), now, ticket.sections()));
                        },
                        ui);
    }

    /**
     * Asks the server to start the candidate's clock; a candidate who logged in after the start waits here, told why,
     * until the proctor admits them.
     */
    private static CompletableFuture<ExamClock> startWhenAdmitted(
            KioskApi api, Consumer<ErrorCode> waiting, ScheduledExecutorService scheduler) {
        return api.start()
                .handle((clock, failure) -> {
                    if (failure == null) {
                        return CompletableFuture.completedFuture(clock);
                    }
                    ErrorCode code = ServerConnection.errorOf(failure).error();
                    if (code != ErrorCode.NOT_ADMITTED && code != ErrorCode.SESSION_NOT_RUNNING) {
                        return CompletableFuture.<ExamClock>failedFuture(failure);
                    }
                    waiting.accept(code);
                    return CompletableFuture.supplyAsync(
                                    () -> null, CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS, scheduler))
                            .thenCompose(v -> startWhenAdmitted(api, waiting, scheduler));
                })
                .thenCompose(Function.identity());
    }

    private static AnswerJournal journalOf(DeliveryAgent delivery, long sessionId, String candidateNumber) {
        try {
            return delivery.journal(sessionId, candidateNumber);
        } catch (IOException e) {
            throw new UncheckedIOException("the answer journal cannot be opened", e);
        }
    }

    private static OpenedPaper paperOf(PaperPackage opened, Sitting sitting) {
        if (!opened.packageId().equals(sitting.packageId())) {
            throw new CompletionException(new ApiException(
                    ErrorCode.PACKAGE_REFUSED,
                    "the server now names package " + sitting.packageId() + ", this kiosk opened "
                            + opened.packageId()));
        }
        try {
            return OpenedPaper.of(opened.paper(), sitting);
        } catch (PackageException | IllegalArgumentException e) {
            // A damaged package, or one of another paper.
            throw new CompletionException(new ApiException(ErrorCode.PACKAGE_REFUSED, e.getMessage(), e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<DeliveredItem> items() {
        return paper.items();
    }

    public String paperTitle() {
        return text.of(paper.title());
    }

    /**
     * Goes to a question, as far as the paper's rules allow (a closed section keeps the candidate here; a later step of
     * a case that opens step by step leads to its first unanswered step). Typing is sent first, and a move that locks a
     * step or closes a section is journalled and sent after it, so the server holds the same rules.
     */
    public void goTo(int newIndex) {
        flushTyping(true);
        Navigation.Move move = navigation.move(index.get(), newIndex, this::isAnswered);
        if (move.journalled() && answering()) {
            send(new Answer(Moves.eventId(paper.items().get(move.index()).id()), Set.of(), ""));
        }
        index.set(move.index());
        current.set(paper.items().get(move.index()));
        enteredSection(current.get());
    }

    /** Starts a timed section's own clock when the candidate is in it and the server has not sent its clock yet. */
    private void enteredSection(DeliveredItem item) {
        Integer limit = item.section() == null ? null : item.section().timeLimitMinutes();
        if (limit != null
                && limit > 0
                && !sectionEndsAt.containsKey(item.section().id())) {
            sectionEndsAt.put(item.section().id(), countdown.remaining().toMillis() - limit * 60_000L);
        }
    }

    /** The server's section clocks, as of a moment when the exam had {@code examRemaining} ms left. */
    private void applySections(List<SectionClock> clocks, long examRemaining) {
        for (SectionClock section : clocks) {
            sectionEndsAt.put(section.sectionId(), examRemaining - section.remaining());
        }
    }

    /**
     * Closes every timed section whose own time is over: its answers stay as saved (typing is sent first) and can no
     * longer change, and a candidate who was in it goes on to the next question that is still open.
     */
    private void closeSectionsOutOfTime(long examRemaining) {
        for (Map.Entry<String, Long> section : Map.copyOf(sectionEndsAt).entrySet()) {
            if (examRemaining > section.getValue() || !sectionsOver.add(section.getKey())) {
                continue;
            }
            flushTyping(true);
            navigation.closeSection(section.getKey());
            DeliveredItem here = current.get();
            warning.set(text.get("exam.sectionTimeOver", text.of(titleOf(section.getKey()))));
            if (here.section() != null && here.section().id().equals(section.getKey())) {
                int next = navigation.nextOpenAfter(index.get(), this::isAnswered);
                if (next >= 0) {
                    goTo(next);
                }
            }
            revision.set(revision.get() + 1);
        }
    }

    private LocalizedText titleOf(String sectionId) {
        return paper.items().stream()
                .filter(i -> i.section() != null && i.section().id().equals(sectionId))
                .map(i -> i.section().title())
                .findFirst()
                .orElse(LocalizedText.of(sectionId, sectionId));
    }

    /** The time left in the current question's section when it has its own limit; empty otherwise. */
    private Optional<Duration> sectionLeft(long examRemaining) {
        DeliveredItem item = current.get();
        if (item == null || item.section() == null) {
            return Optional.empty();
        }
        Long endsAt = sectionEndsAt.get(item.section().id());
        return endsAt == null ? Optional.empty() : Optional.of(Duration.ofMillis(Math.max(0, examRemaining - endsAt)));
    }

    /** True when the candidate may go to question {@code i} now; the question list greys out the others. */
    public boolean isOpen(int i) {
        return navigation.isOpen(i, this::isAnswered);
    }

    /** True when going to question {@code newIndex} leaves an irreversible section for good (the view confirms). */
    public boolean leavesSectionForGood(int newIndex) {
        return navigation.leavesForGood(index.get(), newIndex);
    }

    public void next() {
        goTo(nextTarget());
    }

    /**
     * Where "Next" leads: the next question the candidate may open now, skipping the steps of a case that open only
     * once the earlier ones are answered; when nothing after this question is open, the one after it (the rules then
     * keep the candidate where they are).
     */
    public int nextTarget() {
        for (int i = index.get() + 1; i < paper.items().size(); i++) {
            if (isOpen(i)) {
                return i;
            }
        }
        return index.get() + 1;
    }

    public void previous() {
        goTo(index.get() - 1);
    }

    /** Single choice: this option becomes the answer. Multiple choice: the option is toggled. */
    public void choose(String optionId) {
        DeliveredItem item = current.get();
        if (item.options().stream().noneMatch(o -> o.id().equals(optionId)) || !mayChange(item)) {
            return;
        }
        Set<String> choices;
        if (item.kind() == ItemKind.MULTIPLE_CHOICE) {
            choices = new HashSet<>(answerTo(item.id()).choices());
            if (!choices.remove(optionId)) {
                choices.add(optionId);
            }
        } else {
            choices = Set.of(optionId);
        }
        record(new Answer(item.id(), choices, ""));
    }

    /** Typed text for a fill-in or short answer; sent after a pause or when leaving the question. */
    public void write(String typed) {
        DeliveredItem item = current.get();
        if (!mayChange(item) || answerTo(item.id()).text().equals(typed)) {
            return;
        }
        answers.put(item.id(), new Answer(item.id(), Set.of(), typed));
        typedAt.put(item.id(), clock.millis());
        answered.set(countAnswered());
    }

    /** True when the answer to this question can no longer change (a locking case question the candidate left). */
    public boolean isLocked(String itemId) {
        return navigation.isLocked(itemId);
    }

    private boolean isAnswered(String itemId) {
        return !answerTo(itemId).isBlank();
    }

    private boolean mayChange(DeliveredItem item) {
        return answering() && !navigation.isLocked(item.id());
    }

    public Answer answerTo(String itemId) {
        return answers.getOrDefault(itemId, new Answer(itemId, Set.of(), ""));
    }

    /** Called every second or so: updates the time left, sends paused typing, hands in at zero. */
    public void tick() {
        Countdown now = countdown;
        Duration left = now.remaining();
        if (answering()) {
            closeSectionsOutOfTime(left.toMillis());
        }
        String exam = now.isPaused()
                ? text.get("exam.timePaused", Countdown.format(left))
                : text.get("exam.timeLeft", Countdown.format(left));
        timeLeft.set(sectionLeft(left.toMillis())
                .map(section -> text.get("exam.sectionTimeLeft", Countdown.format(section)) + "  ·  " + exam)
                .orElse(exam));
        flushTyping(false);
        warnings.crossed(left).ifPresent(mark -> warning.set(text.get("exam.warning", mark.toMinutes())));
        if (now.isOver() && !isClosed() && !checkingTime && clock.millis() >= nextTimeCheck) {
            timeUp();
        }
    }

    /**
     * Zero on this kiosk's countdown: answering stops at once; the server's clock decides. Extra time or a pause the
     * kiosk had not heard of yet (the network was down) reopens the paper; a clock at zero gets the hand-in. While
     * the server cannot be reached the kiosk asks again every few seconds (the server closes the sitting itself at
     * deadline + grace), so it never hands in on its own guess.
     */
    private void timeUp() {
        checkingTime = true;
        api.clock().whenComplete((serverClock, failure) -> {
            long receivedAt = clock.millis();
            ui.execute(() -> {
                checkingTime = false;
                if (isClosed()) {
                    return; // handed in or closed meanwhile
                }
                if (failure != null) {
                    nextTimeCheck = clock.millis() + OFFLINE_HEARTBEAT_MILLIS;
                    return;
                }
                if (serverClock.status().isInSitting()) {
                    if (serverClock.paused() || serverClock.remaining() > 0) {
                        countdown = Countdown.of(clock, serverClock, receivedAt);
                        paused.set(serverClock.paused());
                        return;
                    }
                } else {
                    // Closed at the server already (deadline + grace, the proctor, or voided).
                    closedBy.set(
                            serverClock.status() == CandidateStatus.VOIDED
                                    ? text.error(ErrorCode.CANDIDATE_VOIDED)
                                    : text.get("exam.closedByServer"));
                    closeForGood();
                    return;
                }
                submittedByTimer.set(true);
                submit();
            });
        });
    }

    /** The exam window lost focus (another program, a second monitor): counted and reported with the heartbeat. */
    public void focusLost() {
        focusLost.incrementAndGet();
    }

    /** A lock-down alert to report to the proctor (for example "second monitor"). */
    public void alert(String what) {
        alerts.add(what);
    }

    /**
     * The sitting is over on this kiosk (handed in, or closed by the server: deadline, moved, voided): the journal
     * closes, the resume ticket (with its key) is deleted and the decrypted images leave.
     */
    private void closeForGood() {
        stop();
        synchronized (ticketLock) {
            tickets.forget(ticket.sessionId(), ticket.candidateNumber());
        }
        CompletableFuture.runAsync(images::close).exceptionally(cleanup -> {
            LOG.warn("could not delete the exam's images", cleanup);
            return null;
        });
    }

    /** Stops heartbeats and closes the journal (the kiosk leaves the exam screen). */
    public void stop() {
        stopped = true;
        try {
            journal.close();
        } catch (IOException e) {
            LOG.warn("answer journal not closed cleanly", e);
        }
    }

    /**
     * Tells the server this kiosk is alive and takes back the clock as it stands (pauses and extra time arrive this
     * way), proctor messages and the screen lock. A kiosk moved away, voided or closed by the server stops here.
     */
    private void heartbeat() {
        if (stopped) {
            return;
        }
        checkpoint();
        api.heartbeat(new Heartbeat(sync.lastSequence(), focusLost.get(), List.copyOf(alerts)))
                .whenComplete((reply, failure) -> {
                    long next = OFFLINE_HEARTBEAT_MILLIS;
                    if (failure == null) {
                        long receivedAt = clock.millis();
                        next = Math.max(500, reply.heartbeatMillis());
                        ui.execute(() -> apply(reply, receivedAt));
                    } else {
                        ErrorCode code = ServerConnection.errorOf(failure).error();
                        if (code == ErrorCode.CANDIDATE_MOVED
                                || code == ErrorCode.CANDIDATE_VOIDED
                                || code == ErrorCode.ALREADY_SUBMITTED) {
                            stopped = true;
                            ui.execute(() -> {
                                closedBy.set(text.error(code));
                                closeForGood();
                            });
                        }
                    }
                    if (!stopped) {
                        scheduler.schedule(this::heartbeat, next, TimeUnit.MILLISECONDS);
                    }
                });
    }

    /** Writes the time left to the resume ticket, so a restart continues from here (never after the end). */
    private void checkpoint() {
        Countdown now = countdown;
        synchronized (ticketLock) {
            if (stopped) {
                return;
            }
            try {
                long remaining = now.remaining().toMillis();
                ticket = ticket.at(remaining, now.isPaused(), clock.millis(), sectionClocks(remaining));
                tickets.save(ticket);
            } catch (UncheckedIOException e) {
                LOG.warn("resume ticket not refreshed", e);
            }
        }
    }

    /** The time left in each timed section entered, when the exam has {@code examRemaining} ms left. */
    private List<SectionClock> sectionClocks(long examRemaining) {
        List<SectionClock> clocks = new ArrayList<>();
        sectionEndsAt.forEach((id, endsAt) -> clocks.add(new SectionClock(id, Math.max(0, examRemaining - endsAt))));
        return clocks;
    }

    private void apply(HeartbeatReply reply, long receivedAt) {
        ExamClock examClock = reply.clock();
        switch (examClock.status()) {
            case SUBMITTED -> {
                if (submitted.get() == null && !submitting.get()) {
                    closedBy.set(text.get("exam.closedByServer"));
                    stopped = true;
                }
            }
            case VOIDED -> {
                closedBy.set(text.error(ErrorCode.CANDIDATE_VOIDED));
                stopped = true;
            }
            default -> {
                countdown = Countdown.of(clock, examClock, receivedAt);
                paused.set(examClock.paused());
                applySections(reply.sections(), examClock.remaining());
            }
        }
        if (stopped) {
            closeForGood();
        }
        locked.set(reply.locked());
        if (!reply.messages().isEmpty()) {
            message.set(String.join("\n", reply.messages()));
        }
        tick();
    }

    /** Hands the exam in once every change is acknowledged (or after a bounded wait, so time-out always submits). */
    public CompletableFuture<SubmitResponse> submit() {
        if (isClosed()) {
            return CompletableFuture.completedFuture(submitted.get());
        }
        flushTyping(true);
        submitting.set(true);
        error.set("");
        CompletableFuture<SubmitResponse> done = new CompletableFuture<>();
        sync.drained()
                .completeOnTimeout(null, SUBMIT_DRAIN_SECONDS, TimeUnit.SECONDS)
                .exceptionally(failure -> null)
                .thenCompose(v -> api.submit(new SubmitRequest(sync.lastSequence(), sync.chainHead())))
                .whenComplete((response, failure) -> ui.execute(() -> {
                    submitting.set(false);
                    if (failure != null) {
                        error.set(text.error(ServerConnection.errorOf(failure).error()));
                        done.completeExceptionally(failure);
                    } else {
                        submitted.set(response);
                        done.complete(response);
                        // Handed in: the decrypted images and the key leave this kiosk (off the UI thread; a
                        // clean-up failure is logged and never hides the hand-in; the next start clears the rest).
                        closeForGood();
                    }
                }));
        return done;
    }

    /** The decoded slices of a series, loaded once per series. */
    public CompletableFuture<List<DicomImage>> series(SeriesRef series) {
        return loadedSeries.computeIfAbsent(series.seriesId(), id -> images.load(series));
    }

    private void record(Answer answer) {
        answers.put(answer.itemId(), answer);
        answered.set(countAnswered());
        send(answer);
    }

    private void send(Answer answer) {
        try {
            sync.save(answer.itemId(), answer.choices(), answer.text());
        } catch (ApiException refused) {
            error.set(text.error(refused.error()));
        }
    }

    private void flushTyping(boolean now) {
        long at = clock.millis();
        for (Map.Entry<String, Long> pending : Map.copyOf(typedAt).entrySet()) {
            if (now || at - pending.getValue() >= TYPING_PAUSE_MILLIS) {
                typedAt.remove(pending.getKey());
                send(answerTo(pending.getKey()));
            }
        }
    }

    /** Answers are taken until the hand-in, and never once this kiosk's countdown reached zero. */
    private boolean answering() {
        return !isClosed() && !countdown.isOver();
    }

    private boolean isClosed() {
        return submitted.get() != null || submitting.get() || !closedBy.get().isEmpty();
    }

    private int countAnswered() {
        return (int) answers.values().stream().filter(a -> !a.isBlank()).count();
    }

    /** Sequence number of the last change handed to the sync (for tests and the status line). */
    public long lastSequence() {
        return sync.lastSequence();
    }

    public ReadOnlyIntegerProperty indexProperty() {
        return index;
    }

    /** Changes when what the candidate may change changes without a move (a section's time ran out): redraw. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision;
    }

    public ReadOnlyObjectProperty<DeliveredItem> currentProperty() {
        return current;
    }

    public ReadOnlyStringProperty timeLeftProperty() {
        return timeLeft;
    }

    public ReadOnlyStringProperty syncStatusProperty() {
        return syncStatus;
    }

    public ReadOnlyIntegerProperty answeredProperty() {
        return answered;
    }

    public ReadOnlyBooleanProperty submittingProperty() {
        return submitting;
    }

    public ReadOnlyObjectProperty<SubmitResponse> submittedProperty() {
        return submitted;
    }

    public ReadOnlyBooleanProperty submittedByTimerProperty() {
        return submittedByTimer;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    /** True while the proctor has this candidate (or the room) paused: the time left stands still. */
    public ReadOnlyBooleanProperty pausedProperty() {
        return paused;
    }

    /** True while the proctor has locked this screen. */
    public ReadOnlyBooleanProperty lockedProperty() {
        return locked;
    }

    /** The latest message from the proctor (empty when none). */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** "5 minutes left" when a warning mark was crossed (empty before). */
    public ReadOnlyStringProperty warningProperty() {
        return warning;
    }

    /** Why the exam ended without a hand-in from this kiosk (closed at the deadline, moved, voided); else empty. */
    public ReadOnlyStringProperty closedByProperty() {
        return closedBy;
    }

    /** The journal behind this sitting (tests read its file). */
    public AnswerJournal journal() {
        return journal;
    }
}
