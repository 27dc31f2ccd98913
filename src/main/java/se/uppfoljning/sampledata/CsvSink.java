package se.uppfoljning.sampledata;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A {@code ;}-separated extract: header row, fields quoted only when they need it, in the
 * file's charset (optionally with a UTF-8 BOM) and line end. Rows go straight to disk.
 */
final class CsvSink implements RowSink {

    /** How one CSV file is encoded. */
    record Encoding(Charset charset, boolean bom, String lineEnd) {
    }

    private final String path;
    private final CSVWriter writer;
    private int line;

    CsvSink(Path root, String path, List<String> header, Encoding encoding) {
        this.path = path;
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file),
                    encoding.charset().newEncoder()), 1 << 16);
            if (encoding.bom()) {
                out.write('\uFEFF');
            }
            writer = new CSVWriter(out, ';', ICSVWriter.DEFAULT_QUOTE_CHARACTER,
                    ICSVWriter.DEFAULT_ESCAPE_CHARACTER, encoding.lineEnd());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writeLine(header.toArray(new String[0]));
    }

    @Override
    public int write(Object... cells) {
        String[] fields = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            fields[i] = RowSink.text(cells[i]);
            if (fields[i].indexOf('\n') >= 0 || fields[i].indexOf('\r') >= 0) {
                throw new IllegalArgumentException("A line break in a cell would shift line numbers: " + fields[i]);
            }
        }
        return writeLine(fields);
    }

    private int writeLine(String[] fields) {
        writer.writeNext(fields, false);
        return ++line;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public int rows() {
        return line - 1;
    }

    @Override
    public void close() throws IOException {
        boolean failed = writer.checkError(); // flushes; reports an error of any earlier write
        writer.close();
        if (failed) {
            throw new IOException("Writing " + path + " failed");
        }
    }
}
