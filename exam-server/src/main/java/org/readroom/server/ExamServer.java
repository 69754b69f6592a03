package org.readroom.server;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.JdkSSLEngineOptions;
import io.vertx.core.net.OpenSSLEngineOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.readroom.core.packaging.SigningKeys;
import org.readroom.server.audit.AuditLog;
import org.readroom.server.auth.StaffStore;
import org.readroom.server.auth.Tokens;
import org.readroom.server.bank.BankRoutes;
import org.readroom.server.bank.BankStore;
import org.readroom.server.cases.CaseImport;
import org.readroom.server.cases.CaseRoutes;
import org.readroom.server.cases.CaseStore;
import org.readroom.server.delivery.DeliveryRoutes;
import org.readroom.server.delivery.KeyRelease;
import org.readroom.server.delivery.KioskRegistry;
import org.readroom.server.demo.DemoExam;
import org.readroom.server.exam.AnswerWriter;
import org.readroom.server.exam.ExamStore;
import org.readroom.server.exam.HandIn;
import org.readroom.server.exam.KioskRoutes;
import org.readroom.server.http.Http;
import org.readroom.server.packaging.PackageService;
import org.readroom.server.packaging.SigningKeyStore;
import org.readroom.server.proctor.RosterStore;
import org.readroom.server.proctor.StaffRoutes;
import org.readroom.server.report.ReportService;
import org.readroom.server.report.ResultPdf;
import org.readroom.server.runtime.CandidateControl;
import org.readroom.server.runtime.DeadlineSweeper;
import org.readroom.server.runtime.Interruptions;
import org.readroom.server.runtime.LiveSeats;
import org.readroom.server.runtime.ProctorFeed;
import org.readroom.server.runtime.ProctorRoutes;
import org.readroom.server.runtime.ResumeKey;
import org.readroom.server.schedule.ScheduleRoutes;
import org.readroom.server.schedule.ScheduleStore;
import org.readroom.server.scoring.SubmitService;
import org.readroom.server.store.AssetStore;
import org.readroom.server.store.Database;
import org.readroom.server.tls.LocalCertificateAuthority;

/**
 * The exam server: one composed start-up (folders → database and migrations → demo data when asked → routes → the
 * demo paper's package → listen), so a taken port or a failed migration fails the deployment with its reason.
 */
public final class ExamServer extends VerticleBase {

    private static final int MAX_BODY_BYTES = 256 * 1024;

    private final ServerConfig config;
    private final Clock clock;
    private Database database;
    private HttpServer http;
    private ReportService reports;
    private DemoExam.Seeded demo;
    private LocalCertificateAuthority.TlsFiles tls;
    private KeyRelease keyRelease;
    private BankStore bank;
    private KioskRegistry registry;
    private PackageService packages;
    private ProctorFeed feed;
    private DeadlineSweeper sweeper;
    private ResumeKey resumeKey;
    private final List<Long> timers = new java.util.ArrayList<>();

