package se.uppfoljning.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import se.uppfoljning.DatabaseTest;

/**
 * The register keeps a person key as the HMAC's 32 bytes (V14); the export history keeps its 64 hex
 * digits, compared byte by byte (V10), because they are part of each exported row's hash. One
 * register column left as text would make every join with it fail (bytea = character).
 */
class PersonKeyColumnsTest extends DatabaseTest {

    @Test
    void everyPersonKeyColumnOfTheRegisterHoldsBytesAndTheExportHistoryHexDigits() {
        List<String> columns = jdbc.sql("""
                        SELECT c.table_name || ':' || c.data_type || ':' || coalesce(c.collation_name, '-')
                          FROM information_schema.columns c
                          JOIN pg_class k ON k.relname = c.table_name AND k.relnamespace = to_regnamespace(current_schema())
                         WHERE c.table_schema = current_schema() AND c.column_name = 'person_key'
                           AND k.relkind IN ('r', 'p') AND NOT k.relispartition
                         ORDER BY 1""")
                .query(String.class).list();

        assertThat(columns).containsExactlyInAnyOrder(
                "af_registration:bytea:-", "assessment:bytea:-", "contact:bytea:-", "episode:bytea:-",
                "episode_fact:bytea:-", "export_row:character:C", "insats:bytea:-", "payment:bytea:-",
                "payment_month:bytea:-", "person:bytea:-", "stg_deltagare:bytea:-", "stg_person:bytea:-");
    }

    @Test
    void aPersonKeyOrdersAsItsHexadecimalDigitsDid() {
        // so nothing ordered by person_key came out in another order after V14
        assertThat(jdbc.sql("""
                        SELECT string_agg(encode(k, 'hex'), ',' ORDER BY k)
                             = string_agg(encode(k, 'hex'), ',' ORDER BY encode(k, 'hex') COLLATE "C")
                          FROM (SELECT sha256(CAST(i AS text)::bytea) FROM generate_series(1, 500) i) v(k)""")
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void aPersonKeyIsThirtyTwoBytes() {
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM pg_constraint
                         WHERE conrelid = 'person'::regclass AND contype = 'c'
                           AND pg_get_constraintdef(oid) LIKE '%octet_length(person_key) = 32%'""")
                .query(Integer.class).single()).isEqualTo(1);
    }
}
