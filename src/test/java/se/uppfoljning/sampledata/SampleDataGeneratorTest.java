package se.uppfoljning.sampledata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.uppfoljning.TestRun;

class SampleDataGeneratorTest {

    private static final LocalDate DELIVERY = LocalDate.of(2026, 10, 31);
    private static final Pattern DATE = Pattern.compile("^(\\d{4})-?(\\d{2})-?(\\d{2})$");

    @TempDir
    static Path out;

    static SampleDataGenerator.Summary summary;

    @BeforeAll
    static void generate() {
        summary = SampleDataGenerator.generate(TestRun.markInput(out), SampleDataGenerator.DEFAULT_SEED);
    }

    @Test
    void sameSeedGivesByteIdenticalFiles(@TempDir Path again) throws IOException {
        SampleDataGenerator.generate(TestRun.markInput(again), SampleDataGenerator.DEFAULT_SEED);

        List<String> paths = SampleFiles.paths(out);
        assertThat(SampleFiles.paths(again)).isEqualTo(paths);
        for (String path : paths) {
            assertThat(Files.readAllBytes(again.resolve(path))).as(path).isEqualTo(Files.readAllBytes(out.resolve(path)));
        }
        for (String note : List.of("README.md", "EXPECTED_REJECTS.md")) {
            assertThat(Files.readString(again.resolve(note))).isEqualTo(Files.readString(out.resolve(note)));
        }
    }

    @Test
    void anotherSeedGivesOtherData(@TempDir Path other) throws IOException {
        SampleDataGenerator.generate(TestRun.markInput(other), 7);

        String path = "vasteras/deltagare/deltagare_2026-10-31.csv";
        assertThat(Files.readAllBytes(other.resolve(path))).isNotEqualTo(Files.readAllBytes(out.resolve(path)));
    }

    @Test
    void writesTheLayoutOfSpecSection4() throws IOException {
        assertThat(SampleFiles.paths(out)).containsExactly(
                "stockholmskraften/af_status/af_status_2026-10-31.csv",
                "stockholmskraften/bedomning/bedomning_2026-10-31.csv",
                "stockholmskraften/bistand/bistand_2026-10-31.csv",
                "stockholmskraften/deltagare/deltagare_2026-10-31.csv",
                "stockholmskraften/insatser/insatser_af_2026-10-31.csv",
                "stockholmskraften/insatser/insatser_stad_2026-10-31.xlsx",
                "stockholmskraften/kontakter/kontakter_2026-10-31.csv",
                "vasteras/af_status/af_status_2026-10-31.csv",
                "vasteras/bedomning/bedomning_2026-10-31.csv",
                "vasteras/bistand/bistand_2026-10-31.csv",
                "vasteras/deltagare/deltagare_2026-10-31.csv",
                "vasteras/insatser/insatser_2026-10-31.csv",
                "vasteras/kontakter/kontakter_2026-10-31.csv");
        assertThat(out.resolve("README.md")).exists();
        assertThat(out.resolve("EXPECTED_REJECTS.md")).exists();
    }

    @Test
    void everyFileHasTheHeaderOfItsSource() throws IOException {
        Map<String, List<String>> headers = Map.of(
                "deltagare", ProjectInbox.DELTAGARE, "kontakter", ProjectInbox.KONTAKTER,
                "bedomning", ProjectInbox.BEDOMNING, "insatser", ProjectInbox.INSATSER,
                "bistand", ProjectInbox.BISTAND, "af_status", ProjectInbox.AF_STATUS);
        assertThat(ProjectInbox.DELTAGARE).containsExactly("personnummer", "team", "omrade", "startdatum",
                "slutdatum", "avslutsanledning", "sysselsattning_efter", "kon", "remittent", "utbildningsniva",
                "funktionsnedsattning", "arbetslos_sedan", "ersattning_start", "ersattning_slut", "samtycke", "skyddad");
        for (String path : SampleFiles.paths(out)) {
            SampleFiles.Extract extract = SampleFiles.read(out, path);
            assertThat(extract.header()).as(path).isEqualTo(headers.get(path.split("/")[1]));
            assertThat(extract.lines()).as(path).isNotEmpty();
        }
    }

