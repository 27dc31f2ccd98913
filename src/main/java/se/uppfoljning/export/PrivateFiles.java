package se.uppfoljning.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files with personnummer (SPEC §7): owner-only from the moment they exist. A folder is created 0700
 * and a file 0600 with the permissions given at creation (no window in which another user could
 * open it), written under a temporary name in the same folder and moved into place atomically, so
 * a reader never sees half a file.
 */
public final class PrivateFiles {
    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Logger LOG = LoggerFactory.getLogger(PrivateFiles.class);

    private PrivateFiles() {
    }

    /**
     * The folder, created 0700 when missing (its parents with the usual permissions). An existing
     * folder that others can read is narrowed to 0700, with a warning in the log.
     */
    public static Path folder(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        try {
            Files.createDirectory(absolute, attribute(FOLDER));
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(absolute)) throw e;
            Set<PosixFilePermission> now = Files.getPosixFilePermissions(absolute);
            if (!now.equals(FOLDER)) {
                LOG.warn("Folder {} had permissions {}; narrowed to rwx------ (it holds files with personnummer)",
                        absolute, PosixFilePermissions.toString(now));
                Files.setPosixFilePermissions(absolute, FOLDER);
            }
        }
        return absolute;
    }

    /**
     * A file written as it goes, for content too large to hold in memory: the bytes go to the
     * temporary name (created 0600), and {@link Pending#commit} or {@link Pending#refresh} puts them in
     * place; closing without either removes the temporary file.
     */
    public static Pending open(Path target) throws IOException {
        Path temp = temporary(target);
        Files.deleteIfExists(temp);
        OutputStream out = Channels.newOutputStream(Files.newByteChannel(temp,
                EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attribute(FILE)));
        return new Pending(target, temp, out);
    }

    /** A file being written under its temporary name; see {@link #open}. */
    public static final class Pending implements AutoCloseable {
        private final Path target;
        private final Path temp;
        private final MessageDigest digest;
        private final OutputStream out;
        private boolean closed;
        private boolean done;
        private String sha256;

        private Pending(Path target, Path temp, OutputStream file) {
            this.target = target;
            this.temp = temp;
            this.digest = sha256Digest();
            this.out = new DigestOutputStream(new BufferedOutputStream(file, 1 << 16), digest);
        }

        /** Where the bytes go; the SHA-256 of everything written through it is {@link #sha256}. */
        public OutputStream stream() {
            return out;
        }

        /** The SHA-256 of the bytes written; call after the writer on {@link #stream} is flushed or closed. */
        public String sha256() {
            if (sha256 == null) sha256 = HexFormat.of().formatHex(digest.digest());
            return sha256;
        }

        /** Finishes the file and moves it atomically over any earlier one. */
        public void commit() throws IOException {
            finish();
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            done = true;
        }

        /**
         * For files rewritten on every run (worklists): moves the file into place only when its content differs
         * from the file there; when {@code empty}, removes both. Returns whether anything on disk changed.
         */
        public boolean refresh(boolean empty) throws IOException {
            finish();
            done = true;
            if (empty) {
                Files.deleteIfExists(temp);
                return Files.deleteIfExists(target);
            }
            if (Files.isRegularFile(target) && Files.mismatch(target, temp) == -1) {
                Files.deleteIfExists(temp);
                return false;
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        }

        private void finish() throws IOException {
            if (!closed) {
                closed = true;
                out.close();
            }
        }

        /** Removes the temporary file unless it was committed. */
        @Override
        public void close() throws IOException {
            try {
                finish();
            } finally {
                if (!done) Files.deleteIfExists(temp);
            }
        }
    }

    private static Path temporary(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".writing");
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every row of an export is hashed ({@link ExportRow#hashOf}): looking the digest up per row was
     * 4 % of a first SUS export's samples at 1,000,000 episodes, so each thread keeps one (digest()
     * resets it).
     */
    private static final ThreadLocal<MessageDigest> ROW_DIGEST = ThreadLocal.withInitial(PrivateFiles::sha256Digest);

    public static String sha256(byte[] content) {
        return HexFormat.of().formatHex(ROW_DIGEST.get().digest(content));
    }

    /** Given at creation; a file system without POSIX permissions refuses it, and nothing is written. */
    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> permissions) {
        return PosixFilePermissions.asFileAttribute(permissions);
    }
}
