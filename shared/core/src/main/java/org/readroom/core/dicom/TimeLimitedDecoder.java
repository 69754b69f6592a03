package org.readroom.core.dicom;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs another decoder on an executor and gives up after a time limit, so a pathological file (a codec stuck in a
 * loop, a huge declared length) can never hang the caller. A stuck decode keeps its executor thread busy until it
 * ends ({@link #decode} interrupts it, but codecs rarely check): give this decoder an executor of its own, never the
 * JavaFX thread's or the event loop's.
 */
public final class TimeLimitedDecoder implements DicomDecoder {

    private final DicomDecoder delegate;
    private final Duration limit;
    private final Executor executor;

    TimeLimitedDecoder(DicomDecoder delegate, Duration limit, Executor executor) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.limit = Objects.requireNonNull(limit, "limit");
        this.executor = Objects.requireNonNull(executor, "executor");
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("limit must be positive but was " + limit);
        }
    }

    /** Decodes on the executor and waits at most the time limit; the calling thread only waits. */
    @Override
    public DecodeResult decode(Path file) {
        Objects.requireNonNull(file, "file");
        FutureTask<DecodeResult> task = new FutureTask<>(() -> delegate.decode(file));
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            return new DecodeResult.Failed("decoding could not start: the decoder is shut down or busy");
        }
        try {
            return task.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            return tooSlow();
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            return new DecodeResult.Failed("decoding was interrupted");
        } catch (ExecutionException e) {
            return crashed(e.getCause());
        }
    }

    /**
     * Starts decoding on the executor and returns at once. The future always completes normally, at the latest
     * when the time limit passes (then with a {@link DecodeResult.Failed} saying so).
     */
    public CompletableFuture<DecodeResult> decodeAsync(Path file) {
        Objects.requireNonNull(file, "file");
        CompletableFuture<DecodeResult> result;
        try {
            result = CompletableFuture.supplyAsync(() -> delegate.decode(file), executor);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(
                    new DecodeResult.Failed("decoding could not start: the decoder is shut down or busy"));
        }
        return result.completeOnTimeout(tooSlow(), limit.toNanos(), TimeUnit.NANOSECONDS)
                .exceptionally(TimeLimitedDecoder::crashed);
    }

    public Duration limit() {
        return limit;
    }

    private DecodeResult.Failed tooSlow() {
        return new DecodeResult.Failed("decoding took longer than " + seconds(limit) + " s");
    }

    // Decoders promise not to throw, but a wrapper must not trust that with the caller's thread.
    private static DecodeResult crashed(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        String message = cause.getMessage();
        return new DecodeResult.Failed("decoding failed: "
                + (message == null || message.isBlank() ? cause.getClass().getSimpleName() : message));
    }

    static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis())
                .movePointLeft(3)
                .stripTrailingZeros()
                .toPlainString();
    }
}
