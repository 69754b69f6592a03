package org.readroom.server.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The SQLite store. All JDBC runs off the event loop: writes on one ordered writer thread with its own connection
 * (SQLite allows one writer at a time anyway), reads on a small pool of read connections (WAL lets them run beside
 * the writer). Callers get Vert.x futures and never see a connection.
 */
public final class Database implements AutoCloseable {

    private static final int READERS = 2;

    private final Path file;
    private final WorkerExecutor writer;
    private final WorkerExecutor readers;
    private final Connection writeConnection;
    private final BlockingQueue<Connection> readConnections = new ArrayBlockingQueue<>(READERS);

    private Database(Vertx vertx, Path file) throws SQLException {
        this.file = file;
        this.writeConnection = open(file);
        for (int i = 0; i < READERS; i++) {
            readConnections.add(open(file));
        }
        // One shared-worker thread per file: its tasks run in submission order.
        this.writer = vertx.createSharedWorkerExecutor("sqlite-writer-" + file, 1);
        this.readers = vertx.createSharedWorkerExecutor("sqlite-readers-" + file, READERS);
    }

    /** Opens (creating when absent) the database and brings its schema up to date. */
    public static Future<Database> open(Vertx vertx, Path file) {
        return vertx.executeBlocking(() -> {
            Database database = new Database(vertx, file);
            try {
                Migrations.apply(database.writeConnection);
                return database;
            } catch (SQLException | RuntimeException e) {
                database.close();
                throw e;
            }
        });
    }

    public Path file() {
        return file;
    }

    /** Runs work in one transaction on the writer thread; rolls back on any failure. */
    public <T> Future<T> write(SqlWork<T> work) {
        return writer.executeBlocking(() -> inTransaction(writeConnection, work));
    }

    public <T> Future<T> read(SqlWork<T> work) {
        return readers.executeBlocking(() -> {
            Connection connection = readConnections.take();
            try {
                return work.run(connection);
            } finally {
                readConnections.add(connection);
            }
        });
    }

    private static <T> T inTransaction(Connection connection, SqlWork<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static Connection open(Path file) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            statement.execute("PRAGMA synchronous=FULL");
            statement.execute("PRAGMA foreign_keys=ON");
            statement.execute("PRAGMA busy_timeout=5000");
        }
        return connection;
    }

    @Override
    public void close() {
        writer.close();
        readers.close();
        closeQuietly(writeConnection);
        readConnections.forEach(Database::closeQuietly);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing at shutdown: nothing left to protect
        }
    }
}
