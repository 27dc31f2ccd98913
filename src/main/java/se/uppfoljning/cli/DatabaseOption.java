package se.uppfoljning.cli;

import java.util.Map;

import picocli.CommandLine.Option;

/** {@code --db-url} for the commands that need the database but name no project (status, restart, schedule, demo). */
class DatabaseOption {
    @Option(names = "--db-url", paramLabel = "<jdbc-url>",
            description = "PostgreSQL server to use (or UPPFOLJNING_DB_URL); absent = the embedded database under data/.")
    String dbUrl;

    /** The Spring properties of the database: the server given, else the embedded one under data/. */
    Map<String, Object> springProperties() {
        CommonOptions base = new CommonOptions();
        base.dbUrl = dbUrl;
        return base.springProperties();
    }
}