    @Test
    void eachFileHasItsAgencysEncodingAndLineEnds() throws IOException {
        for (String path : SampleFiles.paths(out)) {
            if (path.endsWith(".xlsx")) {
                continue;
            }
            byte[] bytes = Files.readAllBytes(out.resolve(path));
            boolean bom = bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF;
            assertThat(bom).as(path).isEqualTo(path.equals("stockholmskraften/kontakter/kontakter_2026-10-31.csv"));
            String text = new String(bytes, SampleFiles.charset(path));
            int lines = text.split("\n", -1).length - 1;
            int crlf = text.split("\r\n", -1).length - 1;
            assertThat(crlf).as(path).isEqualTo(path.contains("/af_status/") ? lines : 0);
        }
        byte[] bistand = Files.readAllBytes(out.resolve("stockholmskraften/bistand/bistand_2026-10-31.csv"));
        String decoded = new String(bistand, SampleFiles.charset("x/bistand/x"));
        assertThat(decoded).contains("Hässelby-Vällingby", "Ensamstående", "Östermalm");
        assertThat(new String(bistand, StandardCharsets.UTF_8)).doesNotContain("Hässelby");
    }

    @Test
    void everyPersonnummerIsATestNumberOrASamordningsnummerDerivedFromOne() throws IOException {
        Set<String> testNumbers = new HashSet<>(TestNumberPool.readList());
        Set<String> invalidOnPurpose = expectedLines("INVALID_PNR");
        int samordningsnummer = 0;
        int checkedRows = 0;
        for (String path : SampleFiles.paths(out)) {
            for (SampleFiles.Line line : SampleFiles.read(out, path).lines()) {
                String number = SamplePersonnummer.normalise(line.get("personnummer"), DELIVERY).orElseThrow();
                if (invalidOnPurpose.contains(path + ":" + line.number())) {
                    assertThat(SamplePersonnummer.isValid(number)).isFalse();
                    continue;
                }
                checkedRows++;
                assertThat(SamplePersonnummer.isValid(number)).as("%s:%d", path, line.number()).isTrue();
                boolean samordning = SamplePersonnummer.isSamordningsnummer(number);
                samordningsnummer += samordning ? 1 : 0;
                String behind = samordning ? testNumberBehind(number) : number;
                assertThat(testNumbers.contains(behind)).as("%s:%d %s", path, line.number(), behind).isTrue();
            }
        }
        assertThat(invalidOnPurpose).hasSize(1);
        assertThat(samordningsnummer).isPositive();
        assertThat(checkedRows).isGreaterThan(50_000);
    }

    @Test
    void samordningsnummerAndAllWrittenFormsOccur() {
        Set<String> samordning = new HashSet<>();
        boolean hyphen12 = false, plain12 = false, hyphen10 = false, padded = false;
        for (String project : List.of("stockholmskraften", "vasteras")) {
            for (SampleFiles.Line line : deltagare(project).lines()) {
                String raw = line.get("personnummer");
                hyphen12 |= raw.matches("\\d{8}-\\d{4}");
                plain12 |= raw.matches("\\d{12}");
                hyphen10 |= raw.matches("\\d{6}-\\d{4}");
                padded |= !raw.equals(raw.strip());
                SamplePersonnummer.normalise(raw, DELIVERY).filter(SamplePersonnummer::isSamordningsnummer)
                        .ifPresent(n -> samordning.add(project + n));
            }
        }
        assertThat(List.of(hyphen12, plain12, hyphen10, padded)).containsOnly(true);
        assertThat(samordning).hasSizeBetween(4, 8);
    }

