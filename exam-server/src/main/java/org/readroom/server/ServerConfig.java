package org.readroom.server;

import java.nio.file.Path;
import org.readroom.server.cases.CaseSource;
import org.readroom.server.report.ResultPdf;

/**
 * How to run an exam server: its data folder (SQLite file, assets, reports), where to listen (port 0 = any free
 * port), whether to seed the demo exam, the CJK font for PDFs, and how large a case zip may be (null: the defaults).
 */
public record ServerConfig(
        Path dataDir, String host, int port, boolean demo, Path fontFile, CaseSource.Limits caseLimits) {

    public ServerConfig {
        if (dataDir == null) {
            throw new IllegalArgumentException("data folder: not given");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port: must be 0..65535, was " + port);
        }
        host = host == null ? "0.0.0.0" : host;
        fontFile = fontFile == null ? ResultPdf.DEFAULT_FONT : fontFile;
        caseLimits = caseLimits == null ? CaseSource.Limits.DEFAULT : caseLimits;
    }

    /** With the default case zip limits. */
    public ServerConfig(Path dataDir, String host, int port, boolean demo, Path fontFile) {
        this(dataDir, host, port, demo, fontFile, null);
    }

    public static ServerConfig of(Path dataDir, int port, boolean demo) {
        return new ServerConfig(dataDir, "0.0.0.0", port, demo, null);
    }

    public ServerConfig onLoopback() {
        return new ServerConfig(dataDir, "127.0.0.1", port, demo, fontFile, caseLimits);
    }

    /** With other case zip limits, e.g. a small upload limit in tests. */
    public ServerConfig withCaseLimits(CaseSource.Limits limits) {
        return new ServerConfig(dataDir, host, port, demo, fontFile, limits);
    }

    /** How often kiosks send a heartbeat while a candidate sits (the reply carries the clock and messages). */
    public long heartbeatMillis() {
        return 5_000;
    }

    /** How often the server closes candidates past deadline + grace. */
    public long sweepMillis() {
        return 1_000;
    }

    public Path databaseFile() {
        return dataDir.resolve("readroom.db");
    }

    public Path assetsDir() {
        return dataDir.resolve("assets");
    }

    public Path packagesDir() {
        return dataDir.resolve("packages");
    }

    public Path reportsDir() {
        return dataDir.resolve("reports");
    }
}
