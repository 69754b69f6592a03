package org.readroom.console.kiosks;

/** One kiosk as the console's kiosk list shows it, already in words, with what the buttons need to know. */
public record KioskRow(
        String kioskId,
        String name,
        String pairingCode,
        String status,
        String packageState,
        String admitted,
        boolean approved,
        boolean admittedHere) {}
