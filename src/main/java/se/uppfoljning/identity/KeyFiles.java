package se.uppfoljning.identity;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * Project secrets (the HMAC secret, the AES key) given in configuration or kept in a key file that
 * is created on first run (SPEC §3). A key file is one line of base64.
 *
 * <p>Losing or replacing a key file makes every stored {@code person_key} and encrypted number
 * useless, so an existing file is never overwritten and the messages say so.
 */
public final class KeyFiles {
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_FOLDER =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_FILE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static final Set<OpenOption> CREATE_NEW =
            Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    private static final String KEEP_IT = " Restore the file from a backup; do not replace it with a new one, or the"
            + " person keys and encrypted numbers made with the old key can no longer be matched or read.";
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyFiles() {
    }

    /**
     * Reads the key in {@code file}, or creates the file with {@code length} random bytes. On a POSIX
     * file system new folders get rwx------ and the file rw-------, set when they are created, so
     * the secret is never readable by others, not even for a moment.
     */
    public static byte[] loadOrCreate(Path file, int length) {
        if (length <= 0) throw new IllegalArgumentException("key length must be positive");
        if (Files.exists(file)) return load(file, length);
        if (!Files.notExists(file)) {
            throw new KeyFileException("Cannot tell whether key file " + file + " exists. Check that the user running"
                    + " uppfoljning may read its folder.");
        }
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        createFolders(file, posix);
        try {
            return create(file, length, posix);
        } catch (FileAlreadyExistsException e) {
            // Another run created it in the meantime; its key is the one in use now.
            return load(file, length);
        } catch (IOException e) {
            throw new KeyFileException("Cannot create key file " + file + " (" + e.getMessage() + "). Check that the user"
                    + " running uppfoljning may write to " + file.toAbsolutePath().getParent()
                    + ", or give the key in the configuration instead.", e);
        }
    }

    /** Decodes a base64 key given in configuration; errors never echo the value. */
    public static byte[] decodeConfigured(String base64, int length) {
        return decodeConfigured(base64, length, null);
    }

    /** As {@link #decodeConfigured(String, int)}, naming {@code setting} (e.g. its YAML key) in errors. */
    public static byte[] decodeConfigured(String base64, int length, String setting) {
        String what = setting == null ? "The configured key" : "Setting '" + setting + "'";
        String howTo = " Give " + length + " random bytes in base64, e.g. the output of: openssl rand -base64 " + length;
        if (base64 == null || base64.isBlank()) throw new KeyFileException(what + " is empty." + howTo);
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            // Not chained: the decoder's message quotes a character of the value.
            throw new KeyFileException(what + " is not valid base64." + howTo);
        }
        if (key.length != length) {
            throw new KeyFileException(what + " decodes to " + key.length + " bytes, not " + length + "." + howTo);
        }
        return key;
    }

    private static void createFolders(Path file, boolean posix) {
        Path folder = file.toAbsolutePath().getParent();
        try {
            if (posix) Files.createDirectories(folder, OWNER_ONLY_FOLDER);
            else Files.createDirectories(folder);
        } catch (IOException e) {
            throw new KeyFileException("Cannot create folder " + folder + " for key file " + file.getFileName()
                    + " (" + e.getMessage() + "). Create it with owner-only access (chmod 700) or choose another"
                    + " key file location.", e);
        }
    }

    private static byte[] create(Path file, int length, boolean posix) throws IOException {
        byte[] key = new byte[length];
        RANDOM.nextBytes(key);
        ByteBuffer text = ByteBuffer.wrap(
                (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII));
        // CREATE_NEW rather than an existence check: it cannot overwrite a key another run just made.
        try (FileChannel channel = posix
                ? FileChannel.open(file, CREATE_NEW, OWNER_ONLY_FILE)
                : FileChannel.open(file, CREATE_NEW)) {
            try {
                while (text.hasRemaining()) channel.write(text);
                // On disk before anything is encrypted with it, so a crash cannot leave an empty key file.
                channel.force(true);
            } catch (IOException e) {
                Files.deleteIfExists(file);
                throw e;
            }
        }
        return key;
    }

    private static byte[] load(Path file, int length) {
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).strip();
        } catch (IOException e) {
            throw new KeyFileException("Cannot read key file " + file + " (" + e.getMessage() + "). Check that the user"
                    + " running uppfoljning may read it.", e);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new KeyFileException("Key file " + file + " is not one line of base64." + KEEP_IT);
        }
        if (key.length != length) {
            throw new KeyFileException("Key file " + file + " holds " + key.length + " bytes, not " + length + "." + KEEP_IT);
        }
        return key;
    }
}
