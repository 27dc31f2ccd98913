package se.uppfoljning.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;

/**
 * The bytes of an export file: {@code ;}-separated UTF-8 without BOM, {@code \n} line ends, quotes
 * only where a cell needs them. The same header and rows always give the same bytes, which is what
 * lets an export be re-created and checked against its recorded SHA-256.
 */
public final class ExportCsv {
    private ExportCsv() {
    }

    /** A file without personnummer, whole in memory (a few rows: the Finsam counts). */
    public static byte[] render(List<String> header, List<List<String>> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ICSVWriter csv = csvWriter(bytes)) {
            csv.writeNext(header.toArray(String[]::new), false);
            for (List<String> row : rows) csv.writeNext(row.toArray(String[]::new), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static ICSVWriter csvWriter(OutputStream out) {
        return new CSVWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), ';',
                ICSVWriter.DEFAULT_QUOTE_CHARACTER, ICSVWriter.DEFAULT_ESCAPE_CHARACTER, "\n");
    }

    /**
     * Opens the file for writing row by row, in the same format as {@link #render}, under a temporary
     * name (0600, see {@link PrivateFiles#open}); the header is written at once.
     */
    public static FileWriter open(Path target, List<String> header) throws IOException {
        return new FileWriter(PrivateFiles.open(target), header);
    }

    /** An export file written as its rows come, so that no file is ever held in memory whole. */
    public static final class FileWriter implements AutoCloseable {
        private final PrivateFiles.Pending file;
        private final ICSVWriter csv;
        private int rows;
        private boolean finished;

        private FileWriter(PrivateFiles.Pending file, List<String> header) throws IOException {
            this.file = file;
            this.csv = csvWriter(file.stream());
            csv.writeNext(header.toArray(String[]::new), false);
        }

        /** A row of a file without personnummer. */
        public void row(List<String> cells) {
            csv.writeNext(cells.toArray(String[]::new), false);
            rows++;
        }

        /** A row with the personnummer put in at {@code pnrColumn} (null: a file without one). */
        public void row(List<String> cells, Integer pnrColumn, String pnr) {
            if (pnrColumn == null) {
                row(cells);
                return;
            }
            String[] line = new String[cells.size() + 1];
            for (int i = 0, j = 0; i < line.length; i++) line[i] = i == pnrColumn ? pnr : cells.get(j++);
            csv.writeNext(line, false);
            rows++;
        }

        /** Rows written, the header not counted. */
        public int rows() {
            return rows;
        }

        /** Ends the file (still under its temporary name) and returns the SHA-256 of its bytes. */
        public String finish() throws IOException {
            if (!finished) {
                finished = true;
                csv.flush();
                if (csv.checkError()) throw new IOException("Could not write the export file", csv.getException());
                csv.close();
            }
            return file.sha256();
        }

        /** Moves the finished file into place, over any earlier one. */
        public void commit() throws IOException {
            finish();
            file.commit();
        }

        /** {@link PrivateFiles#refresh} for a file written this way: no rows removes it. */
        public boolean refresh() throws IOException {
            finish();
            return file.refresh(rows == 0);
        }

        /** Removes the temporary file unless it was put in place. */
        @Override
        public void close() throws IOException {
            try {
                if (!finished) {
                    finished = true;
                    csv.close();
                }
            } finally {
                file.close();
            }
        }
    }
}
