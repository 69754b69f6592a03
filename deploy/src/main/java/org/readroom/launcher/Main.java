package org.readroom.launcher;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.readroom.console.app.ConsoleMain;
import org.readroom.console.app.ConsoleOptions;
import org.readroom.core.protocol.PinnedTrust;
import org.readroom.kiosk.app.KioskMain;
import org.readroom.kiosk.app.KioskOptions;

/** The Java side of {@code deploy/readroom}: one subcommand per part of ReadRoom. */
public final class Main {

    static final String SERVER_USAGE =
            """
            Usage: deploy/readroom server [--data DIR] [--port N] [--host ADDRESS] [--demo]
              --data DIR   data folder (SQLite database, images, reports); default ./data
              --port N     port to listen on; default 8440 (0 = any free port)
              --host ADDR  address to listen on; default 0.0.0.0 (every interface)
              --demo       seed the demo bank, paper and a running session with demo candidates""";
    static final String KIOSK_USAGE =
            """
            Usage: deploy/readroom kiosk [--server URL] [--ca-fingerprint FP | --ca FILE] [--lang zh|en] [--windowed]
                                         [--state DIR] [--name NAME] [--candidate NO --code CODE]
              --server URL   exam server; default https://127.0.0.1:8440
              --ca-fingerprint FP   first connection: the CA fingerprint the server printed at start; it is then pinned
              --ca FILE      trust this CA certificate file instead
              --lang zh|en   interface language; default zh
              --windowed     run in a window instead of full screen (practice and demos)
              --state DIR    the kiosk's own folder (keys, enrolment, packages); default ~/.readroom/kiosk/HOST-PORT
              --name NAME    the name this kiosk enrols under (shown to the proctor); default the host name
              On first start the kiosk enrols and shows a pairing code; a proctor approves it in the console.
              --candidate, --code   pre-fill the log-in form""";
    static final String CONSOLE_USAGE =
            """
            Usage: deploy/readroom console [--server URL] [--ca-fingerprint FP | --ca FILE] [--lang zh|en]
                                           [--user NAME --password PASSWORD]
              --server URL   exam server; default https://127.0.0.1:8440
              --ca-fingerprint FP   first connection: the CA fingerprint the server printed at start; it is then pinned
              --ca FILE      trust this CA certificate file instead
              --lang zh|en   interface language; default zh
              --user, --password   pre-fill the staff log-in form""";
    static final String DEMO_USAGE =
            """
            Usage: deploy/readroom demo [--data DIR] [--headless] [--port N]
              Starts the server with the demo exam in a fresh data folder (DIR when given, kept afterwards).
              With a display it opens a kiosk and the proctor console; with --headless (or no display) scripted
              kiosks sit the whole exam, then the result PDFs' folder and a one-line JSON summary are printed.""";

    private Main() {}

    public static void main(String[] argv) {
        System.exit(run(argv, System.out, System.err));
    }

    static int run(String[] argv, PrintStream out, PrintStream err) {
        if (argv.length == 0) {
            err.println("readroom: no command given (try --help)");
            return 2;
        }
        String command = argv[0];
        List<String> rest = Arrays.asList(argv).subList(1, argv.length);
        if (command.equals("bench-delivery")) {
            return benchDelivery(rest, out, err);
        }
        if (command.equals("package")) {
            return PackageCommand.run(rest, out, err);
        }
        if (command.equals("sim")) {
            return SimCommand.run(rest, out, err);
        }
        if (command.equals("journal")) {
            return JournalCommand.run(rest, out, err);
        }
        if (command.equals("resume-code")) {
            return ResumeCodeCommand.run(rest, out, err);
        }
        if (command.equals("cases")) {
            return CasesCommand.run(rest, out, err);
        }
        if (command.equals("bank")) {
            return BankCommand.run(rest, out, err);
        }
        if (command.equals("dicom")) {
            return DicomCommand.run(rest, out, err); // has actions of its own, each with its own --help
        }
        String usage =
                switch (command) {
                    case "server" -> SERVER_USAGE;
                    case "kiosk" -> KIOSK_USAGE;
                    case "console" -> CONSOLE_USAGE;
                    case "demo" -> DEMO_USAGE;
                    default -> null;
                };
        if (usage == null) {
            err.println("readroom: unknown command \"" + command
                    + "\" (commands: demo, test, server, kiosk, console, package, journal, resume-code, sim, dicom,"
                    + " cases, bank,"
                    + " bench)");
            return 2;
        }
        if (rest.contains("--help") || rest.contains("-h")) {
            out.println(usage);
            return 0;
        }
        try {
            return switch (command) {
                case "server" -> ServerCommand.run(
                        Args.parse(rest, Set.of("--data", "--port", "--host"), Set.of("--demo")), out, err);
                case "kiosk" -> kiosk(
                        err,
                        Args.parse(
                                rest,
                                Set.of(
                                        "--server",
                                        "--lang",
                                        "--candidate",
                                        "--code",
                                        "--state",
                                        "--name",
                                        "--ca",
                                        "--ca-fingerprint"),
                                Set.of("--windowed")));
                case "console" -> console(
                        err,
                        Args.parse(
                                rest,
                                Set.of("--server", "--lang", "--user", "--password", "--ca", "--ca-fingerprint"),
                                Set.of()));
                default -> DemoCommand.run(
                        Args.parse(rest, Set.of("--data", "--port"), Set.of("--headless")), out, err);
            };
        } catch (Args.UsageException e) {
            err.println("readroom " + command + ": " + e.getMessage());
            err.println(usage);
            return 2;
        }
    }