    @Test
    void episodesOfOnePersonNeverOverlapExceptTheDeliberateOne() {
        Set<String> overlapping = new HashSet<>();
        Set<String> otherRejects = expectedLinesExcept("OVERLAPPING_EPISODE");
        for (String project : List.of("stockholmskraften", "vasteras")) {
            SampleFiles.Extract extract = deltagare(project);
            Map<String, List<SampleFiles.Line>> byPerson = new TreeMap<>();
            for (SampleFiles.Line line : extract.lines()) {
                if (otherRejects.contains(extract.path() + ":" + line.number())
                        || line.get("avslutsanledning").matches("FELREG|Felregistrerad")) {
                    continue;
                }
                String person = SamplePersonnummer.normalise(line.get("personnummer"), DELIVERY).orElseThrow();
                byPerson.computeIfAbsent(person, k -> new ArrayList<>()).add(line);
            }
            for (List<SampleFiles.Line> episodes : byPerson.values()) {
                episodes.sort((a, b) -> a.get("startdatum").compareTo(b.get("startdatum")));
                for (int i = 1; i < episodes.size(); i++) {
                    for (int j = 0; j < i; j++) {
                        String endOfEarlier = episodes.get(j).get("slutdatum");
                        if (endOfEarlier.isEmpty() || endOfEarlier.compareTo(episodes.get(i).get("startdatum")) >= 0) {
                            overlapping.add(extract.path() + ":" + episodes.get(i).number());
                        }
                    }
                }
            }
        }
        assertThat(overlapping).isEqualTo(expectedLines("OVERLAPPING_EPISODE")).hasSize(1);
    }

    @Test
    void noDateLiesAfterTheDeliveryDateExceptInTheDeliberateBadRows() throws IOException {
        Set<String> allowed = expectedLines("DATE_AFTER_DELIVERY");
        allowed.addAll(expectedLines("INVALID_DATE"));
        Set<String> late = new HashSet<>();
        for (String path : SampleFiles.paths(out)) {
            for (SampleFiles.Line line : SampleFiles.read(out, path).lines()) {
                for (Map.Entry<String, String> cell : line.cells().entrySet()) {
                    Optional<LocalDate> date = date(cell.getValue());
                    if (!cell.getKey().equals("personnummer") && date.isPresent() && date.get().isAfter(DELIVERY)) {
                        late.add(path + ":" + line.number());
                    }
                }
                if (path.contains("/bistand/")) {
                    assertThat(line.get("manad")).as(path + ":" + line.number()).isLessThanOrEqualTo("2026-10");
                }
            }
        }
        assertThat(allowed).containsAll(late);
        assertThat(late).hasSize(1);
    }

    @Test
    void theDeliberateBadRowsCoverEveryReasonCodeAndStayFarBelowTheLimit() {
        assertThat(summary.expectedRejects()).extracting(ExpectedReject::reason).containsOnlyOnce(
                "MISSING_VALUE", "INVALID_PNR", "INVALID_DATE", "NOT_A_NUMBER", "UNKNOWN_CODE", "OUT_OF_RANGE",
                "DATE_AFTER_DELIVERY", "MONTH_OUT_OF_RANGE", "OVERLAPPING_EPISODE");
        assertThat(summary.expectedRejects()).extracting(ExpectedReject::reason)
                .filteredOn(r -> r.equals("UNKNOWN_TEAM_OR_AREA") || r.equals("END_BEFORE_START"))
                .hasSize(4);
        assertThat(summary.expectedRejects()).hasSizeBetween(10, 15)
                .allSatisfy(r -> assertThat(r.file()).startsWith("stockholmskraften/"));
        for (SampleDataGenerator.ProjectSummary project : summary.projects()) {
            for (SampleDataGenerator.FileSummary file : project.files()) {
                long bad = summary.expectedRejects().stream().filter(r -> r.file().equals(file.path())).count();
                assertThat(bad).as(file.path()).isLessThan(file.rows() / 50 + 1L);
            }
        }
        for (ExpectedReject r : summary.expectedRejects()) {
            SampleFiles.Line line = SampleFiles.read(out, r.file()).lines().stream()
                    .filter(l -> l.number() == r.line()).findFirst().orElseThrow();
            String value = line.get(r.field()).strip();
            assertThat(r.field().equals("personnummer") ? BadRows.mask(value.replace("-", "")) : value)
                    .as(r.toString()).isEqualTo(r.value());
        }
    }

