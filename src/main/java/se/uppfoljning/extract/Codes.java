package se.uppfoljning.extract;

import java.util.List;

/** Our own code lists (SPEC §4). Source profiles map the agencies' raw codes onto these. */
public final class Codes {
    private Codes() {
    }

    public static final List<String> END_REASON =
            List.of("ENLIGT_PLAN", "AVBROTT", "FLYTT", "OVERFORD", "AVLIDEN", "FELREG", "OKAND");
    /** Ranked as SPEC §5 ranks same-day evidence (OKAND last: it is never evidence). */
    public static final List<String> SYSSELSATTNING = List.of("ARBETE", "ARBETE_SUBV", "EGET_FORETAG", "STUDIER",
            "ARBETSSOKANDE", "FORTSATT_REHAB", "SJUKSKRIVEN", "OVRIGT", "OKAND");
    public static final List<String> ERSATTNING = List.of("FORSORJNINGSSTOD", "A_KASSA", "AKTIVITETSSTOD",
            "ETABLERINGSERSATTNING", "SJUKPENNING", "AKTIVITETSERSATTNING", "SJUKERSATTNING", "LON", "LON_SUBV",
            "FORETAG", "STUDIEMEDEL", "ANNAN", "INGEN", "OKAND");
    public static final List<String> REFERRER = List.of("AF", "SOC", "FK", "REGION", "EGEN", "ANNAN");
    public static final List<String> PROVIDER = List.of("AF", "STAD", "REGION", "FK", "CIVIL", "ANNAN");
    public static final List<String> EDUCATION = List.of("ISCED_0_2", "ISCED_3_4", "ISCED_5_8", "OKAND");
    public static final List<String> GENDER = List.of("K", "M", "X");
    public static final List<String> YES_NO = List.of("J", "N");
    public static final List<String> ASSESSMENT_KIND = List.of("START", "UPPFOLJNING", "AVSLUT");
    public static final List<String> CONTACT_KIND = List.of("GEMENSAM_KARTLAGGNING", "SAMORDNAD_PLANERING",
            "TREPARTSSAMTAL", "ENSKILT", "UPPFOLJNING");
    public static final List<String> ACTOR = List.of("AF", "SOC", "JC", "REGION", "FK", "SYV");
    public static final List<String> JOBSEEKER_CATEGORY = List.of("ARBETSSOKANDE", "EJ_ARBETSSOKANDE");
    /** The standard insats list; jobs/sources/insatser.yml gives each its ladder level and evidence. */
    public static final List<String> INSATS = List.of("MOTIVATION", "HALSA", "KARTLAGGNING", "REHAB", "PRAKTIK",
            "ARBETSTRANING", "SFI", "KOMVUX", "YRKESUTBILDNING", "NYSTARTSJOBB", "LONESTOD", "INTRODUKTIONSJOBB",
            "STARTA_EGET", "ANSTALLNING");
}
