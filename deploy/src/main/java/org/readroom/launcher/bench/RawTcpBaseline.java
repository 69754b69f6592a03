package org.readroom.launcher.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The yardstick: the same file sent to the same number of readers over plain loopback TCP, nothing else. */
final class RawTcpBaseline {

    private RawTcpBaseline() {}

    /** Bytes per second delivered in total to {@code readers} concurrent readers of {@code file}. */
    static double throughput(Path file, int readers) throws Exception {
        long size = Files.size(file);
        ExecutorService pool = Executors.newFixedThreadPool(readers * 2);
        try (ServerSocket server = new ServerSocket(0, readers * 2, InetAddress.getLoopbackAddress())) {
            List<Future<Long>> received = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < readers; i++) {
                pool.submit(() -> {
                    try (Socket socket = server.accept();
                            OutputStream out = socket.getOutputStream();
                            InputStream in = Files.newInputStream(file)) {
                        in.transferTo(out);
                    }
                    return null;
                });
                received.add(pool.submit(() -> read(server.getLocalPort())));
            }
            long total = 0;
            for (Future<Long> each : received) {
                total += each.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (total != size * readers) {
                throw new IOException("raw TCP readers got " + total + " bytes, expected " + size * readers);
            }
            return total / seconds;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long read(int port) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
                InputStream in = socket.getInputStream()) {
            byte[] buffer = new byte[64 * 1024];
            long n = 0;
            int r;
            while ((r = in.read(buffer)) >= 0) {
                n += r;
            }
            return n;
        }
    }
}
