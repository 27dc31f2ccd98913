package se.uppfoljning.extract;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Makes the binary files of the hostile corpus: workbooks, encrypted ones, old .xls and a zip bomb. */
final class HostileFiles {
    static final String SHEET = "xl/worksheets/sheet1.xml";

    private HostileFiles() {
    }

    /** An XLSX whose first sheet holds the rows: String, Number and LocalDate become typed cells, null none. */
    static byte[] xlsx(Object[]... rows) {
        return write(new XSSFWorkbook(), rows);
    }

    /** The same in the old binary format (BIFF8, .xls). */
    static byte[] xls(Object[]... rows) {
        return write(new HSSFWorkbook(), rows);
    }

    private static byte[] write(Workbook wb, Object[]... rows) {
        try (wb; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Sheet sheet = wb.createSheet("Blad1");
            for (int r = 0; r < rows.length; r++) {
                if (rows[r] == null) continue;
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v == null) continue;
                    Cell cell = row.createCell(c);
                    if (v instanceof Number n) cell.setCellValue(n.doubleValue());
                    else if (v instanceof LocalDate d) {
                        cell.setCellValue(d);
                        cell.setCellStyle(date);
                    } else cell.setCellValue(v.toString());
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A workbook encrypted with a password, as Excel's "Encrypt with password" does (agile mode). */
    static byte[] passwordProtected(byte[] xlsx, String password) {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword(password);
            try (OPCPackage opc = OPCPackage.open(new ByteArrayInputStream(xlsx));
                 OutputStream os = encryptor.getDataStream(fs)) {
                opc.save(os);
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A valid workbook whose first sheet is one cell holding {@code inflatedMiB} MiB of 'A': a file of
     * about a thousandth of that size. The repeated megabyte is compressed once (a full flush makes
     * each compressed block independent) and written again and again, so making a 2 GiB bomb takes
     * well under a second and never holds it in memory.
     */
    static void zipBomb(Path target, int inflatedMiB) {
        Map<String, byte[]> entries = entries(xlsx(new Object[] {"personnummer", "manad", "belopp"}));
        byte[] prefix = ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>").getBytes(StandardCharsets.US_ASCII);
        byte[] suffix = "</t></is></c></row></sheetData></worksheet>".getBytes(StandardCharsets.US_ASCII);
        byte[] chunk = new byte[1 << 20];
        Arrays.fill(chunk, (byte) 'A');
        try (OutputStream file = Files.newOutputStream(target); Zip zip = new Zip(file)) {
            for (var e : entries.entrySet()) {
                if (!e.getKey().equals(SHEET)) zip.entry(e.getKey(), e.getValue());
            }
            Deflater deflater = new Deflater(9, true);
            ByteArrayOutputStream packed = new ByteArrayOutputStream();
            CRC32 crc = new CRC32();
            packed.write(deflate(deflater, prefix, false));
            crc.update(prefix);
            byte[] block = deflate(deflater, chunk, false);
            byte[] again = deflate(deflater, chunk, false);
            if (!Arrays.equals(block, again)) throw new IllegalStateException("full-flush blocks differ");
            List<byte[]> middle = new ArrayList<>();
            for (int i = 0; i < inflatedMiB; i++) {
                middle.add(block);
                crc.update(chunk);
            }
            byte[] tail = deflate(deflater, suffix, true);
            crc.update(suffix);
            long size = prefix.length + (long) inflatedMiB * chunk.length + suffix.length;
            zip.raw(SHEET, crc.getValue(), size, packed.toByteArray(), middle, tail);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compresses {@code input} and then either ends the stream or makes a full flush. */
    private static byte[] deflate(Deflater deflater, byte[] input, boolean finish) {
        deflater.setInput(input);
        if (finish) deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        while (true) {
            int n = deflater.deflate(buf, 0, buf.length, finish ? Deflater.NO_FLUSH : Deflater.FULL_FLUSH);
            out.write(buf, 0, n);
            if (finish ? deflater.finished() : n < buf.length && deflater.needsInput()) break;
        }
        return out.toByteArray();
    }

    /** The workbook with {@code from} replaced by {@code to} in every XML part (to write what POI will not). */
    static byte[] replaceInXml(byte[] xlsx, String from, String to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            for (var e : entries(xlsx).entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                byte[] content = e.getValue();
                if (e.getKey().endsWith(".xml")) {
                    content = new String(content, StandardCharsets.UTF_8).replace(from, to).getBytes(StandardCharsets.UTF_8);
                }
                zip.write(content);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Map<String, byte[]> entries(byte[] zip) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) out.put(e.getName(), in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** A minimal ZIP writer (deflated entries, no ZIP64) that can take pre-compressed data. */
    private static final class Zip implements AutoCloseable {
        private final DataOutputStream out;
        private final ByteArrayOutputStream central = new ByteArrayOutputStream();
        private int count;
        private long offset;

        Zip(OutputStream out) {
            this.out = new DataOutputStream(out);
        }

        void entry(String name, byte[] content) throws IOException {
            CRC32 crc = new CRC32();
            crc.update(content);
            Deflater d = new Deflater(6, true);
            byte[] packed = deflate(d, content, true);
            d.end();
            raw(name, crc.getValue(), content.length, packed, List.of(), new byte[0]);
        }

        void raw(String name, long crc, long size, byte[] head, List<byte[]> middle, byte[] tail) throws IOException {
            long packedSize = head.length + tail.length;
            for (byte[] m : middle) packedSize += m.length;
            byte[] n = name.getBytes(StandardCharsets.UTF_8);
            long at = offset;
            int32(0x04034b50);
            int16(20);
            int16(0);
            int16(8);
            int16(0);
            int16(0x21);
            int32((int) crc);
            int32((int) packedSize);
            int32((int) size);
            int16(n.length);
            int16(0);
            bytes(n);
            bytes(head);
            for (byte[] m : middle) bytes(m);
            bytes(tail);
            DataOutputStream c = new DataOutputStream(central);
            c.writeInt(Integer.reverseBytes(0x02014b50));
            c.writeShort(Short.reverseBytes((short) 20));
            c.writeShort(Short.reverseBytes((short) 20));
            c.writeShort(0);
            c.writeShort(Short.reverseBytes((short) 8));
            c.writeShort(0);
            c.writeShort(Short.reverseBytes((short) 0x21));
            c.writeInt(Integer.reverseBytes((int) crc));
            c.writeInt(Integer.reverseBytes((int) packedSize));
            c.writeInt(Integer.reverseBytes((int) size));
            c.writeShort(Short.reverseBytes((short) n.length));
            c.writeShort(0);
            c.writeShort(0);
            c.writeShort(0);
            c.writeShort(0);
            c.writeInt(0);
            c.writeInt(Integer.reverseBytes((int) at));
            c.write(n);
            count++;
        }

        private void int16(int v) throws IOException {
            out.writeShort(Short.reverseBytes((short) v));
            offset += 2;
        }

        private void int32(int v) throws IOException {
            out.writeInt(Integer.reverseBytes(v));
            offset += 4;
        }

        private void bytes(byte[] b) throws IOException {
            out.write(b);
            offset += b.length;
        }

        @Override
        public void close() throws IOException {
            long at = offset;
            byte[] cd = central.toByteArray();
            bytes(cd);
            int32(0x06054b50);
            int16(0);
            int16(0);
            int16(count);
            int16(count);
            int32(cd.length);
            int32((int) at);
            int16(0);
            out.flush();
        }
    }
}