    @Test
    void theProjectsHaveAboutTheirPlannedSizeAndAgeProfile() {
        SampleDataGenerator.ProjectSummary stockholm = summary.projects().get(0);
        SampleDataGenerator.ProjectSummary vasteras = summary.projects().get(1);
        assertThat(stockholm.project()).isEqualTo("stockholmskraften");
        assertThat(stockholm.persons()).isEqualTo(1500);
        assertThat(stockholm.episodes()).isBetween(1550, 1650);
        assertThat((double) stockholm.endedEpisodes() / stockholm.episodes()).isBetween(0.5, 0.7);
        assertThat(vasteras.persons()).isEqualTo(300);

        int young = 0;
        for (SampleFiles.Line line : deltagare("stockholmskraften").lines()) {
            int age = ageAtStart(line);
            assertThat(age).isBetween(25, 66);
            young += age < 30 ? 1 : 0;
        }
        assertThat(young).isBetween(1, 10);
        for (SampleFiles.Line line : deltagare("vasteras").lines()) {
            assertThat(ageAtStart(line)).isBetween(16, 64);
        }
    }

    @Test
    void teamsAndAreasAreThoseOfTheProjectFiles() throws IOException {
        for (ProjectProfile profile : List.of(ProjectProfile.stockholmskraften(), ProjectProfile.vasteras())) {
            Path file = Path.of("jobs/projects/" + profile.id + ".yml");
            if (!Files.exists(file)) {
                continue; // run outside the repository
            }
            Map<String, Object> yaml = new org.yaml.snakeyaml.Yaml().load(Files.readString(file));
            List<?> teams = (List<?>) yaml.get("teams");
            assertThat(teams).hasSize(profile.teams.size());
            for (int i = 0; i < teams.size(); i++) {
                Map<?, ?> team = (Map<?, ?>) teams.get(i);
                ProjectProfile.Team ours = profile.teams.get(i);
                assertThat(team.get("id")).isEqualTo(ours.id());
                assertThat(team.get("areas")).isEqualTo(ours.areas());
                Object start = team.get("start");
                LocalDate date = start instanceof java.util.Date d
                        ? d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate() : LocalDate.parse(start.toString());
                assertThat(date).isEqualTo(ours.start());
            }
        }
    }

    @Test
    void scaleModeWritesOneInboxWithTheAskedNumberOfEpisodes(@TempDir Path scale, @TempDir Path again)
            throws IOException {
        SampleDataGenerator.Summary result = SampleDataGenerator.generateScale(TestRun.markInput(scale), 42, 2_000);
        SampleDataGenerator.generateScale(TestRun.markInput(again), 42, 2_000);

        assertThat(result.projects()).singleElement().satisfies(p -> assertThat(p.episodes()).isEqualTo(2_000));
        assertThat(result.expectedRejects()).isEmpty();
        List<String> paths = SampleFiles.paths(scale);
        assertThat(paths).containsExactly("af_status/af_status_2026-10-31.csv", "bedomning/bedomning_2026-10-31.csv",
                "bistand/bistand_2026-10-31.csv", "deltagare/deltagare_2026-10-31.csv",
                "insatser/insatser_2026-10-31.csv", "kontakter/kontakter_2026-10-31.csv");
        for (String path : paths) {
            assertThat(Files.readAllBytes(again.resolve(path))).as(path).isEqualTo(Files.readAllBytes(scale.resolve(path)));
        }
        SampleFiles.Extract insatser = SampleFiles.read(scale, "insatser/insatser_2026-10-31.csv");
        assertThat(insatser.lines().size()).isBetween(2_000 * 6, 2_000 * 11);
    }

