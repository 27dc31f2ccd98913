package se.uppfoljning.extract;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import se.uppfoljning.config.SourceProfile;

/**
 * Reads the rows of a lane's files ({@link StagingLanes}), one file after the other. Its position
 * (which file, how many rows of it) is saved with every chunk, so a restarted run goes on after the
 * last committed chunk. A file that cannot be read is handed on as a {@link FileFailure} instead of
 * failing the run.
 */
public class InboxReader implements ItemStreamReader<ExtractItem> {
    private static final String FILES = "inbox.files";
    private static final String INDEX = "inbox.index";
    private static final String ROWS = "inbox.rows";

    private final FileRegistry registry;
    private final Function<Source, SourceProfile> profiles;
    private final IngestProgress progress;

    private List<Long> fileIds;
    private int index;
    private int rowsOfFile;
    private ExtractFile file;
    private TableReader reader;
    private HeaderMapping mapping;

    public InboxReader(FileRegistry registry, Function<Source, SourceProfile> profiles, IngestProgress progress) {
        this.registry = registry;
        this.profiles = profiles;
        this.progress = progress;
    }

    /** The position before the first row of these files: a lane's starting point. */
    public static ExecutionContext startOf(List<Long> fileIds) {
        ExecutionContext context = new ExecutionContext();
        context.putString(FILES, String.join(",", fileIds.stream().map(String::valueOf).toList()));
        context.putInt(INDEX, 0);
        context.putInt(ROWS, 0);
        return context;
    }

    /** From the lane's start ({@link #startOf}), or from the position a failed run saved. */
    @Override
    public void open(ExecutionContext context) {
        fileIds = new ArrayList<>();
        for (String id : context.getString(FILES).split(",")) {
            if (!id.isEmpty()) fileIds.add(Long.valueOf(id));
        }
        index = context.getInt(INDEX);
        rowsOfFile = context.getInt(ROWS);
    }

    @Override
    public void update(ExecutionContext context) {
        context.putString(FILES, String.join(",", fileIds.stream().map(String::valueOf).toList()));
        context.putInt(INDEX, index);
        context.putInt(ROWS, rowsOfFile);
    }

    @Override
    public ExtractItem read() {
        while (index < fileIds.size()) {
            try {
                if (reader == null) {
                    file = registry.byId(fileIds.get(index));
                    if (!"PENDING".equals(registry.status(file.fileId()))) {
                        nextFile();
                        continue;
                    }
                    openFile();
                }
                RawRecord record = reader.next();
                if (record != null) {
                    rowsOfFile++;
                    progress.row(file);
                    return ExtractRow.of(file, mapping, record);
                }
                progress.fileRead(file);
                closeReader();
                nextFile();
            } catch (ExtractFileException e) {
                int rows = mapping == null ? rowsAfterHeader() : rowsOfFile;
                FileFailure failure = new FileFailure(file, rows, e.messageSv(), e.messageEn());
                closeReader();
                nextFile();
                return failure;
            }
        }
        return null;
    }

    /** Opens the current file and skips the rows a previous attempt already committed. */
    private void openFile() throws ExtractFileException {
        reader = open(file);
        mapping = HeaderMapping.resolve(file.fileName(), reader.header(), file.source(), profiles.apply(file.source()));
        progress.fileStarted(file, rowsOfFile);
        for (int i = 0; i < rowsOfFile; i++) {
            if (reader.next() == null) break;
        }
    }

    static TableReader open(ExtractFile file) throws ExtractFileException {
        String extension = Inbox.extension(file.fileName());
        if (!extension.equals("csv") && !extension.equals("xlsx")) throw unsupported(file.fileName(), extension);
        var badDate = InboxFile.invalidDeliveryDate(file.fileName());
        if (badDate.isPresent()) throw new ExtractFileException(
                file.fileName() + ": leveransdatumet " + badDate.get() + " i filnamnet finns inte. Byt namn på filen"
                        + " (rename) så att det slutar med ett riktigt datum, _ÅÅÅÅ-MM-DD, och leverera den igen.",
                file.fileName() + ": the delivery date " + badDate.get() + " in the file name does not exist. Rename the"
                        + " file so that it ends with a real date, _YYYY-MM-DD, and deliver it again.");
        if (file.xlsx()) {
            byte[] head;
            try {
                head = FileInspector.head(file.path());
            } catch (IOException e) {
                throw new ExtractFileException(file.fileName() + " kan inte läsas.", file.fileName() + " cannot be read.", e);
            }
            if (FileInspector.isOle2(head)) throw encrypted(file.path())
                    ? new ExtractFileException(
                            file.fileName() + " är lösenordsskyddad. Öppna den i Excel, ta bort lösenordet (Arkiv > Info >"
                                    + " Skydda arbetsbok > Kryptera med lösenord, töm fältet), spara och leverera den igen.",
                            file.fileName() + " is password-protected. Open it in Excel, remove the password (File > Info >"
                                    + " Protect Workbook > Encrypt with Password, clear the field), save it and deliver it again.")
                    : new ExtractFileException(
                            file.fileName() + " är i Excels gamla format (.xls) fast den heter .xlsx. Spara den i Excel som"
                                    + " Excel-arbetsbok (.xlsx) eller som CSV UTF-8 och leverera den igen.",
                            file.fileName() + " is in the old Excel format (.xls) though named .xlsx. Save it in Excel as an"
                                    + " Excel Workbook (.xlsx) or as CSV UTF-8 and deliver it again.");
            if (!FileInspector.isZip(head)) throw new ExtractFileException(
                    file.fileName() + " heter .xlsx men är ingen Excel-fil (troligen en CSV-fil). Spara den som"
                            + " .xlsx i Excel eller byt ändelsen till .csv och leverera den igen.",
                    file.fileName() + " is named .xlsx but is not an Excel file (probably a CSV file). Save it"
                            + " as .xlsx in Excel or rename it to .csv and deliver it again.");
            return new XlsxTableReader(file.path());
        }
        Charset charset = switch (file.encoding()) {
            case FileInspector.BINARY -> throw notText(file);
            case FileInspector.WINDOWS_1252 -> Charset.forName("windows-1252");
            case FileInspector.UTF_16 -> StandardCharsets.UTF_16;
            case FileInspector.MIXED -> null; // each byte sequence as what it is
            default -> StandardCharsets.UTF_8;
        };
        return new ReadAheadTableReader(new CsvTableReader(file.path(), charset));
    }

