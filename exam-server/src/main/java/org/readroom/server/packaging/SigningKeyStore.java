package org.readroom.server.packaging;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.Set;
import org.readroom.core.packaging.SigningKeys;

/**
 * The server's package-signing key pair in {@code DATA/keys/}: created on first use, the private key readable by the
 * server's user only, the public key beside it in hex for kiosks to pin.
 */
public final class SigningKeyStore {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private SigningKeyStore() {}

    public static SigningKeys loadOrCreate(Path dataDir) throws IOException {
        Path dir = dataDir.resolve("keys");
        Path privateFile = dir.resolve("package-signing.key");
        Path publicFile = dir.resolve("package-signing.pub");
        if (Files.exists(privateFile)) {
            return load(privateFile);
        }
        Files.createDirectories(dir);
        SigningKeys keys = SigningKeys.generate();
        try {
            Files.createFile(privateFile, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException raced) {
            return load(privateFile);
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(privateFile);
        }
        Files.write(privateFile, keys.privateKey());
        Files.writeString(publicFile, HexFormat.of().formatHex(keys.publicKey()) + "\n");
        return keys;
    }

    private static SigningKeys load(Path privateFile) throws IOException {
        byte[] raw = Files.readAllBytes(privateFile);
        if (raw.length != 32) {
            throw new IOException(
                    privateFile + " is not a package-signing key (expected 32 bytes, found " + raw.length + ")");
        }
        return new SigningKeys(raw, null);
    }
}
