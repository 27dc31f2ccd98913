package se.uppfoljning.extract;

import java.nio.file.Path;
import java.time.LocalDate;

/** A registered extract file: what it is, where it came from and its delivery date. */
public record ExtractFile(long fileId, String projectId, Source source, String scope, String fileName, Path path,
                          LocalDate deliveryDate, String sha256, String encoding) {

    public boolean xlsx() {
        return "XLSX".equals(encoding);
    }
}