    public ExamServer(ServerConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Override
    public Future<?> start() {
        return prepareFolders()
                .compose(v -> Database.open(vertx, config.databaseFile()))
                .compose(this::seedWhenAsked)
                .compose(v -> vertx.executeBlocking(() -> ResumeKey.loadOrCreate(config.dataDir())))
                .compose(key -> {
                    this.resumeKey = key;
                    return vertx.executeBlocking(() -> SigningKeyStore.loadOrCreate(config.dataDir()));
                })
                .compose(keys -> vertx.executeBlocking(
                                () -> LocalCertificateAuthority.ensure(config.dataDir(), List.of()))
                        .compose(files -> {
                            this.tls = files;
                            Router router = router(keys);
                            return packageDemoPaper().compose(v -> listen(router));
                        }));
    }

    private Future<Void> prepareFolders() {
        return vertx.executeBlocking(() -> {
            Files.createDirectories(config.assetsDir());
            Files.createDirectories(config.reportsDir());
            Files.createDirectories(config.packagesDir());
            CaseImport.sweepLeftovers(config.dataDir()); // identified originals an interrupted case import left
            return null;
        });
    }

    private Future<Void> seedWhenAsked(Database opened) {
        this.database = opened;
        if (!config.demo()) {
            return Future.succeededFuture();
        }
        return DemoExam.seed(vertx, database, new AssetStore(config.assetsDir()), config.dataDir())
                .map(seeded -> {
                    this.demo = seeded;
                    return null;
                });
    }

    private Router router(SigningKeys signingKeys) {
        Tokens tokens = new Tokens();
        AuditLog audit = new AuditLog(database, clock);
        reports = new ReportService(
                vertx, database, config.reportsDir(), new ResultPdf(config.fontFile(), ZoneId.systemDefault()));
        bank = new BankStore(database);
        AssetStore assets = new AssetStore(config.assetsDir());
        Router router = Router.router(vertx);
        // Before the shared body handler: bank files are read with a larger limit of their own.
        CaseStore cases = new CaseStore(database);
        new BankRoutes(vertx, database, cases::resolver, tokens, audit, clock).mount(router);
        new CaseRoutes(
                        vertx,
                        cases,
                        new CaseImport(vertx, database, assets, config.dataDir(), clock, config.caseLimits()),
                        assets,
                        config.dataDir(),
                        tokens,
                        audit)
                .mount(router);
        router.route().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
        KioskRegistry registry = new KioskRegistry(database);
        this.registry = registry;
        ExamStore exams = new ExamStore(database);
        LiveSeats seats = new LiveSeats(config.heartbeatMillis());
        Interruptions interruptions = new Interruptions(database, audit, seats);
        HandIn handIn = new HandIn(bank, new SubmitService(database), reports, audit, seats);
        CandidateControl control = new CandidateControl(database);
        RosterStore rosters = new RosterStore(database, seats);
        new KioskRoutes(
                        vertx,
                        exams,
                        new AnswerWriter(database),
                        seats,
                        interruptions,
                        registry,
                        bank,
                        assets,
                        handIn,
                        tokens,
                        audit,
                        clock,
                        resumeKey)
                .mount(router);
        new StaffRoutes(vertx, new StaffStore(database), rosters, tokens, audit, clock).mount(router);
        new ProctorRoutes(database, control, handIn, seats, interruptions, tokens, audit, clock, resumeKey)
                .mount(router);
        new ScheduleRoutes(vertx, new ScheduleStore(database), tokens, audit).mount(router);
        new org.readroom.server.papers.PaperRoutes(vertx, bank, tokens, audit).mount(router);
        feed = new ProctorFeed(tokens, rosters, interruptions, seats, clock);
        sweeper = new DeadlineSweeper(control, exams, handIn, clock);
        packages = new PackageService(vertx, database, bank, assets, signingKeys, clock);
        keyRelease = new KeyRelease(vertx);
        new DeliveryRoutes(
                        vertx,
                        registry,
                        keyRelease,
                        packages,
                        config.packagesDir(),
                        signingKeys.publicKey(),
                        tokens,
                        audit,
                        clock)
                .mount(router);
        router.route().last().handler(ctx -> ctx.fail(404));
        router.route().failureHandler(Http::onFailure);
        return router;
    }

    /** The demo paper is packaged once, so demo kiosks can fetch it before the start as real ones would. */
    private Future<Void> packageDemoPaper() {
        if (demo == null) {
            return Future.succeededFuture();
        }
        return registry.latestPackage(DemoExam.PAPER_ID)
                .compose(existing -> existing.isPresent()
                        ? Future.succeededFuture()
                        : packages.build(
                                        DemoExam.PAPER_ID,
                                        config.packagesDir()
                                                .resolve(DemoExam.PAPER_ID + "-" + clock.millis() + ".rrpkg"))
                                .mapEmpty());
    }

    private Future<HttpServer> listen(Router router) {
        HttpServerOptions options = new HttpServerOptions()
                .setSsl(true)
                .setSslEngineOptions(
                        OpenSSLEngineOptions.isAvailable() ? new OpenSSLEngineOptions() : new JdkSSLEngineOptions())
                .setKeyCertOptions(new PemKeyCertOptions()
                        .setKeyPath(tls.serverKey().toString())
                        .setCertPath(tls.serverCertificate().toString()));
        return vertx.createHttpServer(options)
                .requestHandler(router)
                .webSocketHandshakeHandler(feed::handshake)
                .webSocketHandler(feed::attach)
                .listen(config.port(), config.host())
                .map(server -> {
                    this.http = server;
                    timers.add(feed.start(vertx));
                    timers.add(sweeper.start(vertx, config.sweepMillis()));
                    return server;
                });
    }

    @Override
    public Future<?> stop() {
        timers.forEach(vertx::cancelTimer);
        Future<Void> closed = http == null ? Future.succeededFuture() : http.close();
        return closed.eventually(() -> {
            if (database != null) {
                database.close();
            }
            return Future.succeededFuture();
        });
    }

    /** Closes overdue candidates now (tests move a fake clock and sweep instead of waiting for the timer). */
    public Future<Integer> sweepDeadlines() {
        return sweeper.sweep();
    }

    /** The item bank and papers (for tools running in the server's process). */
    public BankStore bank() {
        return bank;
    }

    /** Kiosks parked waiting for their key (read by the load simulator to know when a lab is ready). */
    public KeyRelease keyRelease() {
        return keyRelease;
    }

    /** The CA kiosks and consoles pin, and its fingerprint. */
    public LocalCertificateAuthority.TlsFiles tls() {
        return tls;
    }

    /** The address to reach this server on this machine. */
    public java.net.URI localUri() {
        return java.net.URI.create("https://127.0.0.1:" + port());
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return http.actualPort();
    }

    public Path reportsFolder(long sessionId) {
        return reports.folder(sessionId);
    }

    /** The demo data, when the server was started with it. */
    public DemoExam.Seeded demo() {
        if (demo == null) {
            throw new IllegalStateException("the server was not started with the demo exam");
        }
        return demo;
    }
}
