package se.uppfoljning.export;

import java.io.IOException;
import java.nio.file.Path;

/** Where the export files go: out/&lt;project&gt;/registrering/ (0700) and out/&lt;project&gt;/finsam/. */
public final class ExportFolders {
    private ExportFolders() {
    }

    /** The registration folder, 0700: every file with personnummer and the worklists. */
    public static Path registration(Path out, String projectId) throws IOException {
        return PrivateFiles.folder(out.resolve(projectId).resolve("registrering"));
    }

    /** Where a re-created export goes: registrering/aterskapad/&lt;export-id&gt;/, every level 0700. */
    public static Path recreated(Path out, String projectId, long exportId) throws IOException {
        Path recreated = PrivateFiles.folder(registration(out, projectId).resolve("aterskapad"));
        return PrivateFiles.folder(recreated.resolve(String.valueOf(exportId)));
    }

    /** The Uppföljning Finsam counts: no personal data, ordinary permissions. */
    public static Path finsam(Path out, String projectId) {
        return out.resolve(projectId).resolve("finsam").toAbsolutePath();
    }
}
