package se.uppfoljning.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One pass over a file's bytes: its SHA-256 (re-delivery of the same content is a no-op) and its text
 * encoding. CSV is UTF-8 when every byte sequence is valid UTF-8, UTF-16 when it starts with that BOM,
 * and otherwise Windows-1252, the encoding Excel on Swedish Windows writes.
 */
public final class FileInspector {
    public record Inspection(String sha256, long size, String encoding) {
    }

    private FileInspector() {
    }

    public static Inspection inspect(Path file, boolean xlsx) throws IOException {
        MessageDigest sha = sha256();
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        boolean validUtf8 = true;
        long size = 0;
        byte[] first = new byte[3];
        int firstLen = 0;
        ByteBuffer pending = ByteBuffer.allocate((1 << 16) + 8);
        CharBuffer sink = CharBuffer.allocate(1 << 17);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                sha.update(buf, 0, n);
                for (int i = 0; i < n && firstLen < 3; i++) first[firstLen++] = buf[i];
                size += n;
                if (!xlsx && validUtf8) {
                    pending.put(buf, 0, n).flip();
                    CoderResult r = utf8.decode(pending, sink.clear(), false);
                    if (r.isError()) validUtf8 = false;
                    pending.compact();
                }
            }
        }
        if (!xlsx && validUtf8) {
            pending.flip();
            if (utf8.decode(pending, sink.clear(), true).isError() || utf8.flush(sink).isError()) validUtf8 = false;
        }
        String hash = HexFormat.of().formatHex(sha.digest());
        if (xlsx) return new Inspection(hash, size, "XLSX");
        return new Inspection(hash, size, encoding(first, firstLen, validUtf8));
    }

    private static String encoding(byte[] first, int len, boolean validUtf8) {
        if (len >= 2 && ((first[0] == (byte) 0xFF && first[1] == (byte) 0xFE) || (first[0] == (byte) 0xFE && first[1] == (byte) 0xFF))) {
            return "UTF-16";
        }
        if (len >= 3 && first[0] == (byte) 0xEF && first[1] == (byte) 0xBB && first[2] == (byte) 0xBF && validUtf8) {
            return "UTF-8 (BOM)";
        }
        return validUtf8 ? "UTF-8" : "windows-1252";
    }

    /** Whether the file starts like a ZIP archive, as every real XLSX does. */
    public static boolean looksLikeZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
