package org.readroom.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The delivery benchmark at toy size runs to the end and prints every figure (their values mean little at this size). */
class BenchDeliveryIT {

    @Test
    void aSmallRunReportsDistributionTheTlsCeilingAndKeyRelease() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(
                new String[] {"bench-delivery", "--kiosks", "3", "--package-mb", "4", "--key-kiosks", "6"},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, printed + err.toString(StandardCharsets.UTF_8));

        assertTrue(printed.contains("distribution to 3 kiosks"), printed);
        double ratio = number(printed, "ratio (\\d+\\.\\d+)").get(0);
        assertTrue(ratio > 0, "HTTPS against raw TCP: " + ratio);
        // At toy size the runs last a few ms: the CPU figures are at the CPU clock's granularity, so only present.
        number(printed, "raw loopback TCP kept (\\d+\\.\\d+) of");

        // Both ceilings: the kiosk's JDK TLS and BoringSSL at both ends, each a throughput and a fraction of raw TCP.
        assertEquals(
                2,
                printed.lines()
                        .filter(line -> line.startsWith("TLS alone in memory (TLS_"))
                        .count(),
                printed);
        assertEquals(
                2, number(printed, "MB/s, (\\d+\\.\\d+) ns of CPU per byte").size(), printed);
        assertEquals(
                2, number(printed, "reaches about (\\d+\\.\\d+) of raw TCP").size(), printed);
        assertTrue(printed.contains("key release to 6 parked kiosks"), printed);
    }

    private static List<Double> number(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        List<Double> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(Double.parseDouble(matcher.group(1)));
        }
        assertTrue(!found.isEmpty(), "no match for " + regex + " in:\n" + text);
        return found;
    }
}
