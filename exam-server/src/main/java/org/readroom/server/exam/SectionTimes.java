package org.readroom.server.exam;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.readroom.core.errors.ApiException;
import org.readroom.core.errors.ErrorCode;
import org.readroom.core.paper.Paper;
import org.readroom.core.paper.PaperSection;
import org.readroom.core.protocol.Messages.SectionClock;
import org.readroom.core.time.SittingTime;
import org.readroom.server.scoring.SubmitService;

/**
 * Section time limits on the server. A timed section runs from the candidate's first entry into it (the paper's first
 * section from the start), counted in exam time used, so a pause stops it; when its limit is over (plus the grace for
 * answers in flight that the whole exam also has) a change to its questions is refused with {@code RR-1315}. Entries
 * are recorded on the writer, with the first accepted change that names the section.
 */
final class SectionTimes {

    /** A paper's timed sections (id → limit in ms, in paper order) and its first section's id. */
    record Timed(Map<String, Long> limits, String firstSection) {

        static Timed of(Paper paper) {
            Map<String, Long> limits = new LinkedHashMap<>();
            for (PaperSection section : paper.sections()) {
                if (section.timeLimitMinutes() != null && section.timeLimitMinutes() > 0) {
                    limits.put(section.id(), section.timeLimitMinutes() * 60_000L);
                }
            }
            return new Timed(
                    Collections.unmodifiableMap(limits), paper.sections().get(0).id());
        }

        boolean any() {
            return !limits.isEmpty();
        }
    }

    private SectionTimes() {}

    /** Where each section the candidate entered starts, in exam time used (ms); the first section is at 0. */
    static Map<String, Long> entries(Connection connection, long candidateId, Timed timed) throws SQLException {
        Map<String, Long> entries = new HashMap<>();
        entries.put(timed.firstSection(), 0L);
        try (PreparedStatement query =
                connection.prepareStatement("SELECT section_id, used_ms FROM section_entries WHERE candidate_id = ?")) {
            query.setLong(1, candidateId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return entries;
    }

    /**
     * Checks a change to a question of timed section {@code sectionId} at {@code now}: refused when the section's time
     * is over; otherwise, when this is the candidate's first change in the section, its entry is recorded now.
     */
    static Optional<ApiException> enter(
            Connection connection, CandidateRecord candidate, String sectionId, long limitMillis, Timed timed, long now)
            throws SQLException {
        Optional<SittingTime> time = candidate.time();
        if (time.isEmpty()) {
            return Optional.empty();
        }
        long used = time.get().used(now);
        Long entered = entries(connection, candidate.id(), timed).get(sectionId);
        if (entered == null) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO section_entries (candidate_id, section_id, used_ms, entered_at) VALUES (?, ?, ?, ?)")) {
                insert.setLong(1, candidate.id());
                insert.setString(2, sectionId);
                insert.setLong(3, used);
                insert.setLong(4, now);
                insert.executeUpdate();
            }
            return Optional.empty();
        }
        if (used > entered + limitMillis + SubmitService.GRACE_MILLIS) {
            return Optional.of(new ApiException(
                    ErrorCode.SECTION_TIME_OVER,
                    "section " + sectionId + " has " + limitMillis / 60_000 + " minutes and any extra time given in"
                            + " it; candidate " + candidate.candidateNumber() + "'s time in it ran out "
                            + (used - entered - limitMillis) / 1000 + " s ago"));
        }
        return Optional.empty();
    }

    /**
     * Extra time given at {@code now} (to the candidate, to the room, or as an accepted credit for an interruption)
     * lengthens every timed section the candidate has entered whose own time is not over yet, by moving its entry
     * later: usually the section they are in, where the time was lost. A section already over stays over (also for a
     * credit accepted after it ran out); one not entered yet keeps its full limit.
     * The kiosk counts a section's end from the exam's end, so it lengthens the same sections by itself.
     */
    static void extend(Connection connection, CandidateRecord candidate, Timed timed, long millis, long now)
            throws SQLException {
        Optional<SittingTime> time = candidate.time();
        if (time.isEmpty() || !timed.any()) {
            return;
        }
        long used = time.get().used(now);
        Map<String, Long> entries = entries(connection, candidate.id(), timed);
        for (Map.Entry<String, Long> section : timed.limits().entrySet()) {
            Long entered = entries.get(section.getKey());
            if (entered == null || entered + section.getValue() <= used) {
                continue;
            }
            // The paper's first section has no row until now: it was entered at the start.
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO section_entries"
                    + " (candidate_id, section_id, used_ms, entered_at) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT (candidate_id, section_id) DO UPDATE SET used_ms = excluded.used_ms")) {
                upsert.setLong(1, candidate.id());
                upsert.setString(2, section.getKey());
                upsert.setLong(3, entered + millis);
                upsert.setLong(4, time.get().startedAt());
                upsert.executeUpdate();
            }
        }
    }

    /** The time left in every timed section the candidate has entered, as of {@code now}. */
    static List<SectionClock> clocks(Timed timed, Map<String, Long> entries, SittingTime time, long now) {
        List<SectionClock> clocks = new ArrayList<>();
        long used = time.used(now);
        timed.limits().forEach((sectionId, limit) -> {
            Long entered = entries.get(sectionId);
            if (entered != null) {
                clocks.add(new SectionClock(sectionId, Math.max(0, entered + limit - used)));
            }
        });
        return clocks;
    }
}
