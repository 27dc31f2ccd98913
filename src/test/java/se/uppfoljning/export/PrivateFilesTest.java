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
        PrivateFiles.write(file, "a;b\n".getBytes(StandardCharsets.UTF_8));

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
        assertThat(PrivateFiles.refresh(file, content)).isTrue();
        assertThat(PrivateFiles.refresh(file, content)).isFalse();
        assertThat(PrivateFiles.refresh(file, null)).isTrue();
        assertThat(file).doesNotExist();
    }

    @Test
    void theCsvIsSemicolonSeparatedUtf8WithLfAndQuotesOnlyWhereNeeded() {
        byte[] bytes = ExportCsv.render(List.of("personnummer", "team", "not"), 0,
                List.of(new ExportRow("k", null, "p", null, null, null, List.of("Östermalm", "a;b"))),
                r -> TestPersons.adult(0));
        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .isEqualTo("personnummer;team;not\n" + TestPersons.adult(0) + ";Östermalm;\"a;b\"\n");
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