    static final String BENCH_DELIVERY_USAGE =
            """
            Usage: deploy/readroom bench-delivery [--kiosks N] [--package-mb M] [--key-kiosks K]
              Starts a server in a temp folder, builds an M MB CT package (default 200), lets N simulated kiosks
              (default 50) download it over HTTPS and compares with raw loopback TCP in the same run, measures what
              TLS alone can move on this machine (in memory, no network) and so the most HTTPS can reach, reports
              the server's CPU per extra kiosk, then releases the key to K parked kiosks (default 2000).""";

    private static int benchDelivery(List<String> rest, PrintStream out, PrintStream err) {
        if (rest.contains("--help")) {
            out.println(BENCH_DELIVERY_USAGE);
            return 0;
        }
        try {
            Args args = Args.parse(rest, Set.of("--kiosks", "--package-mb", "--key-kiosks"), Set.of());
            var settings = new org.readroom.launcher.bench.DeliveryBenchmark.Settings(
                    args.positive("--kiosks", 50),
                    args.positive("--package-mb", 200),
                    args.positive("--key-kiosks", 2000));
            new org.readroom.launcher.bench.DeliveryBenchmark(out).run(settings);
            return 0;
        } catch (Args.UsageException e) {
            err.println("readroom bench-delivery: " + e.getMessage());
            err.println(BENCH_DELIVERY_USAGE);
            return 2;
        } catch (Exception e) {
            err.println("readroom bench-delivery: " + Failures.describe(e));
            return 1;
        }
    }

    /** JavaFX fails with a stack trace without a display; say what is missing instead. */
    private static boolean displayMissing(String command, PrintStream err) {
        String display = System.getenv("DISPLAY");
        String wayland = System.getenv("WAYLAND_DISPLAY");
        boolean missing = (display == null || display.isBlank())
                && (wayland == null || wayland.isBlank())
                && !"Monocle".equals(System.getProperty("glass.platform"));
        if (missing) {
            err.println(
                    "readroom " + command + ": no display found (DISPLAY is not set); run it in a graphical session,"
                            + " or try 'deploy/readroom demo --headless'");
        }
        return missing;
    }

    private static int kiosk(PrintStream err, Args args) throws Args.UsageException {
        String state = args.value("--state", null);
        URI server = server(args);
        PinnedTrust trust = trust(server, args, "kiosk", err);
        if (trust == null) {
            return 1;
        }
        KioskOptions options = new KioskOptions(
                server,
                trust,
                locale(args),
                state == null ? null : Path.of(state),
                args.value("--name", null),
                args.has("--windowed"),
                args.value("--candidate", ""),
                args.value("--code", ""));
        if (displayMissing("kiosk", err)) {
            return 1;
        }
        KioskMain.launch(options);
        return 0;
    }

    private static int console(PrintStream err, Args args) throws Args.UsageException {
        URI server = server(args);
        PinnedTrust trust = trust(server, args, "console", err);
        if (trust == null) {
            return 1;
        }
        ConsoleOptions options =
                new ConsoleOptions(server, trust, locale(args), args.value("--user", ""), args.value("--password", ""));
        if (displayMissing("console", err)) {
            return 1;
        }
        ConsoleMain.launch(options);
        return 0;
    }

    static URI server(Args args) throws Args.UsageException {
        String text = args.value("--server", "https://127.0.0.1:8440");
        try {
            URI uri = URI.create(text);
            if (uri.getHost() == null || !uri.getScheme().equals("https")) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new Args.UsageException("--server must be a URL like https://10.0.0.5:8440, was: " + text);
        }
    }

    /** The pinned CA for this server, or null after saying why there is none. */
    private static PinnedTrust trust(URI server, Args args, String role, PrintStream err) throws Args.UsageException {
        try {
            return ServerTrust.resolve(server, args.value("--ca", null), args.value("--ca-fingerprint", null), role);
        } catch (java.io.IOException e) {
            err.println("readroom " + role + ": " + e.getMessage());
            return null;
        }
    }

    static Locale locale(Args args) throws Args.UsageException {
        String lang = args.value("--lang", "zh");
        return switch (lang) {
            case "zh", "zh-CN" -> Locale.SIMPLIFIED_CHINESE;
            case "en" -> Locale.ENGLISH;
            default -> throw new Args.UsageException("--lang must be zh or en, was: " + lang);
        };
    }
}
