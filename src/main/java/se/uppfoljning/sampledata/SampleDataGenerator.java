package se.uppfoljning.sampledata;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes the synthetic sample extracts of the two sample projects (SPEC §2, §4):
 * {@code <out>/<project>/<source>/<scope>_2026-10-31.csv|xlsx}, with {@code README.md} and
 * {@code EXPECTED_REJECTS.md} beside them. Every personnummer is one of Skatteverket's test numbers
 * (or a samordningsnummer derived from one); the same seed gives byte-identical files.
 *
 * <p>{@code --scale N} writes instead a single Stockholmskraften inbox with N episodes for
 * benchmarks (no deliberate bad rows).
 */
public final class SampleDataGenerator {

    public static final long DEFAULT_SEED = 20260101L;
    public static final String DEFAULT_OUT = "sample-data";

    /** One file written and its data rows (header not counted). */
    public record FileSummary(String path, int rows) {
    }

    /** What one project inbox holds. */
    public record ProjectSummary(String project, int persons, int episodes, int endedEpisodes,
            List<FileSummary> files) {
    }

    /** The result of a run: the inboxes and the deliberate bad rows. */
    public record Summary(List<ProjectSummary> projects, List<ExpectedReject> expectedRejects) {
    }

    /** Persons in no episode who still appear in the agencies' extracts (SPEC R7). */
    private static final int UNLINKED_STOCKHOLM = 6;
    private static final int UNLINKED_VASTERAS = 3;
    /** Share of the Stockholm af_status rows whose dates are written YYYYMMDD. */
    private static final double COMPACT_AF_DATES = 0.04;
    /**
     * Episodes per person in scale mode at most: short consecutive, non-overlapping slots of the
     * project's ~26 months (48 slots are about two weeks each). With the ~22,000 usable test
     * numbers and the samordningsnummer derived from them this reaches about 2,000,000 episodes;
     * 1,000,000 takes about 23 per person, episodes of about five weeks. The denser the episodes,
     * the more instalments a paid month is split into, so the rows per episode stay as issue 9
     * asks (see ProjectProfile.stockholmskraftenScale).
     */
    private static final int SCALE_MAX_EPISODES_PER_PERSON = 48;

