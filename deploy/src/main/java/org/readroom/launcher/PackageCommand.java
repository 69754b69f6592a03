package org.readroom.launcher;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.readroom.core.errors.ApiException;
import org.readroom.core.packaging.Manifest;
import org.readroom.core.packaging.PackageException;
import org.readroom.core.packaging.PackageReader;
import org.readroom.server.bank.BankStore;
import org.readroom.server.packaging.PackageService;
import org.readroom.server.packaging.SigningKeyStore;
import org.readroom.server.store.AssetStore;
import org.readroom.server.store.Database;

/**
 * {@code deploy/readroom package}: build a paper's encrypted, signed package from a data folder, or verify a package's
 * signature and every chunk without the content key.
 */
final class PackageCommand {

    static final String USAGE =
            """
            Usage: deploy/readroom package build --paper ID --out FILE [--data DIR]
                   deploy/readroom package verify FILE [--data DIR]
              build    encrypt the paper (no answer keys) and its images once, sign the manifest with the server's key;
                       the content key stays in the data folder's database until the session starts
              verify   check the signature and every chunk against the signed manifest, without the content key;
                       prints OK with a summary, or the reason and exit 1
              --data DIR   the exam server's data folder; default ./data""";

    private PackageCommand() {}

    static int run(List<String> arguments, PrintStream out, PrintStream err) {
        Integer answered = Args.helpOrMissingAction(arguments, USAGE, out, err);
        if (answered != null) {
            return answered;
        }
        List<String> rest = arguments.subList(1, arguments.size());
        try {
            return switch (arguments.get(0)) {
                case "build" -> build(Args.parse(rest, Set.of("--paper", "--out", "--data"), Set.of()), out, err);
                case "verify" -> verify(rest, out, err);
                default -> throw new Args.UsageException(
                        "unknown action \"" + arguments.get(0) + "\" (actions: build," + " verify)");
            };
        } catch (Args.UsageException e) {
            err.println("readroom package: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
    }

    private static int build(Args args, PrintStream out, PrintStream err) throws Args.UsageException {
        String paper = args.value("--paper", null);
        String target = args.value("--out", null);
        if (paper == null || target == null) {
            throw new Args.UsageException("build needs --paper ID and --out FILE");
        }
        Path data = Path.of(args.value("--data", "data")).toAbsolutePath();
        if (!Files.exists(data.resolve("readroom.db"))) {
            err.println("readroom package: " + data + " holds no ReadRoom database (give the server's --data folder)");
            return 1;
        }
        Vertx vertx = Vertx.vertx();
        try {
            Database database =
                    Database.open(vertx, data.resolve("readroom.db")).await();
            try {
                PackageService service = new PackageService(
                        vertx,
                        database,
                        new BankStore(database),
                        new AssetStore(data.resolve("assets")),
                        SigningKeyStore.loadOrCreate(data),
                        Clock.systemUTC());
                out.println("Building the package of paper " + paper + " …");
                PackageService.Built built =
                        service.build(paper, Path.of(target).toAbsolutePath()).await();
                out.println(
                        "OK " + built.file() + ": package " + built.manifest().packageId() + ", "
                                + built.manifest().entries().size() + " entries, "
                                + built.manifest().chunks().size() + " chunks, "
                                + built.size() + " bytes");
                return 0;
            } finally {
                database.close();
            }
        } catch (ApiException e) {
            err.println("readroom package: no paper \"" + paper + "\" in " + data);
            return 1;
        } catch (Exception e) {
            err.println("readroom package: build failed: " + Failures.describe(e));
            return 1;
        } finally {
            vertx.close().await();
        }
    }

    private static int verify(List<String> rest, PrintStream out, PrintStream err) throws Args.UsageException {
        if (rest.isEmpty() || rest.get(0).startsWith("--")) {
            throw new Args.UsageException("verify needs the package FILE");
        }
        Path file = Path.of(rest.get(0));
        Args args = Args.parse(rest.subList(1, rest.size()), Set.of("--data"), Set.of());
        Path data = Path.of(args.value("--data", "data")).toAbsolutePath();
        Path publicKey = data.resolve("keys/package-signing.pub");
        try {
            if (!Files.exists(file)) {
                err.println("readroom package: " + file + " not found");
                return 1;
            }
            if (!Files.exists(publicKey)) {
                err.println("readroom package: " + data
                        + " holds no package-signing key (give the server's --data folder)");
                return 1;
            }
            byte[] key = HexFormat.of().parseHex(Files.readString(publicKey).strip());
            Manifest manifest = PackageReader.verify(file, key);
            long assets = manifest.entries().stream()
                    .filter(e -> e.name().startsWith("assets/"))
                    .count();
            out.println("OK " + file + ": paper " + manifest.paperId() + ", package " + manifest.packageId() + ", "
                    + manifest.entries().size() + " entries (" + assets + " images), "
                    + manifest.chunks().size()
                    + " chunks, signature and every chunk verified");
            return 0;
        } catch (PackageException e) {
            err.println("readroom package: REFUSED " + file + ": " + e.getMessage());
            return 1;
        } catch (IOException | IllegalArgumentException e) {
            err.println("readroom package: cannot read " + file + ": " + e.getMessage());
            return 1;
        }
    }
}
