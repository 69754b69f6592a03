package org.readroom.server.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the server knows of each seat right now, in memory: the last heartbeat, focus losses and alerts the kiosk
 * reported, whether the proctor locked the screen, and messages waiting to be shown. Heartbeats that come after a gap
 * yield an interruption the proctor may credit. A restart forgets all of it; kiosks fill it again within one
 * heartbeat.
 */
public final class LiveSeats {

    /** A kiosk counts as connected while its last heartbeat is at most this old. */
    public static final long OFFLINE_AFTER_MILLIS = 15_000;

    private final long heartbeatMillis;
    private final Map<Long, Seat> seats = new ConcurrentHashMap<>();
    private final Map<Long, List<String>> roomMessages = new ConcurrentHashMap<>();
    private final Set<Long> changedSessions = ConcurrentHashMap.newKeySet();

    /** @param heartbeatMillis how often kiosks are told to beat; a gap is anything longer than {@link #OFFLINE_AFTER_MILLIS} */
    public LiveSeats(long heartbeatMillis) {
        this.heartbeatMillis = heartbeatMillis;
    }

    public long heartbeatMillis() {
        return heartbeatMillis;
    }

    /**
     * Records a heartbeat. Returns the interruption it ends, if the previous beat is older than the offline limit: from
     * the last beat to now, with a suggested credit of the gap less one ordinary heartbeat interval.
     */
    public Optional<Interruption> beat(
            long candidateId, long sessionId, long now, int focusLost, List<String> alerts, boolean sitting) {
        Seat seat = seats.computeIfAbsent(candidateId, id -> new Seat());
        Optional<Interruption> gap = Optional.empty();
        synchronized (seat) {
            if (sitting && seat.lastHeartbeat > 0 && now - seat.lastHeartbeat > OFFLINE_AFTER_MILLIS) {
                long credit = ((now - seat.lastHeartbeat - heartbeatMillis) / 1000) * 1000;
                gap = Optional.of(new Interruption(candidateId, seat.lastHeartbeat, now, Math.max(0, credit)));
            }
            seat.lastHeartbeat = now;
            seat.focusLost = Math.max(seat.focusLost, focusLost);
            if (alerts != null) {
                for (String alert : alerts) {
                    if (!seat.alerts.contains(alert)) {
                        seat.alerts.add(alert);
                    }
                }
            }
        }
        changedSessions.add(sessionId);
        return gap;
    }

    /** Queues a message for one candidate's kiosk. */
    public void message(long candidateId, long sessionId, String text) {
        Seat seat = seats.computeIfAbsent(candidateId, id -> new Seat());
        synchronized (seat) {
            seat.outbox.add(text);
        }
    }

    /** Queues a message for every kiosk of a room, including those that connect later. */
    public void messageRoom(long sessionId, String text) {
        List<String> room = roomMessages.computeIfAbsent(sessionId, id -> new ArrayList<>());
        synchronized (room) {
            room.add(text);
        }
    }

    /** The messages this candidate has not been shown yet; each is handed out once. */
    public List<String> takeMessages(long candidateId, long sessionId) {
        Seat seat = seats.computeIfAbsent(candidateId, id -> new Seat());
        List<String> out = new ArrayList<>();
        List<String> room = roomMessages.getOrDefault(sessionId, List.of());
        synchronized (seat) {
            synchronized (room) {
                out.addAll(room.subList(Math.min(seat.roomSeen, room.size()), room.size()));
                seat.roomSeen = room.size();
            }
            out.addAll(seat.outbox);
            seat.outbox.clear();
        }
        return out;
    }

    public void lock(long candidateId, long sessionId, boolean locked) {
        Seat seat = seats.computeIfAbsent(candidateId, id -> new Seat());
        synchronized (seat) {
            seat.locked = locked;
        }
        changedSessions.add(sessionId);
    }

    /** The live state of one seat (all zero/false for a kiosk never heard from). */
    public SeatLive live(long candidateId, long now) {
        Seat seat = seats.get(candidateId);
        if (seat == null) {
            return new SeatLive(false, 0, 0, List.of(), false);
        }
        synchronized (seat) {
            boolean connected = seat.lastHeartbeat > 0 && now - seat.lastHeartbeat <= OFFLINE_AFTER_MILLIS;
            return new SeatLive(connected, seat.lastHeartbeat, seat.focusLost, List.copyOf(seat.alerts), seat.locked);
        }
    }

    /** Marks a session's seat list as changed (a state change, an answer), for the proctor feed. */
    public void changed(long sessionId) {
        changedSessions.add(sessionId);
    }

    /** Reports whether the session changed since the last call, and resets the mark. */
    public boolean takeChanged(long sessionId) {
        return changedSessions.remove(sessionId);
    }

    /** Forgets a seat's connection so the next heartbeat after a move starts afresh. */
    public void forgetConnection(long candidateId) {
        Seat seat = seats.get(candidateId);
        if (seat != null) {
            synchronized (seat) {
                seat.lastHeartbeat = 0;
            }
        }
    }

    /** The live part of a seat as the proctor sees it. */
    public record SeatLive(boolean connected, long lastHeartbeat, int focusLost, List<String> alerts, boolean locked) {}

    /** A gap in a sitting candidate's heartbeats and the credit suggested for it. */
    public record Interruption(long candidateId, long from, long to, long creditMillis) {}

    private static final class Seat {
        long lastHeartbeat;
        int focusLost;
        final List<String> alerts = new ArrayList<>();
        boolean locked;
        final List<String> outbox = new ArrayList<>();
        int roomSeen;
    }
}
