package se.uppfoljning.sampledata;

import java.util.SplittableRandom;

/** The team register's participation episodes: one {@code deltagare} row per episode. */
final class DeltagareRows {

    private static final double RAW = 0.04;

    private final RowSink sink;

    DeltagareRows(RowSink sink) {
        this.sink = sink;
    }

    void write(Person person, SplittableRandom rng) {
        for (Episode e : person.episodes) {
            write(Cells.pnr(rng, person.pnr), e, rng);
        }
    }

    /** Writes one episode with the number as given; returns the line. */
    int write(String writtenPnr, Episode e, SplittableRandom rng) {
        String status = e.outcomeWritten ? e.outcome : "";
        return sink.write(writtenPnr, e.team.id(), e.area, e.start, e.end,
                Cells.maybeRaw(rng, RAW, e.endReason, Cells.END_REASON_RAW),
                Cells.maybeRaw(rng, RAW, status, Cells.STATUS_RAW),
                Cells.maybeRaw(rng, 0.05, e.kon, Cells.KON_RAW),
                Cells.maybeRaw(rng, RAW, e.referrer, Cells.REFERRER_RAW),
                Cells.maybeRaw(rng, RAW, e.education, Cells.EDUCATION_RAW),
                Cells.maybeRaw(rng, 0.03, e.disability, Cells.YES_NO_RAW),
                e.unemployedSince,
                Cells.maybeRaw(rng, 0.03, e.supportStart, Cells.SUPPORT_RAW),
                e.supportEnd,
                e.consent,
                e.protectedId);
    }
}
