package se.uppfoljning.register;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.uppfoljning.extract.RejectReason;

/**
 * SPEC §11 R1: when two episodes of one person in one project share a day (dates inclusive, an open
 * episode runs on for ever), the one that starts later is rejected; with the same start, the later
 * line. Void (FELREG) episodes take no part. Each pair is judged on its own, as the rule reads, so in
 * a chain A–B–C both B and C are rejected. An episode that overlaps one already in the register
 * from a file of another scope is rejected too: the register is not changed after the fact.
 */
@Component
public class EpisodeOverlapCheck {
    private static final String FIND_AND_REJECT = """
            WITH staged AS (
                SELECT s.file_id, s.line, s.person_key, s.startdatum, s.slutdatum, f.scope
                  FROM stg_deltagare s JOIN extract_file f ON f.file_id = s.file_id
                 WHERE f.project_id = :project AND f.status = 'PENDING'
                   AND s.avslutsanledning IS DISTINCT FROM 'FELREG'
            ), overlapping AS (
                -- an earlier episode of the same person in the same file (ordered by start, then line)
                -- overlaps this one exactly when the latest end among them (open = infinity) is not
                -- before this start: one sort instead of a comparison of every pair
                SELECT file_id, line, startdatum
                  FROM (SELECT s.file_id, s.line, s.startdatum,
                               max(coalesce(s.slutdatum, 'infinity'::date)) OVER (
                                   PARTITION BY s.file_id, s.person_key ORDER BY s.startdatum, s.line
                                   ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS latest_end_before
                          FROM staged s) w
                 WHERE latest_end_before >= startdatum
                UNION
                SELECT s.file_id, s.line, s.startdatum
                  FROM staged s
                 WHERE EXISTS (
                        SELECT 1 FROM episode e JOIN extract_file ef ON ef.file_id = e.file_id
                         WHERE e.project_id = :project AND e.person_key = s.person_key AND NOT e.void
                           AND ef.scope <> s.scope
                           AND daterange(e.start_date, e.end_date, '[]') && daterange(s.startdatum, s.slutdatum, '[]'))
            ), rejected AS (
                INSERT INTO reject (file_id, line, field, value, reason, message_sv, message_en)
                SELECT file_id, line, 'startdatum', startdatum::text, 'OVERLAPPING_EPISODE', :sv, :en
                  FROM overlapping
                RETURNING file_id, line
            )
            DELETE FROM stg_deltagare d USING rejected r WHERE d.file_id = r.file_id AND d.line = r.line""";

    private final JdbcClient jdbc;

    public EpisodeOverlapCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Rejects the overlapping staged episodes of the project's pending files; returns how many. */
    public int rejectOverlaps(String projectId) {
        return jdbc.sql(FIND_AND_REJECT)
                .param("project", projectId)
                .param("sv", RejectReason.OVERLAPPING_EPISODE.messageSv())
                .param("en", RejectReason.OVERLAPPING_EPISODE.messageEn())
                .update();
    }
}
