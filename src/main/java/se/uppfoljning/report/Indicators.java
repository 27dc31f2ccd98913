package se.uppfoljning.report;

import java.util.List;

import se.uppfoljning.report.DisclosureControl.Unit;

/** The indicators of SPEC §6 in report order, with their unit (R27). */
public final class Indicators {
    /** An indicator as tables.csv shows it; a share names the counts it is made of. */
    public record Indicator(String id, Unit unit, String numerator, String denominator) {
        static Indicator persons(String id) {
            return new Indicator(id, Unit.PERSONS, null, null);
        }

        public boolean share() {
            return unit == Unit.SHARE;
        }
    }

    public static final List<Indicator> PROJECT = List.of(
            Indicator.persons("PART_NEW"),
            Indicator.persons("PART_ACTIVE"),
            Indicator.persons("PART_ENDED"),
            Indicator.persons("PART_ONGOING_START"),
            Indicator.persons("PART_ONGOING_END"),
            new Indicator("PARTICIPANT_YEARS", Unit.YEARS, null, null),
            Indicator.persons("ENDED_COMPLETED"),
            Indicator.persons("ENDED_ABORTED"),
            Indicator.persons("EXIT_WORK"),
            Indicator.persons("EXIT_WORK_SUBV"),
            Indicator.persons("EXIT_STUDIES"),
            Indicator.persons("EXIT_JOBSEEKING"),
            Indicator.persons("EXIT_CONT_REHAB"),
            Indicator.persons("EXIT_OTHER"),
            Indicator.persons("EXIT_UNKNOWN"),
            Indicator.persons("EXIT_PRELIMINARY"),
            new Indicator("PROGRESSION", Unit.SHARE, "PROGRESSION_COUNT", "PROGRESSION_BASE"),
            new Indicator("PROGRESSION_BASE", Unit.EPISODES, null, null),
            Indicator.persons("SELF_SUFFICIENT_3M"),
            Indicator.persons("SELF_SUFFICIENT_3M_BASE"),
            Indicator.persons("SUPPORT_REDUCED"),
            Indicator.persons("SUPPORT_REDUCED_BASE"),
            Indicator.persons("EMPLOYED_6M"),
            Indicator.persons("EMPLOYED_6M_BASE"),
            Indicator.persons("COORDINATED"),
            Indicator.persons("INELIGIBLE"));

    /** ESF+ common indicators with data (R26: EECO13–17 and EECR03 are "ej insamlat", never written). */
    public static final List<Indicator> ESF = List.of(
            Indicator.persons("EECO01"), Indicator.persons("EECO02"), Indicator.persons("EECO03"),
            Indicator.persons("EECO04"), Indicator.persons("EECO05"), Indicator.persons("EECO06"),
            Indicator.persons("EECO07"), Indicator.persons("EECO08"), Indicator.persons("EECO09"),
            Indicator.persons("EECO10"), Indicator.persons("EECO11"), Indicator.persons("EECO12"),
            Indicator.persons("EECR01"), Indicator.persons("EECR02"), Indicator.persons("EECR04"),
            Indicator.persons("EECR05"));

    public static final List<String> NOT_COLLECTED =
            List.of("EECO13", "EECO14", "EECO15", "EECO16", "EECO17", "EECR03");

    /** The income-support-at-end groups of the before → after matrix (SUPPORT_AFTER_<GROUP> by support_group_start). */
    public static final List<String> SUPPORT_GROUPS =
            List.of("ohalsa", "arbetsmarknadsstod", "ekonomiskt_bistand", "egen_forsorjning", "studier", "ovrigt");

    private Indicators() {
    }
}
