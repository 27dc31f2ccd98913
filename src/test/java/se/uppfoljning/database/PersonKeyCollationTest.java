package se.uppfoljning.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import se.uppfoljning.DatabaseTest;

/**
 * Person keys compare byte by byte everywhere (V10): one column left in the database's own collation
 * would make a join with it fail ("could not determine which collation to use") or sort slowly.
 */
class PersonKeyCollationTest extends DatabaseTest {

    @Test
    void everyPersonKeyColumnOfTheSchemaComparesBytes() {
        List<String> tables = jdbc.sql("""
                        SELECT c.table_name || ':' || coalesce(c.collation_name, '-')
                          FROM information_schema.columns c
                          JOIN information_schema.tables t USING (table_schema, table_name)
                         WHERE c.table_schema = current_schema() AND c.column_name = 'person_key'
                           AND t.table_type = 'BASE TABLE'
                         ORDER BY 1""")
                .query(String.class).list();

        assertThat(tables).hasSize(11).allSatisfy(t -> assertThat(t).endsWith(":C"));
    }

    @Test
    void aPersonKeyOrdersAsItsHexadecimalDigitsDo() {
        // the database's own collation orders hexadecimal digits as "C" does, so nothing ordered by
        // person_key came out in another order after V10
        assertThat(jdbc.sql("""
                        SELECT string_agg(k, '' ORDER BY k COLLATE "C") = string_agg(k, '' ORDER BY k)
                          FROM (VALUES ('0a'::char(64)), ('a0'), ('09'), ('f'), ('1')) v(k)""")
                .query(Boolean.class).single()).isTrue();
    }
}
