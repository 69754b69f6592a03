package org.readroom.launcher;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.readroom.launcher.sim.LoadSimulator;

/** {@code readroom sim}: the load simulator (see {@link LoadSimulator}); prints its JSON line last. */
final class SimCommand {

    static final String USAGE = "usage: readroom sim --kiosks N --duration SECONDS [--server URL --data DIR]"
            + " [--save-every S] [--heartbeat-every S]\n"
            + "  N protocol-level kiosks in this JVM. Without --server, a server of its own in a temporary folder;\n"
            + "  with --server, one started on this machine with --demo, whose --data folder holds its CA and the\n"
            + "  demo admin account. Prints one JSON line at the end.";

    private SimCommand() {}

    /** Parses, runs, and turns every failure into one clear line (usage errors exit 2, others 1). */
    static int run(List<String> rest, PrintStream out, PrintStream err) {
        if (rest.contains("--help") || rest.contains("-h")) {
            out.println(USAGE);
            return 0;
        }
        try {
            return run(
                    Args.parse(
                            rest,
                            Set.of("--kiosks", "--duration", "--server", "--data", "--save-every", "--heartbeat-every"),
                            Set.of()),
                    out);
        } catch (Args.UsageException e) {
            err.println("readroom sim: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (Exception e) {
            err.println("readroom sim: " + Failures.describe(e));
            return 1;
        }
    }

    private static int run(Args args, PrintStream out) throws Exception {
        String server = args.value("--server", null);
        String data = args.value("--data", null);
        if (server != null && data == null) {
            throw new Args.UsageException("--server needs --data: the server's data folder on this machine");
        }
        URI url = null;
        if (server != null) {
            url = URI.create(server);
            if (!"https".equals(url.getScheme())) {
                throw new Args.UsageException("--server must be an https:// address, was: " + server);
            }
        }
        LoadSimulator.Settings settings = new LoadSimulator.Settings(
                args.positive("--kiosks", 100),
                args.positive("--duration", 60),
                url,
                data == null ? null : Path.of(data).toAbsolutePath(),
                args.positive("--save-every", 10),
                args.positive("--heartbeat-every", 5));
        LoadSimulator.Result result = new LoadSimulator(settings, out).run();
        out.println(LoadSimulator.json(result));
        return result.lost() == 0 ? 0 : 1;
    }
}
