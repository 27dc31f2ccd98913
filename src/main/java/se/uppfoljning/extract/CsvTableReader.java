package se.uppfoljning.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.exceptions.CsvValidationException;

/**
 * A `;`-separated extract through OpenCSV's RFC 4180 parser (quotes, doubled quotes, line breaks
 * inside quotes; no backslash escapes, which Excel never writes), with a faster split of lines
 * without quotes ({@link SemicolonParser}). Line numbers are physical lines.
 * A row is at most {@value #MAX_RECORD_CHARS} characters and a value at most {@value #MAX_FIELD_CHARS};
 * a quote that swallows the following rows fails the file. OpenCSV's own exception texts quote the
 * file's content, so they are never passed on.
 */
public final class CsvTableReader implements TableReader {
    /** Excel holds at most 32,767 characters in a cell: a longer value is a broken file. */
    static final int MAX_FIELD_CHARS = 100_000;
    /** No row of any extract comes near this; it bounds the memory one row can take. */
    static final int MAX_RECORD_CHARS = 4_000_000;
    /**
     * A value with line breaks (an address, a note) spans a few lines; a row over more lines is an
     * unclosed quote. The bound also keeps OpenCSV, which parses a growing row again for each line it
     * adds, from taking minutes over a large file.
     */
    static final int MAX_RECORD_LINES = 1_000;

    private final String fileName;
    private final BoundedLineReader lines;
    private final CSVReader csv;
    private final List<String> header;
    private long linesBefore;

