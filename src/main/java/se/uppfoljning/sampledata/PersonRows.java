package se.uppfoljning.sampledata;

/**
 * Writes everything one person leaves in a project's six sources. Each source gets its own random
 * stream (seed, project, source, person index), so each file depends only on what it shows.
 */
final class PersonRows {

    final DeltagareRows deltagare;
    final KontakterRows kontakter;
    final BedomningRows bedomning;
    final InsatserRows insatser;
    final BistandRows bistand;
    final AfStatusRows afStatus;
    private final String project;
    private final long seed;

    PersonRows(ProjectProfile profile, ProjectInbox inbox, long seed, double compactAfDates) {
        this.project = profile.id;
        this.seed = seed;
        deltagare = new DeltagareRows(inbox.deltagare);
        kontakter = new KontakterRows(profile, inbox.kontakter);
        bedomning = new BedomningRows(inbox.bedomning);
        insatser = new InsatserRows(profile, inbox);
        bistand = new BistandRows(profile, inbox.bistand);
        afStatus = new AfStatusRows(inbox.afStatus, compactAfDates);
    }

    /** A participant: the team register's rows and the agencies' rows. */
    void write(Person person, long index) {
        deltagare.write(person, Seeds.rng(seed, project, "deltagare", index));
        kontakter.write(person, Seeds.rng(seed, project, "kontakter", index));
        bedomning.write(person, Seeds.rng(seed, project, "bedomning", index));
        writeAgencyRows(person, index);
    }

    /** The agencies' rows only: for a person in no episode these are loaded and unused (SPEC R7). */
    void writeAgencyRows(Person person, long index) {
        insatser.write(person, Seeds.rng(seed, project, "insatser", index));
        bistand.write(person, Seeds.rng(seed, project, "bistand", index));
        afStatus.write(person, Seeds.rng(seed, project, "af_status", index));
    }
}
