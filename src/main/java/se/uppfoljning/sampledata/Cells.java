package se.uppfoljning.sampledata;

import java.time.LocalDate;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How values are written into the extracts: the personnummer in its various accepted forms and,
 * in a share of the rows, the agencies' own codes instead of ours (the source profiles in
 * {@code jobs/sources/} map them back).
 */
final class Cells {

    static final Map<String, String[]> END_REASON_RAW = Map.of(
            "ENLIGT_PLAN", new String[] {"Enligt plan", "Fullföljt"},
            "AVBROTT", new String[] {"Avbrutit"},
            "FLYTT", new String[] {"Flyttat"},
            "OVERFORD", new String[] {"Överförd"},
            "FELREG", new String[] {"Felregistrerad"},
            "OKAND", new String[] {"Okänd"});
    static final Map<String, String[]> STATUS_RAW = Map.of(
            "ARBETE", new String[] {"Arbete"},
            "ARBETE_SUBV", new String[] {"Lönestöd", "Nystartsjobb"},
            "EGET_FORETAG", new String[] {"Eget företag"},
            "STUDIER", new String[] {"Studier"},
            "ARBETSSOKANDE", new String[] {"Arbetssökande"},
            "FORTSATT_REHAB", new String[] {"Fortsatt rehabilitering"},
            "SJUKSKRIVEN", new String[] {"Sjukskriven"},
            "OVRIGT", new String[] {"Övrigt"},
            "OKAND", new String[] {"Okänd"});
    static final Map<String, String[]> KON_RAW = Map.of(
            "K", new String[] {"Kvinna"}, "M", new String[] {"Man"}, "X", new String[] {"Icke-binär"});
    static final Map<String, String[]> REFERRER_RAW = Map.of(
            "AF", new String[] {"Arbetsförmedlingen"},
            "SOC", new String[] {"Socialtjänsten", "Ekonomiskt bistånd"},
            "FK", new String[] {"Försäkringskassan"},
            "REGION", new String[] {"Regionen", "Vården"},
            "EGEN", new String[] {"Egen anmälan"});
    static final Map<String, String[]> EDUCATION_RAW = Map.of(
            "ISCED_0_2", new String[] {"Förgymnasial"},
            "ISCED_3_4", new String[] {"Gymnasial"},
            "ISCED_5_8", new String[] {"Eftergymnasial"});
    static final Map<String, String[]> YES_NO_RAW = Map.of("J", new String[] {"Ja"}, "N", new String[] {"Nej"});
    static final Map<String, String[]> SUPPORT_RAW = Map.of(
            "FORSORJNINGSSTOD", new String[] {"EKB", "Försörjningsstöd"},
            "SJUKPENNING", new String[] {"Sjukpenning"},
            "AKTIVITETSSTOD", new String[] {"Aktivitetsstöd"});
    static final Map<String, String[]> CONTACT_RAW = Map.of(
            "GEMENSAM_KARTLAGGNING", new String[] {"Gemensam kartläggning"},
            "SAMORDNAD_PLANERING", new String[] {"Samordnad planering", "SIP"},
            "TREPARTSSAMTAL", new String[] {"Trepartssamtal"},
            "ENSKILT", new String[] {"Enskilt samtal", "Enskilt"},
            "UPPFOLJNING", new String[] {"Uppföljning"});
    static final Map<String, String[]> ASSESSMENT_RAW = Map.of(
            "START", new String[] {"Start", "Inledande"},
            "UPPFOLJNING", new String[] {"Uppföljning"},
            "AVSLUT", new String[] {"Avslut"});
    static final Map<String, String[]> AF_INSATS_RAW = Map.of(
            "PRAKTIK", new String[] {"AF-PRA"},
            "KARTLAGGNING", new String[] {"AF-FK"},
            "MOTIVATION", new String[] {"AF-K-MOT"},
            "YRKESUTBILDNING", new String[] {"AF-AUB"},
            "NYSTARTSJOBB", new String[] {"AF-NYS"},
            "LONESTOD", new String[] {"AF-LS"},
            "INTRODUKTIONSJOBB", new String[] {"AF-INTRO"},
            "STARTA_EGET", new String[] {"AF-SN"});
    static final Map<String, String[]> OTHER_INSATS_RAW = Map.of(
            "ARBETSTRANING", new String[] {"Arbetsträning"},
            "KOMVUX", new String[] {"Komvux"},
            "PRAKTIK", new String[] {"Praktik"},
            "MOTIVATION", new String[] {"Motiverande insats"},
            "HALSA", new String[] {"Hälsofrämjande insats"},
            "REHAB", new String[] {"FK-ALR"},
            "SFI", new String[] {"Svenska för invandrare"},
            "ANSTALLNING", new String[] {"Anställning"});
    static final Map<String, String[]> PROVIDER_RAW = Map.of(
            "AF", new String[] {"Arbetsförmedlingen"},
            "STAD", new String[] {"Jobbtorg", "Staden"},
            "REGION", new String[] {"Regionen"},
            "FK", new String[] {"Försäkringskassan"},
            "CIVIL", new String[] {"Idéburen"});
    static final Map<String, String[]> JOBSEEKER_RAW = Map.of(
            "ARBETSSOKANDE", new String[] {"11", "11", "68", "22", "12", "70"},
            "EJ_ARBETSSOKANDE", new String[] {"21", "41"});
    static final Map<String, String[]> DEREGISTRATION_RAW = Map.of(
            "ARBETE", new String[] {"Fått arbete", "01"},
            "ARBETE_SUBV", new String[] {"Fått arbete med stöd", "02"},
            "EGET_FORETAG", new String[] {"Startat eget företag", "03"},
            "STUDIER", new String[] {"Börjat reguljär utbildning", "04"},
            "FORTSATT_REHAB", new String[] {"Övergått till arbetslivsinriktad rehabilitering", "05"},
            "SJUKSKRIVEN", new String[] {"Sjukskriven", "06"},
            "OVRIGT", new String[] {"Annan orsak", "07"},
            "OKAND", new String[] {"Kontakten upphörd", "08"});

    private Cells() {
    }

    /** The personnummer as a clerk writes it: mostly YYYYMMDD-NNNC, some without hyphen or 10 digits, a few padded. */
    static String pnr(SplittableRandom rng, String twelve) {
        int r = rng.nextInt(1000);
        SamplePersonnummer.Style style = r < 800 ? SamplePersonnummer.Style.HYPHEN_12
                : r < 905 ? SamplePersonnummer.Style.PLAIN_12
                : r < 995 ? SamplePersonnummer.Style.HYPHEN_10
                : SamplePersonnummer.Style.PADDED_12;
        return SamplePersonnummer.format(twelve, style);
    }

    /** With probability {@code p} (and when the code has one) an agency's code for {@code code}. */
    static String maybeRaw(SplittableRandom rng, double p, String code, Map<String, String[]> raw) {
        if (code == null || code.isEmpty() || !Rand.chance(rng, p)) {
            return code;
        }
        String[] alternatives = raw.get(code);
        return alternatives == null ? code : Rand.oneOf(rng, alternatives);
    }

    /** A date as {@code YYYYMMDD} text (the compact form SPEC §4 also accepts). */
    static String compact(LocalDate date) {
        return date == null ? "" : date.toString().replace("-", "");
    }
}