    /** Reads with one charset, or with {@code charset == null} both UTF-8 and Windows-1252 (mixed). */
    public CsvTableReader(Path file, Charset charset) throws ExtractFileException {
        this.fileName = file.getFileName().toString();
        try {
            InputStream bytes = Files.newInputStream(file);
            Reader text;
            if (charset == null) {
                text = new MixedEncodingReader(bytes);
            } else {
                CharsetDecoder decoder = charset.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE);
                text = new InputStreamReader(bytes, decoder);
            }
            this.lines = new BoundedLineReader(text, MAX_RECORD_CHARS);
            this.csv = new CSVReaderBuilder(lines)
                    .withCSVParser(new SemicolonParser())
                    .withKeepCarriageReturn(false)
                    .withVerifyReader(false)
                    .withMultilineLimit(MAX_RECORD_LINES)
                    .build();
        } catch (IOException e) {
            throw new ExtractFileException(fileName + " kan inte läsas (" + e.getClass().getSimpleName() + ").",
                    fileName + " cannot be read (" + e.getClass().getSimpleName() + ").", e);
        }
        String[] first = firstNonBlank();
        if (first != null && isSeparatorHint(first)) first = firstNonBlank();
        if (first == null) {
            throw new ExtractFileException(
                    fileName + " är tom: den saknar rubrikrad. Leverera filen igen med rubrikrad och rader.",
                    fileName + " is empty: it has no header row. Deliver the file again with a header and rows.");
        }
        List<String> names = new ArrayList<>();
        for (String name : first) names.add(name == null ? "" : Values.trim(name));
        this.header = List.copyOf(names);
    }

    private String[] firstNonBlank() throws ExtractFileException {
        String[] first = readRecord();
        while (first != null && TableReader.blank(first)) first = readRecord();
        linesBefore = csv.getLinesRead();
        return first;
    }

    /** Excel's "sep=;" line, which some programs write before the header. */
    private static boolean isSeparatorHint(String[] cells) {
        if (!Values.trim(cells[0]).equalsIgnoreCase("sep=")) return false;
        for (int i = 1; i < cells.length; i++) if (!Values.isBlank(cells[i])) return false;
        return cells.length == 2;
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public RawRecord next() throws ExtractFileException {
        while (true) {
            String[] cells = readRecord();
            if (cells == null) return null;
            int line = (int) linesBefore + 1;
            int lastLine = (int) csv.getLinesRead();
            linesBefore = lastLine;
            if (TableReader.blank(cells) || TableReader.repeatsHeader(header, cells)) continue;
            for (int i = 0; i < cells.length; i++) checkField(cells[i], i, line, lastLine);
            return new RawRecord(line, cells);
        }
    }

    private void checkField(String cell, int i, int line, int lastLine) throws ExtractFileException {
        if (cell == null) return;
        if (cell.length() > MAX_FIELD_CHARS) {
            String column = i < header.size() && !header.get(i).isEmpty()
                    ? (i + 1) + " (" + header.get(i) + ")" : String.valueOf(i + 1);
            throw new ExtractFileException(
                    fileName + " rad " + line + ": värdet i kolumn " + column + " är " + sv(cell.length())
                            + " tecken långt; ett värde i ett extrakt kan inte vara så långt (Excel rymmer 32 767 tecken i en cell)."
                            + " Rätta raden och leverera filen igen.",
                    fileName + " line " + line + ": the value in column " + column + " is " + en(cell.length())
                            + " characters long; no value of an extract can be that long (Excel holds 32,767 characters in a cell)."
                            + " Fix the line and deliver the file again.");
        }
        if (lastLine > line && swallowsRows(cell)) {
            throw new ExtractFileException(
                    fileName + " rad " + line + "–" + lastLine + ": ett citattecken (\") som öppnas på rad " + line
                            + " stängs först på rad " + lastLine + ", så raderna däremellan lästes som ett enda värde."
                            + " Ta bort eller stäng citattecknet på rad " + line + " och leverera filen igen.",
                    fileName + " lines " + line + "–" + lastLine + ": a quote (\") opened on line " + line
                            + " is only closed on line " + lastLine + ", so the lines between were read as one value."
                            + " Remove or close the quote on line " + line + " and deliver the file again.");
        }
    }

    /** A value with line breaks whose inner lines look like rows of the file (as many separators). */
    private boolean swallowsRows(String cell) {
        if (header.size() < 2 || cell.indexOf('\n') < 0) return false;
        String[] parts = cell.split("\n", -1);
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].chars().filter(ch -> ch == ';').count() >= header.size() - 1) return true;
        }
        return false;
    }

    private String[] readRecord() throws ExtractFileException {
        lines.startRecord();
        try {
            return csv.readNext();
        } catch (BoundedLineReader.RecordTooLong e) {
            long line = linesBefore + 1;
            throw new ExtractFileException(
                    fileName + " rad " + line + ": raden är längre än " + sv(MAX_RECORD_CHARS) + " tecken"
                            + (e.lines > 1 ? " (över " + e.lines + " rader, troligen ett citattecken (\") som aldrig stängs)" : "")
                            + ". Rätta raden och leverera filen igen.",
                    fileName + " line " + line + ": the row is longer than " + en(MAX_RECORD_CHARS) + " characters"
                            + (e.lines > 1 ? " (over " + e.lines + " lines, probably a quote (\") that is never closed)" : "")
                            + ". Fix the line and deliver the file again.");
        } catch (IOException | CsvValidationException e) {
            // not chained: OpenCSV's message quotes the text it could not place, personnummer and all
            long line = linesBefore + 1;
            if (lines.recordLines() > MAX_RECORD_LINES) {
                throw new ExtractFileException(
                        fileName + " rad " + line + ": raden som börjar här fortsätter över mer än " + sv(MAX_RECORD_LINES)
                                + " rader, troligen för att ett citattecken (\") aldrig stängs. Ta bort eller stäng"
                                + " citattecknet och leverera filen igen.",
                        fileName + " line " + line + ": the row that starts here runs over more than " + en(MAX_RECORD_LINES)
                                + " lines, probably because a quote (\") is never closed. Remove or close the quote and"
                                + " deliver the file again.");
            }
            if (atEnd()) {
                throw new ExtractFileException(
                        fileName + " rad " + line + ": ett citattecken (\") i raden som börjar här stängs aldrig, så resten av"
                                + " filen lästes som ett enda värde. Ta bort eller stäng citattecknet och leverera filen igen.",
                        fileName + " line " + line + ": a quote (\") in the row that starts here is never closed, so the rest"
                                + " of the file was read as one value. Remove or close the quote and deliver the file again.");
            }
            throw new ExtractFileException(
                    fileName + " kan inte läsas efter rad " + (line - 1) + " (" + e.getClass().getSimpleName()
                            + "). Kontrollera filen och leverera den igen.",
                    fileName + " cannot be read past line " + (line - 1) + " (" + e.getClass().getSimpleName()
                            + "). Check the file and deliver it again.");
        }
    }

    private boolean atEnd() {
        try {
            return lines.atEnd();
        } catch (IOException e) {
            return false;
        }
    }

    private static String sv(long n) {
        return String.format(Locale.ROOT, "%,d", n).replace(',', ' ');
    }

    private static String en(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
