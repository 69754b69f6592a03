package org.readroom.console.roster;

/** One candidate as the seat list shows them, already in words. */
public record SeatRow(
        String seat,
        String candidateNumber,
        String name,
        String status,
        String progress,
        String lastSeen,
        String timeLeft) {}
