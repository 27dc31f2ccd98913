package se.uppfoljning.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server holds the register and the delivery history: it must survive a power cut.
 * zonky, made for tests, starts PostgreSQL with fsync and synchronous_commit off; the program turns
 * both back on, and only throw-away folders (the tests') go without.
 */
class EmbeddedDatabaseDurabilityTest {
    @TempDir
    Path tmp;

    @Test
    void theProgramsDataFolderIsWrittenDurably() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(tmp.resolve("postgres"), Duration.ofMinutes(1), true)) {
            assertThat(setting(db, "fsync")).isEqualTo("on");
            assertThat(setting(db, "synchronous_commit")).isEqualTo("on");
        }
    }

    @Test
    void aThrowAwayFolderMayGoWithoutFsync() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(tmp.resolve("postgres"), Duration.ofMinutes(1), false)) {
            assertThat(setting(db, "fsync")).isEqualTo("off");
        }
    }

    private static String setting(EmbeddedDatabase db, String name) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl());
             ResultSet rs = c.createStatement().executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
