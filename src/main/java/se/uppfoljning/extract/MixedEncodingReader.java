package se.uppfoljning.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;

/**
 * Decodes a file that is partly UTF-8 and partly Windows-1252, as happens when rows saved by one
 * program are pasted into a file saved by another: every byte sequence that is valid UTF-8 is read
 * as UTF-8, every other byte as Windows-1252. So å ä ö survive in both kinds of lines.
 */
final class MixedEncodingReader extends Reader {
    private static final char[] CP1252 = new String(allBytes(), Charset.forName("windows-1252")).toCharArray();

    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int lim;
    private boolean eof;
    private int pendingLow = -1;

    MixedEncodingReader(InputStream in) {
        this.in = in;
    }

    private static byte[] allBytes() {
        byte[] b = new byte[256];
        for (int i = 0; i < 256; i++) b[i] = (byte) i;
        return b;
    }

    /**
     * The length of the valid UTF-8 sequence of two to four bytes at {@code at}, or 0 when the
     * bytes there are not one (also overlong forms, surrogates and sequences cut off by {@code lim}).
     */
    static int utf8Length(byte[] b, int at, int lim) {
        int lead = b[at] & 0xFF;
        int n;
        int min;
        if (lead >= 0xC2 && lead <= 0xDF) {
            n = 2;
            min = 0x80;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            n = 3;
            min = 0x800;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            n = 4;
            min = 0x10000;
        } else {
            return 0;
        }
        if (at + n > lim) return 0;
        int cp = lead & (0xFF >> (n + 1));
        for (int i = 1; i < n; i++) {
            int c = b[at + i] & 0xFF;
            if ((c & 0xC0) != 0x80) return 0;
            cp = (cp << 6) | (c & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
        return n;
    }

    private static int codePoint(byte[] b, int at, int n) {
        int cp = b[at] & (0xFF >> (n + 1));
        for (int i = 1; i < n; i++) cp = (cp << 6) | (b[at + i] & 0x3F);
        return cp;
    }

    /** Keeps at least four bytes ahead when the file has them, so no sequence is cut. */
    private void fill() throws IOException {
        if (eof || lim - pos >= 4) return;
        System.arraycopy(buf, pos, buf, 0, lim - pos);
        lim -= pos;
        pos = 0;
        while (lim < buf.length) {
            int n = in.read(buf, lim, buf.length - lim);
            if (n < 0) {
                eof = true;
                return;
            }
            lim += n;
            if (lim >= 4) return;
        }
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        int n = 0;
        while (n < len) {
            if (pendingLow >= 0) {
                cbuf[off + n++] = (char) pendingLow;
                pendingLow = -1;
                continue;
            }
            fill();
            if (pos >= lim) break;
            int b = buf[pos] & 0xFF;
            if (b < 0x80) {
                cbuf[off + n++] = (char) b;
                pos++;
                continue;
            }
            int seq = utf8Length(buf, pos, lim);
            if (seq == 0) {
                cbuf[off + n++] = CP1252[b];
                pos++;
                continue;
            }
            int cp = codePoint(buf, pos, seq);
            pos += seq;
            if (cp > 0xFFFF) {
                cbuf[off + n++] = Character.highSurrogate(cp);
                pendingLow = Character.lowSurrogate(cp);
            } else {
                cbuf[off + n++] = (char) cp;
            }
        }
        return n == 0 && len > 0 ? -1 : n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