    private static ExtractFileException unsupported(String name, String extension) {
        return switch (extension) {
            case "txt", "tsv" -> new ExtractFileException(
                    name + ": ." + extension + "-filer läses inte. Är filen semikolonavgränsad, byt ändelsen till .csv"
                            + " (rename); annars spara den i Excel som CSV UTF-8. Leverera den sedan igen.",
                    name + ": ." + extension + " files are not read. If the file is semicolon-separated, rename it to .csv;"
                            + " otherwise save it in Excel as CSV UTF-8. Then deliver it again.");
            case "zip" -> new ExtractFileException(
                    name + ": zip-filer läses inte. Packa upp den och lägg .csv- eller .xlsx-filerna i inkorgen.",
                    name + ": zip files are not read. Unpack it and deliver the .csv or .xlsx files in it to the inbox.");
            default -> new ExtractFileException(
                    name + ": ." + extension + "-filer läses inte. Spara den i Excel som Excel-arbetsbok (.xlsx) eller"
                            + " som CSV UTF-8 och leverera den igen.",
                    name + ": ." + extension + " files are not read. Save it in Excel as an Excel Workbook (.xlsx) or as"
                            + " CSV UTF-8 and deliver it again.");
        };
    }

    /** Whether an OLE2 file is an encrypted workbook (it has the EncryptionInfo stream Excel writes). */
    private static boolean encrypted(java.nio.file.Path path) {
        try (org.apache.poi.poifs.filesystem.POIFSFileSystem fs =
                     new org.apache.poi.poifs.filesystem.POIFSFileSystem(path.toFile(), true)) {
            return fs.getRoot().hasEntry("EncryptionInfo");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static ExtractFileException notText(ExtractFile file) {
        String name = file.fileName();
        byte[] head;
        try {
            head = FileInspector.head(file.path());
        } catch (IOException e) {
            head = new byte[0];
        }
        if (FileInspector.isZip(head)) return new ExtractFileException(
                name + " är en Excel-fil (XLSX) med ändelsen .csv. Byt ändelsen till .xlsx (rename) och leverera den igen.",
                name + " is an Excel file (XLSX) named .csv. Rename it to .xlsx and deliver it again.");
        if (FileInspector.isOle2(head)) return new ExtractFileException(
                name + " är en gammal Excel-fil (.xls) eller en lösenordsskyddad arbetsbok med ändelsen .csv. Spara den"
                        + " i Excel som CSV UTF-8 (semikolonavgränsad) eller som .xlsx utan lösenord och leverera den igen.",
                name + " is an old Excel file (.xls) or a password-protected workbook named .csv. Save it in Excel as"
                        + " CSV UTF-8 (semicolon-separated) or as .xlsx without password and deliver it again.");
        return new ExtractFileException(
                name + " är ingen textfil: den innehåller NUL-tecken eller andra styrtecken (den kan vara UTF-16 utan"
                        + " byte-order mark, eller en helt annan sorts fil). Spara den som CSV UTF-8 (semikolonavgränsad)"
                        + " och leverera den igen.",
                name + " is not a text file: it holds NUL bytes or other control characters (it may be UTF-16 without a"
                        + " byte-order mark, or another kind of file altogether). Save it as CSV UTF-8 (semicolon-separated)"
                        + " and deliver it again.");
    }

    /**
     * A file whose header cannot be used is not read, but its rows are still counted, so that
     * rows read = rows loaded (0) + rows rejected holds for it too.
     */
    private int rowsAfterHeader() {
        if (reader == null) return 0;
        int n = 0;
        try {
            while (reader.next() != null) n++;
        } catch (ExtractFileException | RuntimeException e) {
            // the rows up to the unreadable part are what can be counted
        }
        return n;
    }

    private void nextFile() {
        index++;
        rowsOfFile = 0;
        mapping = null;
    }

    private void closeReader() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException e) {
                // nothing was written through it; a failed close loses nothing
            }
            reader = null;
        }
    }

    @Override
    public void close() throws ItemStreamException {
        closeReader();
    }
}
