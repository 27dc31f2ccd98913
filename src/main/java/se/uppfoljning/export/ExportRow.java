package se.uppfoljning.export;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One row of an export as it is written and kept: the cells without the personnummer (which is
 * added only when the file is written), the person it is about and the hash that detects a change.
 *
 * @param episodeKey   the episode (stable across re-deliveries); null in files without personal rows
 * @param event        ESF: START or SLUT; else null
 * @param personKey    whose row it is; with {@code pnrEncrypted} the only link to the number
 * @param pnrEncrypted the number as the register stores it, decrypted only into the file; null when
 *                     the file has no personnummer column
 * @param hash         {@link #hashOf} over the row's content (without personnummer and change marker)
 * @param marker       SUS: NY, ANDRAD, AVSLUTAD, BORTTAGEN; ESF: the rattelse flag; else null
 * @param cells        the row as written, without the personnummer column
 */
public record ExportRow(String episodeKey, String event, String personKey, byte[] pnrEncrypted, String hash,
                        String marker, List<String> cells) {

    /** SHA-256 over the content cells and the person key, unit-separated so that no two rows collide. */
    public static String hashOf(List<String> content, String personKey) {
        StringBuilder s = new StringBuilder();
        for (String c : content) s.append(c == null ? "" : c).append('\u001f');
        s.append(personKey == null ? "" : personKey);
        return PrivateFiles.sha256(s.toString().getBytes(StandardCharsets.UTF_8));
    }
}
