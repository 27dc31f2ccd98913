package se.uppfoljning.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** UTF-8 and Windows-1252 in one file: each byte sequence is read as what it is. */
class MixedEncodingReaderTest {

    static String read(byte[] bytes) throws Exception {
        StringWriter out = new StringWriter();
        try (Reader r = new MixedEncodingReader(new ByteArrayInputStream(bytes))) {
            r.transferTo(out);
        }
        return out.toString();
    }

    @Test
    void utf8AndWindows1252LinesBothKeepTheirLetters() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write("Hässelby;€;😀\n".getBytes(StandardCharsets.UTF_8));
        b.write("Hässelby;€;Åsa\n".getBytes(Charset.forName("windows-1252")));
        assertThat(read(b.toByteArray())).isEqualTo("Hässelby;€;😀\nHässelby;€;Åsa\n");
    }

    @Test
    void aSequenceAcrossTheBufferBoundaryIsNotCut() throws Exception {
        for (int pad = 65_530; pad < 65_540; pad++) {
            byte[] text = ("x".repeat(pad) + "ö😀ä").getBytes(StandardCharsets.UTF_8);
            assertThat(read(text)).endsWith("ö😀ä").hasSize(pad + 4);
        }
    }

    @Test
    void overlongFormsAndSurrogatesAreNotUtf8() throws Exception {
        // C0 80 (overlong NUL) and ED A0 80 (a surrogate) are read byte by byte as Windows-1252
        assertThat(read(new byte[] {(byte) 0xC0, (byte) 0x80})).isEqualTo("À€");
        assertThat(read(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})).isEqualTo("\u00ed\u00a0\u20ac");
    }
}
