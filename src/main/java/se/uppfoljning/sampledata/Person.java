package se.uppfoljning.sampledata;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One synthetic person of a project: the number (a Skatteverket test number, or a samordningsnummer
 * derived from one), the facts the agencies' extracts need, and the person's participation
 * episodes in start order (never overlapping).
 */
final class Person {

    final String pnr;
    final LocalDate birthDate;
    final boolean male;
    final List<Episode> episodes = new ArrayList<>();
    /** hushallstyp in the bistand rows. */
    String household;
    /** Typical monthly försörjningsstöd in kronor. */
    int monthlySupport;
    /** False for the handful on försörjningsstöd at start whose payments are missing from the extract. */
    boolean supportRowsDelivered = true;
    boolean afRegistered;

    Person(String pnr) {
        this.pnr = pnr;
        this.birthDate = SamplePersonnummer.birthDate(pnr).orElseThrow();
        this.male = SamplePersonnummer.isMale(pnr);
    }

    int ageAt(LocalDate date) {
        return java.time.Period.between(birthDate, date).getYears();
    }

    LocalDate firstStart() {
        return episodes.get(0).start;
    }

    Episode lastEpisode() {
        return episodes.get(episodes.size() - 1);
    }

    boolean receivesSupport() {
        return episodes.stream().anyMatch(e -> e.supportStart.contains("FORSORJNINGSSTOD"));
    }
}