    private SampleDataGenerator() {
    }

    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        Path out = Path.of(DEFAULT_OUT);
        long seed = DEFAULT_SEED;
        Integer scale = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--help", "-h" -> {
                        usage(System.out);
                        return;
                    }
                    case "--out" -> out = Path.of(value(args, ++i));
                    case "--seed" -> seed = Long.parseLong(value(args, ++i));
                    case "--scale" -> scale = Integer.parseInt(value(args, ++i));
                    default -> throw new IllegalArgumentException("Unknown option " + args[i]);
                }
            }
            if (scale != null && scale < 1) {
                throw new IllegalArgumentException("--scale needs a positive number of episodes");
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            usage(System.err);
            System.exit(2);
            return;
        }
        try {
            Summary summary = scale == null ? generate(out, seed) : generateScale(out, seed, scale);
            report(summary, out, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    /** Writes the sample inboxes of both projects and the two notes into {@code out}. */
    public static Summary generate(Path out, long seed) {
        TestNumberPool pool = TestNumberPool.load();
        ProjectProfile vasteras = ProjectProfile.vasteras();
        ProjectProfile stockholm = ProjectProfile.stockholmskraften();
        // Västerås first: it needs the older birth years, of which the list has few
        List<Person> vasterasPersons = plan(vasteras, pool, seed);
        List<Person> stockholmPersons = plan(stockholm, pool, seed);
        SplittableRandom strangers = Seeds.rng(seed, "all", "strangers", 0);
        List<Person> vasterasUnlinked = unlinked(vasteras, pool, UNLINKED_VASTERAS, strangers);
        List<Person> stockholmUnlinked = unlinked(stockholm, pool, UNLINKED_STOCKHOLM, strangers);
        List<String> badRowNumbers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            badRowNumbers.add(pool.draw(1975 + 3 * i, 1970, 1995, strangers));
        }
        try {
            List<ExpectedReject> rejects = new ArrayList<>();
            ProjectSummary s = write(out, stockholm, stockholmPersons, stockholmUnlinked, badRowNumbers, seed, rejects);
            ProjectSummary v = write(out, vasteras, vasterasPersons, vasterasUnlinked, null, seed, rejects);
            rejects.sort(Comparator.comparing((ExpectedReject r) -> sourceOrder(r.file())).thenComparing(ExpectedReject::file)
                    .thenComparingInt(ExpectedReject::line));
            Summary summary = new Summary(List.of(s, v), List.copyOf(rejects));
            SampleDocs.write(out, seed, summary);
            return summary;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Benchmark mode: one Stockholmskraften inbox directly in {@code out} with {@code episodes}
     * episodes (up to {@value #SCALE_MAX_EPISODES_PER_PERSON} per person, in consecutive slots),
     * each with its contacts, assessments, insatser, payments and AF registrations. Persons are
     * written as they are planned; nothing is held for the whole file.
     */
    public static Summary generateScale(Path out, long seed, int episodes) {
        TestNumberPool pool = TestNumberPool.loadWithSamordningsnummer();
        ProjectProfile profile = ProjectProfile.stockholmskraftenScale();
        int capacity = pool.remaining(1941, 2005) * 97 / 100;
        int perPerson = (int) Math.ceil((double) episodes / capacity);
        if (perPerson > SCALE_MAX_EPISODES_PER_PERSON) {
            throw new IllegalArgumentException("--scale " + episodes + " is more than the test numbers allow ("
                    + (long) capacity * SCALE_MAX_EPISODES_PER_PERSON + ")");
        }
        int persons = (int) Math.ceil((double) episodes / perPerson);
        PersonGenerator generator = new PersonGenerator(profile, pool);
        int written = 0;
        int ended = 0;
        ProjectInbox inbox;
        try {
            inbox = new ProjectInbox(out, "", ProjectInbox.Layout.SINGLE_INSATSER_CSV, true);
            try (inbox) {
                PersonRows rows = new PersonRows(profile, inbox, seed, COMPACT_AF_DATES);
                for (int i = 0; i < persons; i++) {
                    int count = episodes / persons + (i < episodes % persons ? 1 : 0);
                    Person person = generator.planSlots(i, count, Seeds.rng(seed, profile.id, "plan", i));
                    rows.write(person, i);
                    written += person.episodes.size();
                    ended += (int) person.episodes.stream().filter(e -> !e.isOpen()).count();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Summary(List.of(new ProjectSummary(profile.id, persons, written, ended, files(inbox))), List.of());
    }

    /** Plans a project's persons and orders them by first start (the team register's order). */
    private static List<Person> plan(ProjectProfile profile, TestNumberPool pool, long seed) {
        PersonGenerator generator = new PersonGenerator(profile, pool);
        List<Person> persons = new ArrayList<>();
        for (int i = 0; i < profile.persons; i++) {
            persons.add(generator.plan(i, Seeds.rng(seed, profile.id, "plan", i)));
        }
        persons.sort(Comparator.comparing(Person::firstStart).thenComparing(p -> p.pnr));
        return persons;
    }

    /** Persons who took no part but are on försörjningsstöd, registered at AF and in an insats. */
    private static List<Person> unlinked(ProjectProfile profile, TestNumberPool pool, int count, SplittableRandom rng) {
        List<Person> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Person p = new Person(pool.draw(Rand.between(rng, 1970, 1992), 1965, 1995, rng));
            ProjectProfile.Team team = profile.teams.get(i % profile.teams.size());
            Episode e = new Episode(); // never written to the team register
            e.team = team;
            e.area = team.areas().get(0);
            e.start = Rand.workday(Rand.date(rng, team.start(), ProjectProfile.DELIVERY.minusMonths(3)),
                    ProjectProfile.DELIVERY);
            e.supportStart = "FORSORJNINGSSTOD";
            e.referrer = "SOC";
            p.episodes.add(e);
            p.household = profile.household.pick(rng);
            p.monthlySupport = Rand.between(rng, 5500, 9000);
            p.afRegistered = true;
            list.add(p);
        }
        return list;
    }

    private static ProjectSummary write(Path out, ProjectProfile profile, List<Person> persons, List<Person> unlinked,
            List<String> badRowNumbers, long seed, List<ExpectedReject> rejects) throws IOException {
        boolean stockholm = profile.splitInsatserByAgency;
        ProjectInbox inbox = new ProjectInbox(out, profile.id,
                stockholm ? ProjectInbox.Layout.SPLIT_INSATSER_XLSX : ProjectInbox.Layout.SINGLE_INSATSER_CSV,
                stockholm);
        try (inbox) {
            PersonRows rows = new PersonRows(profile, inbox, seed, stockholm ? COMPACT_AF_DATES : 0);
            BadRows bad = badRowNumbers == null ? null
                    : new BadRows(inbox, rows, badRowNumbers, Seeds.rng(seed, profile.id, "bad-rows", 0));
            int nextUnlinked = 0;
            for (int i = 0; i < persons.size(); i++) {
                if (bad != null) {
                    bad.before(i, persons.get(i));
                }
                rows.write(persons.get(i), i);
                if (bad != null) {
                    bad.after(i, persons.get(i));
                }
                if (nextUnlinked < unlinked.size() && i == (nextUnlinked + 1) * persons.size() / (unlinked.size() + 1)) {
                    rows.writeAgencyRows(unlinked.get(nextUnlinked), 1_000_000 + nextUnlinked);
                    nextUnlinked++;
                }
            }
            if (bad != null) {
                rejects.addAll(bad.expected());
            }
        }
        int episodes = persons.stream().mapToInt(p -> p.episodes.size()).sum();
        int ended = (int) persons.stream().flatMap(p -> p.episodes.stream()).filter(e -> !e.isOpen()).count();
        return new ProjectSummary(profile.id, persons.size(), episodes, ended, files(inbox));
    }

    private static int sourceOrder(String path) {
        List<String> sources = List.of("deltagare", "kontakter", "bedomning", "insatser", "bistand", "af_status");
        return sources.indexOf(path.split("/")[1]);
    }

    private static List<FileSummary> files(ProjectInbox inbox) {
        return inbox.files().stream().map(f -> new FileSummary(f.path(), f.rows())).toList();
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException("Option " + args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static void usage(PrintStream out) {
        out.println("""
                Usage: SampleDataGenerator [--out <dir>] [--seed <long>] [--scale <episodes>]

                Writes synthetic extracts for the sample projects stockholmskraften and vasteras into
                <dir>/<project>/<source>/ (default dir: sample-data, seed: 20260101), with README.md and
                EXPECTED_REJECTS.md. Every personnummer is one of Skatteverket's test numbers.
                The same seed gives byte-identical files.

                  --scale N   instead write one stockholmskraften inbox with N episodes directly into
                              <dir>/<source>/ (for benchmarks; no deliberate bad rows): about 8 insatser,
                              12 bistand rows and 25-30 extract rows in all per episode (issue 9), from the
                              test numbers and the samordningsnummer derived from them
                  --help      this text""");
    }

    private static void report(Summary summary, Path out, PrintStream ps) {
        for (ProjectSummary p : summary.projects()) {
            ps.printf(Locale.ROOT, "%s: %d persons, %d episodes (%d ended)%n", p.project(), p.persons(), p.episodes(),
                    p.endedEpisodes());
            for (FileSummary f : p.files()) {
                ps.printf(Locale.ROOT, "  %-60s %8d rows%n", out.resolve(f.path()), f.rows());
            }
        }
        if (!summary.expectedRejects().isEmpty()) {
            ps.printf(Locale.ROOT, "%d deliberate bad rows, see %s%n", summary.expectedRejects().size(),
                    out.resolve("EXPECTED_REJECTS.md"));
        }
    }
}
