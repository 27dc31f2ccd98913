package se.uppfoljning.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFilesTest {
    @TempDir
    Path tmp;

    @Test
    void firstRunCreatesAnOwnerOnlyKeyFile() throws Exception {
        assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"), "needs a POSIX file system");
        Path file = tmp.resolve("keys/stockholmskraften/person-key.secret");

        byte[] key = KeyFiles.loadOrCreate(file, 32);

        assertThat(key).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("keys")))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readAllLines(file)).containsExactly(Base64.getEncoder().encodeToString(key));
    }

    @Test
    void laterRunsLoadTheSameKey() {
        Path file = tmp.resolve("person-key.secret");
        byte[] first = KeyFiles.loadOrCreate(file, 32);

        assertThat(KeyFiles.loadOrCreate(file, 32)).isEqualTo(first);
    }

    @Test
    void aKeyFileOfTheWrongLengthIsNeverReplaced() throws Exception {
        Path file = tmp.resolve("person-key.secret");
        Files.writeString(file, Base64.getEncoder().encodeToString(new byte[16]) + "\n");

        assertThatThrownBy(() -> KeyFiles.loadOrCreate(file, 32)).isInstanceOf(KeyFileException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("holds 16 bytes, not 32")
                .hasMessageContaining("backup");
        assertThat(Files.readString(file)).isEqualTo("AAAAAAAAAAAAAAAAAAAAAA==\n");
    }

    @Test
    void aFolderThatCannotBeCreatedIsNamed() throws Exception {
        Files.writeString(tmp.resolve("not-a-folder"), "");
        Path file = tmp.resolve("not-a-folder/person-key.secret");

        assertThatThrownBy(() -> KeyFiles.loadOrCreate(file, 32)).isInstanceOf(KeyFileException.class)
                .hasMessageContaining(tmp.resolve("not-a-folder").toString());
    }

    @Test
    void configuredKeysAreBase64() {
        byte[] key = new byte[32];
        key[0] = 7;

        assertThat(KeyFiles.decodeConfigured(" " + Base64.getEncoder().encodeToString(key) + "\n", 32)).isEqualTo(key);
    }

    @Test
    void aMalformedConfiguredKeyIsNamedButNotShown() {
        String value = "not-base64-at-all!";

        assertThatThrownBy(() -> KeyFiles.decodeConfigured(value, 32, "identity.hmac_secret"))
                .isInstanceOf(KeyFileException.class)
                .hasMessageContaining("'identity.hmac_secret'").hasMessageContaining("openssl rand -base64 32")
                .hasMessageNotContaining(value).hasNoCause();
        assertThatThrownBy(() -> KeyFiles.decodeConfigured("AAAA", 32, "identity.hmac_secret"))
                .hasMessageContaining("decodes to 3 bytes, not 32").hasMessageNotContaining("AAAA");
        assertThatThrownBy(() -> KeyFiles.decodeConfigured(" ", 32)).hasMessageContaining("is empty");
    }
}
