package se.uppfoljning.extract;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;

import se.uppfoljning.report.FormulaGuard;

/**
 * Writes {@code <out>/rejects/<source>/<file name>.rejects.csv} (SPEC §4) from the reject table, so
 * the file is the same whether it is written once or again after a restart.
 */
@Component
public class RejectFileWriter {
    static final String[] HEADER = {"line", "field", "value", "reason", "message_sv", "message_en"};

    private final JdbcClient jdbc;

    public RejectFileWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static Path pathOf(Path outDir, ExtractFile file) {
        return outDir.resolve("rejects").resolve(file.source().id()).resolve(file.fileName() + ".rejects.csv");
    }

    /** Writes the file's rejects, or removes an old reject file when the file has none now. */
    public Path write(Path outDir, ExtractFile file) throws IOException {
        Path target = pathOf(outDir, file);
        int count = jdbc.sql("SELECT count(*) FROM reject WHERE file_id = ?").param(file.fileId())
                .query(Integer.class).single();
        if (count == 0) {
            Files.deleteIfExists(target);
            return null;
        }
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
             ICSVWriter csv = new CSVWriter(out, ';', ICSVWriter.DEFAULT_QUOTE_CHARACTER,
                     ICSVWriter.DEFAULT_ESCAPE_CHARACTER, "\n")) {
            csv.writeNext(HEADER, false);
            jdbc.sql("""
                            SELECT line, field, value, reason, message_sv, message_en
                              FROM reject WHERE file_id = ? ORDER BY line""")
                    .param(file.fileId())
                    .query(rs -> {
                        csv.writeNext(new String[] {
                                String.valueOf(rs.getInt("line")), rs.getString("field"),
                                FormulaGuard.neutralise(rs.getString("value")), rs.getString("reason"),
                                rs.getString("message_sv"), rs.getString("message_en")}, false);
                    });
        }
        Files.move(temp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return target;
    }
}
