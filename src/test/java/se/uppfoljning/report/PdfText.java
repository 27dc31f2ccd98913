package se.uppfoljning.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

/** Reads a PDF back with OpenPDF (on the classpath through jasperreports-pdf): its text and its fonts. */
final class PdfText {

    /** A font the PDF uses: its base name and whether its program is embedded. */
    record Font(String name, boolean embedded) {
    }

    private PdfText() {
    }

    static String of(Path pdf) throws IOException {
        PdfReader reader = new PdfReader(Files.readAllBytes(pdf));
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString();
        } finally {
            reader.close();
        }
    }

    static int pages(Path pdf) throws IOException {
        PdfReader reader = new PdfReader(Files.readAllBytes(pdf));
        try {
            return reader.getNumberOfPages();
        } finally {
            reader.close();
        }
    }

    /** Every font dictionary in the file (pages and form XObjects alike). */
    static List<Font> fonts(Path pdf) throws IOException {
        PdfReader reader = new PdfReader(Files.readAllBytes(pdf));
        try {
            Map<String, Font> fonts = new LinkedHashMap<>();
            for (int i = 1; i < reader.getXrefSize(); i++) {
                PdfObject object = reader.getPdfObject(i);
                if (object == null || !object.isDictionary()) {
                    continue;
                }
                PdfDictionary dict = (PdfDictionary) object;
                if (!PdfName.FONT.equals(dict.get(PdfName.TYPE)) || dict.get(PdfName.BASEFONT) == null) {
                    continue;
                }
                String name = dict.get(PdfName.BASEFONT).toString();
                fonts.merge(name, new Font(name, embedded(reader, dict)), (a, b) -> a.embedded() ? a : b);
            }
            return new ArrayList<>(fonts.values());
        } finally {
            reader.close();
        }
    }

    private static boolean embedded(PdfReader reader, PdfDictionary font) {
        PdfDictionary descriptor = (PdfDictionary) PdfReader.getPdfObject(font.get(PdfName.FONTDESCRIPTOR));
        if (descriptor == null) {
            com.lowagie.text.pdf.PdfArray descendants = (com.lowagie.text.pdf.PdfArray) PdfReader.getPdfObject(font.get(PdfName.DESCENDANTFONTS));
            if (descendants == null || descendants.size() == 0) {
                return false;
            }
            PdfDictionary child = (PdfDictionary) PdfReader.getPdfObject(descendants.getPdfObject(0));
            descriptor = (PdfDictionary) PdfReader.getPdfObject(child.get(PdfName.FONTDESCRIPTOR));
            if (descriptor == null) {
                return false;
            }
        }
        return descriptor.get(PdfName.FONTFILE) != null || descriptor.get(PdfName.FONTFILE2) != null
                || descriptor.get(PdfName.FONTFILE3) != null;
    }
}
