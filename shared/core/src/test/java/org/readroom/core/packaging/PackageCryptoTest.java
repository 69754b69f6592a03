package org.readroom.core.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readroom.core.packaging.PackageException.Reason;

/** Package crypto that cannot pass by accident: every kind of tampering is refused with its own reason. */
class PackageCryptoTest {

    private static final int CHUNK = 4096;
    private static final String SECRET = "右肺结节 answer key: A — confidential paper text";

    @TempDir
    Path dir;

    private final SigningKeys server = SigningKeys.generate();
    private final byte[] key = PackageWriter.newContentKey();
    private Path file;
    private Manifest manifest;
    private byte[] image;

    @BeforeEach
    void build() throws IOException {
        image = new byte[3 * CHUNK];
        new Random(7).nextBytes(image);
        file = dir.resolve("paper.rrpkg");
        byte[] paper = (SECRET + " ").repeat(50).getBytes(StandardCharsets.UTF_8);
        manifest = PackageWriter.write(
                file,
                "demo",
                List.of(
                        new PackageWriter.Content("paper.json", paper),
                        new PackageWriter.Content("assets/ct-1", image)),
                key,
                server,
                1_000L,
                CHUNK);
    }

    private PackageException refused(Path candidate) {
        return assertThrows(PackageException.class, () -> PackageReader.verify(candidate, server.publicKey()));
    }

    private Path altered(java.util.function.UnaryOperator<byte[]> change) throws IOException {
        Path copy = dir.resolve("altered-" + System.nanoTime() + ".rrpkg");
        Files.write(copy, change.apply(Files.readAllBytes(file)));
        return copy;
    }

    private long chunkStart(int index) throws Exception {
        long offset = PackageReader.open(file, server.publicKey()).chunksOffset();
        for (int i = 0; i < index; i++) {
            offset += manifest.chunks().get(i).length();
        }
        return offset;
    }

