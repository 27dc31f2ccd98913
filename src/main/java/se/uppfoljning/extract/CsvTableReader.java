package se.uppfoljning.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvValidationException;

/**
 * A `;`-separated extract through OpenCSV's RFC 4180 parser (quotes, doubled quotes, line breaks
 * inside quotes; no backslash escapes, which Excel never writes). Line numbers are physical lines.
 */
public final class CsvTableReader implements TableReader {
    /** A field longer than this is not an agency's value but a broken quote swallowing the file. */
    static final int MAX_FIELD_CHARS = 100_000;

    private final String fileName;
    private final CSVReader csv;
    private final List<String> header;
    private long linesBefore;

    public CsvTableReader(Path file, Charset charset) throws ExtractFileException {
        this.fileName = file.getFileName().toString();
        try {
            CharsetDecoder decoder = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 1 << 16);
            skipByteOrderMark(in);
            this.csv = new CSVReaderBuilder(in)
                    .withCSVParser(new RFC4180ParserBuilder().withSeparator(';').build())
                    .withKeepCarriageReturn(false)
                    .build();
            String[] first = readRecord();
            while (first != null && TableReader.blank(first)) first = readRecord();
            if (first == null) {
                throw new ExtractFileException(
                        fileName + " är tom: den saknar rubrikrad. Leverera filen igen med rubrikrad och rader.",
                        fileName + " is empty: it has no header row. Deliver the file again with a header and rows.");
            }
            List<String> names = new ArrayList<>();
            for (String name : first) names.add(name == null ? "" : name.strip());
            this.header = List.copyOf(names);
            this.linesBefore = csv.getLinesRead();
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private static void skipByteOrderMark(BufferedReader in) throws IOException {
        in.mark(1);
        int c = in.read();
        if (c != '\uFEFF' && c != -1) in.reset();
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public RawRecord next() throws ExtractFileException {
        try {
            while (true) {
                String[] cells = readRecord();
                if (cells == null) return null;
                int line = (int) linesBefore + 1;
                linesBefore = csv.getLinesRead();
                if (TableReader.blank(cells)) continue;
                for (String cell : cells) {
                    if (cell != null && cell.length() > MAX_FIELD_CHARS) {
                        throw new ExtractFileException(
                                fileName + " rad " + line + ": ett fält är längre än " + MAX_FIELD_CHARS
                                        + " tecken, troligen ett citattecken (\") som aldrig avslutas. Rätta raden och leverera filen igen.",
                                fileName + " line " + line + ": a field is longer than " + MAX_FIELD_CHARS
                                        + " characters, probably an opening quote (\") that is never closed. Fix the line and deliver the file again.");
                    }
                }
                return new RawRecord(line, cells);
            }
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private String[] readRecord() throws IOException {
        try {
            return csv.readNext();
        } catch (CsvValidationException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private ExtractFileException unreadable(IOException e) {
        long line = csv == null ? 1 : linesBefore + 1;
        return new ExtractFileException(
                fileName + " kan inte läsas efter rad " + (line - 1) + " (" + e.getClass().getSimpleName()
                        + "), troligen ett citattecken som aldrig avslutas. Kontrollera filen och leverera den igen.",
                fileName + " cannot be read past line " + (line - 1) + " (" + e.getClass().getSimpleName()
                        + "), probably an unbalanced quote. Check the file and deliver it again.", e);
    }

    @Override
    public void close() throws IOException {
        if (csv != null) csv.close();
    }
}
