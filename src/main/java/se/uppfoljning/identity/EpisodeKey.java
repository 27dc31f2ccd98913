package se.uppfoljning.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;

/**
 * An episode's {@code episode_key}: the same for every delivery of the same episode (project, person,
 * start date), so that the exports tell a changed episode from a new one (docs/exports.md); a void
 * (FELREG) episode has a key of its own. It is the first 16 hex digits of the MD5 of
 * {@code project|person key in hex|start date|void}, as the register load made it in SQL until V16,
 * which gives the keys already in a register. MD5 as a fingerprint, not for secrecy: the person key
 * inside is already a keyed hash.
 *
 * <p>Made while the rows are staged, on the staging threads, rather than by the INSERT into
 * episode, which is one PostgreSQL backend on the critical path of the load (about 2 s of its time
 * at 1,000,000 episodes against about 0.3 s of the JVM's while the staging runs).
 */
public final class EpisodeKey {
    private static final HexFormat HEX = HexFormat.of();
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no MD5", e); // every Java SE platform must have it
        }
    });

    private EpisodeKey() {
    }

    public static String of(String projectId, byte[] personKey, LocalDate start, boolean isVoid) {
        // LocalDate prints as PostgreSQL prints a date with DateStyle ISO, which PgJDBC sets
        String text = projectId + '|' + HEX.formatHex(personKey) + '|' + start + (isVoid ? "|void" : "");
        byte[] digest = MD5.get().digest(text.getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(digest, 0, 8);
    }
}
