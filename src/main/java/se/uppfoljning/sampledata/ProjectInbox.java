package se.uppfoljning.sampledata;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The open extract files of one project inbox ({@code <project>/<source>/<scope>_<date>.csv|xlsx},
 * SPEC §4), with the columns of SPEC §4 and each agency's file conventions: the team register's
 * contacts with a UTF-8 BOM (Stockholm), social services' bistand in Windows-1252, AF's status file
 * with CRLF line ends, and in Stockholm the city's insatser as XLSX beside AF's CSV.
 */
final class ProjectInbox implements Closeable {

    static final List<String> DELTAGARE = List.of("personnummer", "team", "omrade", "startdatum", "slutdatum",
            "avslutsanledning", "sysselsattning_efter", "kon", "remittent", "utbildningsniva", "funktionsnedsattning",
            "arbetslos_sedan", "ersattning_start", "ersattning_slut", "samtycke", "skyddad");
    static final List<String> KONTAKTER = List.of("personnummer", "datum", "typ", "aktorer");
    static final List<String> BEDOMNING = List.of("personnummer", "datum", "steg", "typ");
    static final List<String> INSATSER = List.of("personnummer", "insats", "anordnare", "startdatum", "slutdatum",
            "timmar_per_vecka");
    static final List<String> BISTAND = List.of("personnummer", "manad", "belopp", "omrade", "hushallstyp");
    static final List<String> AF_STATUS = List.of("personnummer", "inskrivningsdatum", "sokandekategori",
            "avaktualiseringsdatum", "avaktualiseringsorsak");

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final CsvSink.Encoding UTF8 = new CsvSink.Encoding(StandardCharsets.UTF_8, false, "\n");
    private static final CsvSink.Encoding UTF8_BOM = new CsvSink.Encoding(StandardCharsets.UTF_8, true, "\n");
    private static final CsvSink.Encoding CP1252 = new CsvSink.Encoding(WINDOWS_1252, false, "\n");
    private static final CsvSink.Encoding UTF8_CRLF = new CsvSink.Encoding(StandardCharsets.UTF_8, false, "\r\n");

    /** Which files an inbox gets. */
    enum Layout {
        /** Stockholm sample: kontakter with BOM, insatser_af.csv + insatser_stad.xlsx. */
        SPLIT_INSATSER_XLSX,
        /** One insatser CSV (Västerås sample, and the benchmark inbox). */
        SINGLE_INSATSER_CSV
    }

    final RowSink deltagare;
    final RowSink kontakter;
    final RowSink bedomning;
    final RowSink bistand;
    final RowSink afStatus;
    private final RowSink insatserAf;
    private final RowSink insatserOther;
    private final List<RowSink> all = new ArrayList<>();

    /**
     * @param root   the output folder
     * @param folder the project's folder below it ("" = the root is the inbox)
     */
    ProjectInbox(Path root, String folder, Layout layout, boolean bomInKontakter) throws IOException {
        String prefix = folder.isEmpty() ? "" : folder + "/";
        String date = "_" + ProjectProfile.DELIVERY;
        deltagare = add(new CsvSink(root, prefix + "deltagare/deltagare" + date + ".csv", DELTAGARE, UTF8));
        kontakter = add(new CsvSink(root, prefix + "kontakter/kontakter" + date + ".csv", KONTAKTER,
                bomInKontakter ? UTF8_BOM : UTF8));
        bedomning = add(new CsvSink(root, prefix + "bedomning/bedomning" + date + ".csv", BEDOMNING, UTF8));
        if (layout == Layout.SPLIT_INSATSER_XLSX) {
            insatserAf = add(new CsvSink(root, prefix + "insatser/insatser_af" + date + ".csv", INSATSER, UTF8));
            insatserOther = add(new XlsxSink(root, prefix + "insatser/insatser_stad" + date + ".xlsx", "insatser",
                    INSATSER, 0));
        } else {
            insatserAf = add(new CsvSink(root, prefix + "insatser/insatser" + date + ".csv", INSATSER, UTF8));
            insatserOther = insatserAf;
        }
        bistand = add(new CsvSink(root, prefix + "bistand/bistand" + date + ".csv", BISTAND, CP1252));
        afStatus = add(new CsvSink(root, prefix + "af_status/af_status" + date + ".csv", AF_STATUS, UTF8_CRLF));
    }

    private RowSink add(RowSink sink) {
        all.add(sink);
        return sink;
    }

    /** The insatser file for an intervention with this provider (our code). */
    RowSink insatser(String provider) {
        return "AF".equals(provider) ? insatserAf : insatserOther;
    }

    /** The insatser file AF delivers (in Västerås the one insatser file). */
    RowSink insatserAf() {
        return insatserAf;
    }

    List<RowSink> files() {
        return List.copyOf(all);
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (RowSink sink : all) {
            try {
                sink.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
