package org.readroom.core.protocol;

import com.fasterxml.jackson.databind.JavaType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.readroom.core.enrolment.KioskIdentity;
import org.readroom.core.errors.ApiException;
import org.readroom.core.errors.ErrorCode;

/**
 * An HTTP connection to the exam server speaking protocol v1: JSON bodies, a bearer token once logged in, and every
 * failure turned into an {@link ApiException} from the error catalogue.
 */
public final class ServerConnection implements AutoCloseable {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    private final URI base;
    private final PinnedTrust trust;
    private final HttpClient http;
    private volatile String token;

    /** A connection over TLS to a server whose certificate authority is the pinned one; plain HTTP is refused. */
    public ServerConnection(URI base, PinnedTrust trust) {
        this(base, trust, client(trust));
    }

    /**
     * A connection that shares an HTTP client (and its connection pool) with others: many protocol-level kiosks in one
     * JVM, as the load simulator runs them, each with its own token.
     */
    public ServerConnection(URI base, PinnedTrust trust, HttpClient shared) {
        if (!"https".equals(base.getScheme())) {
            throw new IllegalArgumentException("server address must start with https://, was " + base);
        }
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.trust = trust;
        this.http = shared;
    }

    /** An HTTP/1.1 client that trusts only the pinned certificate authority. */
    public static HttpClient client(PinnedTrust trust) {
        return HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(trust.sslContext())
                .build();
    }

    public URI base() {
        return base;
    }

    void token(String token) {
        this.token = token;
    }

    public boolean loggedIn() {
        return token != null;
    }

    <T> CompletableFuture<T> post(String path, Object body, Class<T> type) {
        HttpRequest.Builder request = request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Wire.encode(body)));
        return send(request, Wire.mapper().constructType(type));
    }

    <T> CompletableFuture<T> post(String path, Object body, JavaType type) {
        HttpRequest.Builder request = request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Wire.encode(body)));
        return send(request, type);
    }

    <T> CompletableFuture<T> get(String path, Class<T> type) {
        return send(request(path).GET(), Wire.mapper().constructType(type));
    }

    <T> CompletableFuture<T> get(String path, JavaType type) {
        return send(request(path).GET(), type);
    }

    /** A request signed by an enrolled kiosk (see {@link KioskSigning}); body may be null for GET. */
    <T> CompletableFuture<T> signed(
            String method,
            String path,
            String query,
            Object body,
            KioskIdentity identity,
            String kioskId,
            JavaType type) {
        return signed(method, path, query, body, identity, kioskId, type, REQUEST_TIMEOUT);
    }

    /** As above, for a request the server may hold (a parked key request): {@code timeout} covers the wait. */
    <T> CompletableFuture<T> signed(
            String method,
            String path,
            String query,
            Object body,
            KioskIdentity identity,
            String kioskId,
            JavaType type,
            Duration timeout) {
        byte[] bytes = body == null ? new byte[0] : Wire.encode(body);
        String pathAndQuery = path + (query == null ? "" : "?" + query);
        HttpRequest.Builder request = request(pathAndQuery).timeout(timeout);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(
                method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes));
        KioskSigning.sign(request, identity, kioskId, method, pathAndQuery, System.currentTimeMillis(), bytes);
        return send(request, type);
    }

    /** A streamed response: status, one header, and the body (closing it closes the connection). */
    record Streamed(int status, String contentRange, java.io.InputStream body) {}

    /**
     * A signed GET whose body is streamed to the caller (package downloads), run on {@code io}. It goes over a
     * blocking TLS socket rather than the asynchronous client: bulk data then passes through far fewer buffers.
     * The caller checks the status and closes the body.
     */
    CompletableFuture<Streamed> signedStream(
            String path,
            KioskIdentity identity,
            String kioskId,
            java.util.Map<String, String> headers,
            java.util.concurrent.Executor io) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        javax.net.ssl.HttpsURLConnection connection = (javax.net.ssl.HttpsURLConnection)
                                URI.create(base + path).toURL().openConnection();
                        connection.setSSLSocketFactory(trust.sslContext().getSocketFactory());
                        connection.setConnectTimeout(5_000);
                        connection.setReadTimeout((int) REQUEST_TIMEOUT.toMillis() * 4);
                        connection.setRequestProperty("X-ReadRoom-Protocol", ApiPaths.VERSION);
                        headers.forEach(connection::setRequestProperty);
                        KioskSigning.headers(identity, kioskId, "GET", path, System.currentTimeMillis(), new byte[0])
                                .forEach(connection::setRequestProperty);
                        int status = connection.getResponseCode();
                        java.io.InputStream body =
                                status >= 400 ? connection.getErrorStream() : connection.getInputStream();
                        return new Streamed(
                                status,
                                connection.getHeaderField("Content-Range"),
                                body == null ? java.io.InputStream.nullInputStream() : body);
                    } catch (java.io.IOException e) {
                        throw unreachable(path, e);
                    }
                },
                io);
    }

    /** The catalogue error carried by an error response body that was streamed. */
    static ApiException errorFromStream(String path, Streamed response) {
        try (java.io.InputStream in = response.body()) {
            byte[] body = in.readAllBytes();
            Messages.ErrorBody error = Wire.decode(body, Messages.ErrorBody.class);
            return new ApiException(ErrorCode.fromCode(error.code()), path + ": " + error.message());
        } catch (java.io.IOException | IllegalArgumentException e) {
            return new ApiException(ErrorCode.INTERNAL, path + ": HTTP " + response.status());
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .header("X-ReadRoom-Protocol", ApiPaths.VERSION);
        String current = token;
        if (current != null) {
            builder.header("Authorization", "Bearer " + current);
        }
        return builder;
    }

    private <T> CompletableFuture<T> send(HttpRequest.Builder request, JavaType type) {
        String path = request.build().uri().getPath();
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw unreachable(path, failure);
                    }
                    if (response.statusCode() / 100 != 2) {
                        throw toError(path, response);
                    }
                    try {
                        return Wire.mapper().readValue(response.body(), type);
                    } catch (java.io.IOException e) {
                        throw new ApiException(ErrorCode.INTERNAL, path + ": unreadable response", e);
                    }
                });
    }

    private static ApiException unreachable(String path, Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return new ApiException(ErrorCode.SERVER_UNREACHABLE, path + ": " + cause, cause);
    }

    private static ApiException toError(String path, HttpResponse<byte[]> response) {
        try {
            Messages.ErrorBody body = Wire.decode(response.body(), Messages.ErrorBody.class);
            return new ApiException(ErrorCode.fromCode(body.code()), path + ": " + body.message());
        } catch (IllegalArgumentException e) {
            return new ApiException(
                    ErrorCode.INTERNAL, path + ": HTTP " + response.statusCode() + " without error body");
        }
    }

    /** The cause an async call failed with, unwrapped, as the catalogue error it carries. */
    public static ApiException errorOf(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof ApiException api
                ? api
                : new ApiException(ErrorCode.INTERNAL, String.valueOf(cause), cause);
    }

    @Override
    public void close() {
        // java.net.http.HttpClient gained close() only in Java 21; dropping the reference lets it stop.
        token = null;
    }
}
