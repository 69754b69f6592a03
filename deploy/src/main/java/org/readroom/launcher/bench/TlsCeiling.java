package org.readroom.launcher.bench;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.ReferenceCountUtil;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import org.readroom.core.protocol.PinnedTrust;
import org.readroom.server.tls.LocalCertificateAuthority.TlsFiles;

/**
 * What TLS alone costs on this machine, with no network: a server engine encrypts the package's bytes into TLS records
 * and a kiosk engine decrypts them, in memory, one pair per core. Downloading over HTTPS must do this work on top of
 * everything raw TCP does, on the same cores, so it bounds how close HTTPS can come to raw TCP here.
 */
final class TlsCeiling {

    /**
     * The cipher suite the two engines agreed on, the bytes per second they moved in all, and the process's CPU time
     * per byte moved (all threads, so GC and idle server threads are charged to TLS too).
     */
    record Measured(String suite, double bytesPerSecond, double cpuNanosPerByte) {}

    /** Application bytes handed to the server engine at a time: one full TLS record. */
    private static final int RECORD = 16 * 1024;

    private TlsCeiling() {}

    /** Whether the server's engine (BoringSSL through netty-tcnative) is here, as the exam server uses it. */
    static boolean serverEngineAvailable() {
        return OpenSsl.isAvailable();
    }

    /**
     * Bytes per second, in total, that {@code pairs} engine pairs (each on its own thread) move from the server's
     * engine through the kiosk's, {@code bytesPerPair} each. With {@code kioskUsesJdk} the kiosk end is the JDK's TLS,
     * as the kiosk's download uses; otherwise it is BoringSSL too.
     */
    static Measured measure(TlsFiles tls, PinnedTrust trust, boolean kioskUsesJdk, int pairs, long bytesPerPair)
            throws Exception {
        SslContext server = SslContextBuilder.forServer(
                        tls.serverCertificate().toFile(), tls.serverKey().toFile())
                .sslProvider(SslProvider.OPENSSL)
                .build();
        SslContext kiosk = kioskUsesJdk
                ? null
                : SslContextBuilder.forClient()
                        .sslProvider(SslProvider.OPENSSL)
                        .trustManager(trust.certificate())
                        .build();
        ExecutorService pool = Executors.newFixedThreadPool(pairs);
        try {
            // A warm-up pass, so the measured one runs compiled code.
            run(pool, server, kiosk, trust, pairs, Math.min(bytesPerPair, 256L << 20));
            long cpu = DeliveryBenchmark.processCpuNanos();
            long start = System.nanoTime();
            String suite = run(pool, server, kiosk, trust, pairs, bytesPerPair);
            double seconds = (System.nanoTime() - start) / 1e9;
            double bytes = (double) pairs * bytesPerPair;
            return new Measured(suite, bytes / seconds, (DeliveryBenchmark.processCpuNanos() - cpu) / bytes);
        } finally {
            pool.shutdownNow();
        }
    }