    @Test
    void scaleModeKeepsIssue9sDensityWhenEpisodesCrowdThePersons(@TempDir Path scale) throws IOException {
        // 60,000 episodes need more than one per person even with the samordningsnummer (about 43,000)
        SampleDataGenerator.Summary result = SampleDataGenerator.generateScale(TestRun.markInput(scale), 7, 60_000);

        SampleDataGenerator.ProjectSummary project = result.projects().get(0);
        assertThat(project.persons()).isLessThan(60_000).isGreaterThan(25_000);
        Map<String, Integer> rows = new HashMap<>();
        project.files().forEach(f -> rows.put(f.path().split("/")[0], f.rows()));
        assertThat(rows.get("insatser")).as("about eight insatser an episode").isBetween(60_000 * 7, 60_000 * 10);
        assertThat(rows.get("bistand")).as("about twelve bistånd rows an episode").isBetween(60_000 * 9, 60_000 * 15);

        Set<String> testNumbers = new HashSet<>(TestNumberPool.readList());
        Map<String, BigDecimal> paidPerMonth = new HashMap<>();
        int samordningsnummer = 0;
        for (SampleFiles.Line line : SampleFiles.read(scale, "bistand/bistand_2026-10-31.csv").lines()) {
            String number = SamplePersonnummer.normalise(line.get("personnummer"), DELIVERY).orElseThrow();
            assertThat(SamplePersonnummer.isValid(number)).as("line %d", line.number()).isTrue();
            boolean samordning = SamplePersonnummer.isSamordningsnummer(number);
            samordningsnummer += samordning ? 1 : 0;
            String behind = samordning ? testNumberBehind(number) : number;
            assertThat(testNumbers.contains(behind)).as("line %d %s", line.number(), behind).isTrue();
            paidPerMonth.merge(number + line.get("manad"), new BigDecimal(line.get("belopp").replace(',', '.')),
                    BigDecimal::add);
        }
        assertThat(samordningsnummer).isPositive();
        // the instalments of a month add up to one month's support (R9), not to several months'
        assertThat(paidPerMonth.values()).allSatisfy(sum -> assertThat(sum).isLessThan(new BigDecimal(22_000)));
        // no bad rows in a benchmark inbox: nothing begins after the delivery date, however crowded
        for (SampleFiles.Line line : SampleFiles.read(scale, "af_status/af_status_2026-10-31.csv").lines()) {
            assertThat(date(line.get("inskrivningsdatum"))).as("line %d", line.number()).get()
                    .satisfies(d -> assertThat(d).isBeforeOrEqualTo(DELIVERY));
        }
    }

    // --- helpers ---

    private static SampleFiles.Extract deltagare(String project) {
        return SampleFiles.read(out, project + "/deltagare/deltagare_2026-10-31.csv");
    }

    private static int ageAtStart(SampleFiles.Line line) {
        String number = SamplePersonnummer.normalise(line.get("personnummer"), DELIVERY).orElseThrow();
        Optional<LocalDate> start = date(line.get("startdatum"));
        LocalDate birth = SamplePersonnummer.birthDate(number).orElseThrow();
        return start.map(s -> java.time.Period.between(birth, s).getYears()).orElse(40);
    }

    /** The test number a samordningsnummer was derived from: day - 60 and its check digit. */
    private static String testNumberBehind(String samordningsnummer) {
        int day = Integer.parseInt(samordningsnummer.substring(6, 8)) - 60;
        String first11 = samordningsnummer.substring(0, 6) + String.format(java.util.Locale.ROOT, "%02d", day) + samordningsnummer.substring(8, 11);
        return first11 + SamplePersonnummer.checkDigit(first11.substring(2));
    }

    private static Optional<LocalDate> date(String text) {
        Matcher m = DATE.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Set<String> expectedLines(String reason) {
        Set<String> lines = new HashSet<>();
        summary.expectedRejects().stream().filter(r -> r.reason().equals(reason))
                .forEach(r -> lines.add(r.file() + ":" + r.line()));
        return lines;
    }

    private static Set<String> expectedLinesExcept(String reason) {
        Set<String> lines = new HashSet<>();
        summary.expectedRejects().stream().filter(r -> !r.reason().equals(reason))
                .forEach(r -> lines.add(r.file() + ":" + r.line()));
        return lines;
    }
}