    @Test
    void theFileNeverContainsThePlaintext() throws IOException {
        String raw = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        String secret = new String(SECRET.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertTrue(!raw.contains(secret) && !raw.contains("confidential"), "plaintext leaked into the package");
        byte[] bytes = Files.readAllBytes(file);
        byte[] firstImageBlock = Arrays.copyOf(image, 64);
        for (int i = 0; i + 64 <= bytes.length; i++) {
            if (Arrays.equals(Arrays.copyOfRange(bytes, i, i + 64), firstImageBlock)) {
                throw new AssertionError("image bytes appear in the clear at offset " + i);
            }
        }
    }

    @Test
    void theRightKeyOpensEveryEntry() throws Exception {
        assertEquals(manifest, PackageReader.verify(file, server.publicKey()));
        assertArrayEquals(image, PackageReader.read(file, server.publicKey(), key, "assets/ct-1"));
        String paper =
                new String(PackageReader.read(file, server.publicKey(), key, "paper.json"), StandardCharsets.UTF_8);
        assertTrue(paper.startsWith(SECRET));
    }

    @Test
    void aWrongKeyIsRefused() {
        byte[] other = PackageWriter.newContentKey();
        PackageException e = assertThrows(
                PackageException.class, () -> PackageReader.read(file, server.publicKey(), other, "paper.json"));
        assertEquals(Reason.WRONG_KEY, e.reason());
    }

    @Test
    void nothingDecryptsWithoutAKey() {
        assertThrows(
                IllegalArgumentException.class,
                () -> PackageReader.read(file, server.publicKey(), new byte[0], "paper.json"));
        assertThrows(
                IllegalArgumentException.class, () -> PackageReader.read(file, server.publicKey(), null, "paper.json"));
    }

    @Test
    void aFlippedByteInAnyChunkIsRefusedNamingTheChunk() throws Exception {
        for (Manifest.Chunk chunk : manifest.chunks()) {
            long at = chunkStart(chunk.index()) + chunk.length() / 2;
            Path bad = altered(bytes -> {
                bytes[(int) at] ^= 0x01;
                return bytes;
            });
            PackageException e = refused(bad);
            assertEquals(Reason.CHUNK_CORRUPT, e.reason());
            assertTrue(e.getMessage().contains("chunk " + chunk.index()), e.getMessage());
        }
    }

    @Test
    void swappedChunksAreRefusedAsOutOfPlace() throws Exception {
        // The image's three chunks have the same length, so they can be swapped in place.
        Manifest.Entry entry = manifest.entry("assets/ct-1");
        int a = entry.firstChunk();
        int b = a + 1;
        int length = manifest.chunks().get(a).length();
        long startA = chunkStart(a);
        long startB = chunkStart(b);
        Path swapped = altered(bytes -> {
            byte[] chunkA = Arrays.copyOfRange(bytes, (int) startA, (int) startA + length);
            System.arraycopy(bytes, (int) startB, bytes, (int) startA, length);
            System.arraycopy(chunkA, 0, bytes, (int) startB, length);
            return bytes;
        });
        PackageException e = refused(swapped);
        assertEquals(Reason.CHUNK_OUT_OF_PLACE, e.reason());
        assertTrue(e.getMessage().contains("chunk " + a + " holds the data of chunk " + b), e.getMessage());
    }

    @Test
    void aChunkSealedForAnotherPlaceDoesNotAuthenticateEvenWithTheKey() throws Exception {
        byte[] sealed = PackageCrypto.seal(key, PackageFormat.associatedData("package-1", 3), new byte[] {1, 2, 3});
        assertArrayEquals(
                new byte[] {1, 2, 3}, PackageCrypto.open(key, PackageFormat.associatedData("package-1", 3), sealed));
        assertThrows(
                InvalidCipherTextException.class,
                () -> PackageCrypto.open(key, PackageFormat.associatedData("package-1", 4), sealed));
        assertThrows(
                InvalidCipherTextException.class,
                () -> PackageCrypto.open(key, PackageFormat.associatedData("package-2", 3), sealed));
    }

    @Test
    void aTruncatedPackageIsRefusedAsTruncated() throws Exception {
        long size = Files.size(file);
        for (long cut : new long[] {size - 1, chunkStart(2) + 10, 40}) {
            Path shorter = altered(bytes -> Arrays.copyOf(bytes, (int) cut));
            PackageException e = refused(shorter);
            assertEquals(Reason.TRUNCATED, e.reason(), "cut at " + cut + ": " + e.getMessage());
        }
    }

    @Test
    void aManifestSignedByAnotherKeyIsRefused() throws Exception {
        SigningKeys intruder = SigningKeys.generate();
        Path forged = dir.resolve("forged.rrpkg");
        PackageWriter.write(
                forged,
                "demo",
                List.of(new PackageWriter.Content("paper.json", new byte[] {1})),
                key,
                intruder,
                1L,
                CHUNK);
        assertEquals(Reason.BAD_SIGNATURE, refused(forged).reason());
    }

    @Test
    void anEditedManifestIsRefusedAsBadSignature() throws Exception {
        Path edited = altered(bytes -> {
            String text = new String(bytes, StandardCharsets.ISO_8859_1)
                    .replaceFirst("\"paperId\":\"demo\"", "\"paperId\":\"deme\"");
            return text.getBytes(StandardCharsets.ISO_8859_1);
        });
        assertEquals(Reason.BAD_SIGNATURE, refused(edited).reason());
    }

    @Test
    void anUnknownHeaderVersionIsRefused() throws Exception {
        Path future = altered(bytes -> {
            bytes[PackageFormat.MAGIC.length] = 2;
            return bytes;
        });
        PackageException e = refused(future);
        assertEquals(Reason.UNSUPPORTED_VERSION, e.reason());
        assertTrue(e.getMessage().contains("version 2"), e.getMessage());
    }

    @Test
    void somethingElseIsNotAPackage() throws Exception {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "hello");
        assertEquals(Reason.NOT_A_PACKAGE, refused(text).reason());
    }

    @Test
    void eachRefusalHasItsOwnMessage() throws Exception {
        java.util.Set<String> messages = new java.util.HashSet<>();
        messages.add(refused(altered(b -> Arrays.copyOf(b, b.length - 1))).getMessage());
        messages.add(refused(altered(b -> {
                    b[PackageFormat.MAGIC.length] = 9;
                    return b;
                }))
                .getMessage());
        messages.add(assertThrows(
                        PackageException.class,
                        () -> PackageReader.read(file, server.publicKey(), PackageWriter.newContentKey(), "paper.json"))
                .getMessage());
        messages.add(assertThrows(
                        PackageException.class,
                        () -> PackageReader.verify(file, SigningKeys.generate().publicKey()))
                .getMessage());
        assertEquals(4, messages.size(), messages.toString());
    }
}