    private static String run(
            ExecutorService pool, SslContext server, SslContext kiosk, PinnedTrust trust, int pairs, long bytes)
            throws Exception {
        List<Future<String>> done = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            done.add(pool.submit(() -> {
                SSLEngine serverEngine = server.newEngine(ByteBufAllocator.DEFAULT);
                SSLEngine kioskEngine = kiosk == null
                        ? trust.sslContext().createSSLEngine("127.0.0.1", 443)
                        : kiosk.newEngine(ByteBufAllocator.DEFAULT, "127.0.0.1", 443);
                try {
                    kioskEngine.setUseClientMode(true);
                    serverEngine.setUseClientMode(false);
                    // The JDK's engine is at its fastest on heap buffers, BoringSSL's on direct ones.
                    return transfer(serverEngine, kioskEngine, bytes, kiosk != null);
                } finally {
                    ReferenceCountUtil.release(serverEngine);
                    ReferenceCountUtil.release(kioskEngine);
                }
            }));
        }
        String suite = null;
        for (Future<String> each : done) {
            suite = each.get();
        }
        return suite;
    }

    /** Handshakes in memory, then moves {@code bytes} of application data from server to kiosk; the agreed suite. */
    private static String transfer(SSLEngine server, SSLEngine kiosk, long bytes, boolean direct) throws SSLException {
        int net = Math.max(
                server.getSession().getPacketBufferSize(), kiosk.getSession().getPacketBufferSize());
        int app = Math.max(
                server.getSession().getApplicationBufferSize(),
                kiosk.getSession().getApplicationBufferSize());
        IntFunction<ByteBuffer> allocate = direct ? ByteBuffer::allocateDirect : ByteBuffer::allocate;
        ByteBuffer toKiosk = allocate.apply(net * 4);
        ByteBuffer toServer = allocate.apply(net * 4);
        ByteBuffer kioskApp = allocate.apply(app * 2);
        ByteBuffer serverApp = allocate.apply(app * 2);
        ByteBuffer empty = allocate.apply(0);
        handshake(server, kiosk, toKiosk, toServer, kioskApp, serverApp, empty);

        // The server's engine reads the package from a direct buffer, as the exam server hands it netty's buffers.
        ByteBuffer plain = ByteBuffer.allocateDirect(RECORD);
        for (int i = 0; i < RECORD; i++) {
            plain.put(i, (byte) (i * 31));
        }
        long moved = 0;
        while (moved < bytes) {
            plain.clear().limit((int) Math.min(RECORD, bytes - moved));
            toKiosk.clear();
            SSLEngineResult wrapped = server.wrap(plain, toKiosk);
            check(wrapped, "server wrap");
            if (wrapped.bytesConsumed() == 0) {
                throw new SSLException("the server's engine took no bytes: " + wrapped);
            }
            toKiosk.flip();
            while (toKiosk.hasRemaining()) {
                kioskApp.clear();
                check(kiosk.unwrap(toKiosk, kioskApp), "kiosk unwrap");
                moved += kioskApp.position();
            }
        }
        if (moved != bytes) {
            throw new SSLException("moved " + moved + " bytes through TLS, expected " + bytes);
        }
        return kiosk.getSession().getCipherSuite() + " " + kiosk.getSession().getProtocol();
    }

    private static void handshake(
            SSLEngine server,
            SSLEngine kiosk,
            ByteBuffer toKiosk,
            ByteBuffer toServer,
            ByteBuffer kioskApp,
            ByteBuffer serverApp,
            ByteBuffer empty)
            throws SSLException {
        kiosk.beginHandshake();
        server.beginHandshake();
        for (int round = 0; round < 1000; round++) {
            // BoringSSL's engine may go on reporting NEED_UNWRAP once it has nothing left to do: done is when the
            // kiosk has finished, nothing is in flight and the server has nothing to send.
            boolean quiet = toKiosk.position() == 0 && toServer.position() == 0;
            boolean serverIdle =
                    finished(server.getHandshakeStatus()) || server.getHandshakeStatus() == HandshakeStatus.NEED_UNWRAP;
            if (round > 0 && finished(kiosk.getHandshakeStatus()) && quiet && serverIdle) {
                return;
            }
            step(kiosk, toServer, toKiosk, kioskApp, empty);
            step(server, toKiosk, toServer, serverApp, empty);
        }
        throw new SSLException("the in-memory TLS handshake did not finish: kiosk " + kiosk.getHandshakeStatus()
                + ", server " + server.getHandshakeStatus() + ", " + toKiosk.position() + " bytes to the kiosk, "
                + toServer.position() + " to the server");
    }

    private static boolean finished(HandshakeStatus status) {
        return status == HandshakeStatus.FINISHED || status == HandshakeStatus.NOT_HANDSHAKING;
    }

    /** One step of one engine's handshake: run tasks, write what it has to send, read what it was sent. */
    private static void step(SSLEngine engine, ByteBuffer out, ByteBuffer in, ByteBuffer app, ByteBuffer empty)
            throws SSLException {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
        if (engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
            check(engine.wrap(empty, out), "handshake wrap");
        }
        in.flip();
        while (in.hasRemaining() && engine.getHandshakeStatus() == HandshakeStatus.NEED_UNWRAP) {
            app.clear();
            SSLEngineResult result = engine.unwrap(in, app);
            check(result, "handshake unwrap");
            if (result.bytesConsumed() == 0) {
                break;
            }
        }
        in.compact();
    }

    private static void check(SSLEngineResult result, String what) throws SSLException {
        if (result.getStatus() != SSLEngineResult.Status.OK) {
            throw new SSLException(what + ": " + result);
        }
    }
}
