package org.readroom.launcher;

import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.readroom.core.protocol.Messages.StaffLoginRequest;
import org.readroom.core.protocol.PinnedTrust;
import org.readroom.core.protocol.ServerConnection;
import org.readroom.core.protocol.StaffApi;
import org.readroom.server.ExamServer;
import org.readroom.server.ServerConfig;
import org.readroom.server.demo.DemoExam;

/** A real exam server with the demo exam on a loopback port, its data in the given folder; {@link #close} stops it. */
final class DemoServer implements AutoCloseable {

    private final Vertx vertx;
    private final ExamServer server;
    private final PinnedTrust trust;

    private DemoServer(Vertx vertx, ExamServer server, PinnedTrust trust) {
        this.vertx = vertx;
        this.server = server;
        this.trust = trust;
    }

    static DemoServer start(Path data) throws Exception {
        return start(data, Clock.systemUTC());
    }

    /** The same, with the server's time read from {@code clock} (a test moves it). */
    static DemoServer start(Path data, Clock clock) throws Exception {
        Vertx vertx = Vertx.vertx();
        ExamServer server = new ExamServer(ServerConfig.of(data, 0, true).onLoopback(), clock);
        try {
            vertx.deployVerticle(server)
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(60, TimeUnit.SECONDS);
            return new DemoServer(
                    vertx, server, PinnedTrust.fromFile(server.tls().caCertificate()));
        } catch (Exception e) {
            vertx.close();
            throw e;
        }
    }

    ExamServer server() {
        return server;
    }

    URI url() {
        return server.localUri();
    }

    /** The server's certificate authority, as a kiosk or console pins it. */
    PinnedTrust trust() {
        return trust;
    }

    /** A console connection logged in as the demo proctor. */
    StaffApi proctor() throws Exception {
        StaffApi proctor = new StaffApi(new ServerConnection(url(), trust));
        proctor.login(new StaffLoginRequest(DemoExam.PROCTOR_USER, DemoExam.PROCTOR_PASSWORD))
                .get(30, TimeUnit.SECONDS);
        return proctor;
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
