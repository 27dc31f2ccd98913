package se.uppfoljning.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.uppfoljning.TestPersons;

/** Owner-only files and folders, and the byte-stable CSV the exports are checked by. */
class PrivateFilesTest {
    @TempDir
    Path tmp;

    @Test
    void foldersAre0700AndFiles0600FromCreationEvenUnderAPermissiveUmask() throws Exception {
        Path dir = PrivateFiles.folder(tmp.resolve("out/p/registrering"));
        Path file = dir.resolve("f.csv");
        try (PrivateFiles.Pending pending = PrivateFiles.open(file)) {
            pending.stream().write("a;b\n".getBytes(StandardCharsets.UTF_8));
            pending.commit();
        }

        assertThat(mode(dir)).isEqualTo("rwx------");
        assertThat(mode(file)).isEqualTo("rw-------");
        // the parents keep the usual permissions: only the registration folder is private
        assertThat(mode(dir.getParent())).isNotEqualTo("rwx------");
        // no temporary file is left behind
        assertThat(Files.list(dir).toList()).containsExactly(file);
    }

    @Test
    void anExistingFolderOthersCanReadIsNarrowed() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("open"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        PrivateFiles.folder(dir);
        assertThat(mode(dir)).isEqualTo("rwx------");
    }

    @Test
    void refreshTouchesTheFileOnlyWhenItsContentChangesAndRemovesItWhenEmpty() throws Exception {
        Path file = PrivateFiles.folder(tmp.resolve("r")).resolve("w.csv");
        byte[] content = "x\n".getBytes(StandardCharsets.UTF_8);
        assertThat(refresh(file, content)).isTrue();
        assertThat(refresh(file, content)).isFalse();
        assertThat(refresh(file, null)).isTrue();
        assertThat(file).doesNotExist();
        assertThat(Files.list(file.getParent()).toList()).isEmpty();
    }

    @Test
    void theCsvIsSemicolonSeparatedUtf8WithLfAndQuotesOnlyWhereNeeded() throws Exception {
        // named as an ESF participant file: the only files that may carry personnummer (PrivacyScan)
        Path file = PrivateFiles.folder(tmp.resolve("registrering")).resolve("esf-deltagare-2026-10.csv");
        try (ExportCsv.FileWriter csv = ExportCsv.open(file, List.of("personnummer", "team", "not"))) {
            csv.row(List.of("Östermalm", "a;b"), 0, TestPersons.adult(0));
            csv.commit();
        }
        assertThat(Files.readString(file))
                .isEqualTo("personnummer;team;not\n" + TestPersons.adult(0) + ";Östermalm;\"a;b\"\n");
    }

    /** Writes the content (null: none) as a worklist is written. */
    private static boolean refresh(Path file, byte[] content) throws Exception {
        try (PrivateFiles.Pending pending = PrivateFiles.open(file)) {
            if (content != null) pending.stream().write(content);
            return pending.refresh(content == null);
        }
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
