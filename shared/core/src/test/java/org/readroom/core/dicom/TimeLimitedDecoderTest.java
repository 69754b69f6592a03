package org.readroom.core.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimeLimitedDecoderTest {

    private static final Path FILE = Path.of("slice.dcm");
    private static final Duration TEST_GUARD = Duration.ofSeconds(10);

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final CountDownLatch neverReleased = new CountDownLatch(1);
    private final CountDownLatch interrupted = new CountDownLatch(1);

    /** A codec stuck forever (until interrupted), like a decoder looping on a corrupt code stream. */
    private final DicomDecoder stuck = file -> {
        try {
            neverReleased.await();
        } catch (InterruptedException e) {
            interrupted.countDown();
        }
        return new DecodeResult.Failed("released");
    };

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void aDecoderThatNeverFinishesGivesUpAfterTheLimitAndIsInterrupted() throws InterruptedException {
        TimeLimitedDecoder decoder = DicomDecoder.withTimeLimit(stuck, Duration.ofMillis(50), executor);
        DecodeResult result = assertTimeoutPreemptively(TEST_GUARD, () -> decoder.decode(FILE));
        assertEquals(new DecodeResult.Failed("decoding took longer than 0.05 s"), result);
        assertTrue(interrupted.await(TEST_GUARD.toSeconds(), TimeUnit.SECONDS), "decoding thread interrupted");
    }

    @Test
    void asyncDecodingCompletesWithTheTimeOutReasonInsteadOfHanging() {
        TimeLimitedDecoder decoder = DicomDecoder.withTimeLimit(stuck, Duration.ofMillis(200), executor);
        DecodeResult result = assertTimeoutPreemptively(
                TEST_GUARD, () -> decoder.decodeAsync(FILE).get());
        assertEquals(new DecodeResult.Failed("decoding took longer than 0.2 s"), result);
    }

    @Test
    void decodingRunsOnTheExecutorNotOnTheCallingThread() {
        AtomicReference<Thread> decodingThread = new AtomicReference<>();
        DecodeResult expected = new DecodeResult.Failed("not an image");
        DicomDecoder recording = file -> {
            decodingThread.set(Thread.currentThread());
            return expected;
        };
        TimeLimitedDecoder decoder = DicomDecoder.withTimeLimit(recording, Duration.ofSeconds(5), executor);
        assertEquals(expected, decoder.decode(FILE));
        assertNotSame(Thread.currentThread(), decodingThread.get());
    }

    @Test
    void aDecoderThatThrowsDespiteItsContractBecomesAFailure() throws Exception {
        DicomDecoder throwing = file -> {
            throw new IllegalStateException("codec bug");
        };
        TimeLimitedDecoder decoder = DicomDecoder.withTimeLimit(throwing, Duration.ofSeconds(5), executor);
        assertEquals(new DecodeResult.Failed("decoding failed: codec bug"), decoder.decode(FILE));
        assertEquals(
                new DecodeResult.Failed("decoding failed: codec bug"),
                decoder.decodeAsync(FILE).get());
    }

    @Test
    void aShutDownExecutorGivesAFailureNotAnException() throws Exception {
        executor.shutdown();
        TimeLimitedDecoder decoder =
                DicomDecoder.withTimeLimit(file -> fail("must not run"), Duration.ofSeconds(5), executor);
        assertTrue(assertInstanceOf(DecodeResult.Failed.class, decoder.decode(FILE))
                .reason()
                .startsWith("decoding could not start"));
        assertInstanceOf(DecodeResult.Failed.class, decoder.decodeAsync(FILE).get());
    }

    @Test
    void anInterruptedCallerGetsAFailureAndKeepsItsInterruptFlag() {
        TimeLimitedDecoder decoder = DicomDecoder.withTimeLimit(stuck, Duration.ofSeconds(30), executor);
        Thread.currentThread().interrupt();
        try {
            assertEquals(new DecodeResult.Failed("decoding was interrupted"), decoder.decode(FILE));
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aLimitMustBePositive() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> DicomDecoder.withTimeLimit(stuck, Duration.ZERO, executor));
        assertEquals("limit must be positive but was PT0S", e.getMessage());
    }

    @Test
    void secondsAreWrittenWithoutTrailingZeros() {
        assertEquals("30", TimeLimitedDecoder.seconds(Duration.ofSeconds(30)));
        assertEquals("1.5", TimeLimitedDecoder.seconds(Duration.ofMillis(1500)));
    }

    private static DecodeResult fail(String message) {
        throw new AssertionError(message);
    }
}
