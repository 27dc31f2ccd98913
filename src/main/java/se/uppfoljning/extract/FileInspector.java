package se.uppfoljning.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * One pass over a file's bytes: its SHA-256 (re-delivery of the same content is a no-op) and its text
 * encoding. CSV is UTF-16 when it starts with that BOM; UTF-8 when every byte sequence is valid UTF-8;
 * Windows-1252 (what Excel on Swedish Windows writes) when no sequence is; both ("UTF-8 +
 * windows-1252") when lines of the two were put together, each sequence then read as what it is; and
 * "binary" when it holds NUL bytes or many control characters, or is a ZIP or OLE2 file (a workbook).
 */
public final class FileInspector {
    public record Inspection(String sha256, long size, String encoding) {
    }

    public static final String UTF_8 = "UTF-8";
    public static final String UTF_8_BOM = "UTF-8 (BOM)";
    public static final String WINDOWS_1252 = "windows-1252";
    public static final String MIXED = "UTF-8 + windows-1252";
    public static final String UTF_16 = "UTF-16";
    public static final String BINARY = "binary";
    public static final String XLSX = "XLSX";

    private FileInspector() {
    }

    public static Inspection inspect(Path file, boolean xlsx) throws IOException {
        MessageDigest sha = sha256();
        Counts counts = new Counts();
        long size = 0;
        byte[] head = new byte[8];
        int headLen = 0;
        byte[] work = new byte[(1 << 16) + 4];
        int carry = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                sha.update(buf, 0, n);
                for (int i = 0; i < n && headLen < head.length; i++) head[headLen++] = buf[i];
                size += n;
                if (!xlsx) {
                    System.arraycopy(buf, 0, work, carry, n);
                    carry = counts.scan(work, carry + n, false);
                }
            }
        }
        if (!xlsx) counts.scan(work, carry, true);
        String hash = HexFormat.of().formatHex(sha.digest());
        if (xlsx) return new Inspection(hash, size, XLSX);
        return new Inspection(hash, size, encoding(Arrays.copyOf(head, headLen), counts, size));
    }

    /** What the bytes of a CSV file say about it. */
    private static final class Counts {
        long validSequences;
        long invalidBytes;
        long nul;
        long controls;

        /** Counts {@code work[0..len)}; returns how many bytes at the end wait for the next buffer. */
        int scan(byte[] work, int len, boolean last) {
            int i = 0;
            while (i < len) {
                int b = work[i] & 0xFF;
                if (b < 0x80) {
                    if (b == 0) nul++;
                    else if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1A) || b == 0x7F) controls++;
                    i++;
                    continue;
                }
                int seq = MixedEncodingReader.utf8Length(work, i, len);
                if (seq == 0 && !last && len - i < 4) {
                    System.arraycopy(work, i, work, 0, len - i);
                    return len - i;
                }
                if (seq == 0) {
                    invalidBytes++;
                    i++;
                } else {
                    validSequences++;
                    i += seq;
                }
            }
            return 0;
        }
    }

    private static String encoding(byte[] head, Counts counts, long size) {
        if (head.length >= 2 && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE) || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF))) {
            return UTF_16;
        }
        if (counts.nul > 0 || isZip(head) || isOle2(head) || (counts.controls > 8 && counts.controls * 100 > size)) {
            return BINARY;
        }
        boolean bom = head.length >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF;
        if (counts.invalidBytes == 0) return bom ? UTF_8_BOM : UTF_8;
        return counts.validSequences == 0 ? WINDOWS_1252 : MIXED;
    }

    static boolean isZip(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    /** The OLE2 compound file of an old .xls workbook, or of a password-protected .xlsx. */
    static boolean isOle2(byte[] head) {
        byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        return head.length >= 8 && Arrays.equals(Arrays.copyOf(head, 8), magic);
    }

    /** The first eight bytes of a file. */
    static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(8);
        }
    }

    /** Whether the file starts like a ZIP archive, as every real XLSX does. */
    public static boolean looksLikeZip(Path file) throws IOException {
        return isZip(head(file));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
