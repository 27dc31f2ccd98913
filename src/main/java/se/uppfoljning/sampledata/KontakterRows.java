package se.uppfoljning.sampledata;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The team register's meetings: for most episodes a joint assessment (GEMENSAM_KARTLAGGNING with
 * several agencies) within 3-40 days of the start and a coordinated plan within 10-60 days, then
 * individual meetings, three-party talks and follow-ups every few weeks until the episode ends.
 */
final class KontakterRows {

    record Contact(LocalDate date, String type, String actors) {
    }

    private final ProjectProfile profile;
    private final RowSink sink;

    KontakterRows(ProjectProfile profile, RowSink sink) {
        this.profile = profile;
        this.sink = sink;
    }

    void write(Person person, SplittableRandom rng) {
        for (Episode e : person.episodes) {
            if (e.isVoid()) {
                continue;
            }
            for (Contact c : contacts(e, rng)) {
                sink.write(Cells.pnr(rng, person.pnr), c.date(), Cells.maybeRaw(rng, 0.03, c.type(), Cells.CONTACT_RAW),
                        Rand.chance(rng, 0.02) ? c.actors().replace("JC", "Jobbcoach") : c.actors());
            }
        }
    }

    private List<Contact> contacts(Episode e, SplittableRandom rng) {
        LocalDate last = e.horizon();
        List<Contact> list = new ArrayList<>();
        if (Rand.chance(rng, 0.9)) {
            add(list, e.start.plusDays(Rand.between(rng, 3, 40)), "GEMENSAM_KARTLAGGNING",
                    profile.jointAktorer.pick(rng), last);
        }
        if (Rand.chance(rng, 0.8)) {
            add(list, e.start.plusDays(Rand.between(rng, 10, 60)), "SAMORDNAD_PLANERING",
                    profile.planAktorer.pick(rng), last);
        }
        for (LocalDate d = e.start.plusDays(Rand.between(rng, 5, 20)); !d.isAfter(last);
                d = d.plusDays(Rand.between(rng, 12, 40))) {
            int r = rng.nextInt(100);
            String type = r < 60 ? "ENSKILT" : r < 85 ? "UPPFOLJNING" : "TREPARTSSAMTAL";
            Weighted actors = type.equals("TREPARTSSAMTAL") ? profile.threePartyAktorer : profile.meetingAktorer;
            add(list, d, type, actors.pick(rng), last);
        }
        list.sort(Comparator.comparing(Contact::date)); // stable: same-day contacts keep their order
        return list;
    }

    private static void add(List<Contact> list, LocalDate date, String type, String actors, LocalDate last) {
        LocalDate d = Rand.workday(date, last);
        if (!d.isAfter(last)) {
            list.add(new Contact(d, type, actors));
        }
    }
}
