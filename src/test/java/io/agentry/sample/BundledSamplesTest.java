package io.agentry.sample;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample files under {@code src/main/resources/samples} are the generator's output, unchanged.
 * After changing the generator, regenerate them with {@code -Dagentry.samples.regenerate=true}
 * on this test.
 */
class BundledSamplesTest {
    private static final Path RESOURCES = Path.of("src/main/resources");

    /** Postcode areas by ITL1 region, from the Royal Mail's areas (only those that lie in one region). */
    private static final Map<String, String> REGION_OF_AREA = regions(Map.ofEntries(
            Map.entry("North East", "NE SR DH TS DL"),
            Map.entry("North West", "M L PR BL CH WA SK LA CA BB WN OL FY"),
            Map.entry("Yorkshire and The Humber", "LS S BD HX HD YO HU HG WF DN"),
            Map.entry("East Midlands", "NG LE DE NN LN"),
            Map.entry("West Midlands", "B CV WV ST WR HR TF WS DY"),
            Map.entry("East of England", "CB NR IP CO CM SS AL SG LU PE WD"),
            Map.entry("London", "EC WC W SW SE E N NW"),
            Map.entry("South East", "RG GU OX MK SO PO BN TN ME CT SL HP RH"),
            Map.entry("South West", "BS BA EX PL TR GL SN BH TA DT"),
            Map.entry("Wales", "CF SA NP LL LD"),
            Map.entry("Scotland", "EH G AB DD IV KY FK PA PH ML"),
            Map.entry("Northern Ireland", "BT")));

    @Test
    void the_bundled_samples_are_exactly_what_the_generator_writes(@TempDir Path scratch) throws IOException {
        if (Boolean.getBoolean("agentry.samples.regenerate")) {
            deleteGenerated(RESOURCES.resolve(BundledSamples.SITES));
            BundledSamples.write(RESOURCES);
        }
        BundledSamples.write(scratch);
        Set<String> generated = files(scratch.resolve("samples"));
        Set<String> bundled = files(RESOURCES.resolve("samples"));
        bundled.removeIf(path -> path.endsWith("README.md"));
        assertThat(bundled).isEqualTo(generated);
        for (String path : generated) {
            assertThat(RESOURCES.resolve("samples").resolve(path))
                    .as(path)
                    .hasSameBinaryContentAs(scratch.resolve("samples").resolve(path));
        }
    }

    @Test
    void the_companies_file_on_the_class_path_is_a_fresh_generation_with_the_sample_seed() throws IOException {
        String fresh = SyntheticCompaniesTest.generate(SyntheticCompanies.SAMPLE_SEED, SyntheticCompanies.SAMPLE_ROWS);
        assertThat(resource(SyntheticCompanies.SAMPLE_RESOURCE)).isEqualTo(fresh);
    }

    @Test
    void the_sample_has_postcode_areas_in_all_twelve_regions() throws IOException {
        Map<String, Long> companiesByRegion = sample().stream()
                .map(row -> row.getField(9).replaceAll("\\d.*", ""))
                .map(area -> REGION_OF_AREA.getOrDefault(area, "unknown area " + area))
                .collect(Collectors.groupingBy(region -> region, Collectors.counting()));
        assertThat(companiesByRegion.keySet()).containsExactlyInAnyOrderElementsOf(Set.copyOf(REGION_OF_AREA.values()));
        assertThat(companiesByRegion.get("London")).isGreaterThan(companiesByRegion.get("Wales"));
    }

    @Test
    void every_website_is_of_an_active_sample_company_and_has_a_home_page_under_its_host() throws IOException {
        Map<String, CsvRecord> sample = new HashMap<>();
        sample().forEach(row -> sample.put(row.getField(1), row));
        List<CsvRecord> websites = CsvReader.builder().ofCsvRecord(resource("/samples/websites.csv")).stream()
                .toList();
        assertThat(websites.get(0).getFields()).containsExactly("company_number", "website");
        assertThat(websites).hasSize(1 + SampleSites.count());
        for (CsvRecord website : websites.subList(1, websites.size())) {
            assertThat(sample).containsKey(website.getField(0));
            assertThat(sample.get(website.getField(0)).getField(11)).isEqualTo("Active");
            assertThat(website.getField(1)).matches("http://[a-z0-9-]+\\.example/");
            String host = website.getField(1).replaceAll("http://|/", "");
            assertThat(resource("/samples/sites/" + host + "/index.html")).contains("mailto:hello@" + host);
        }
        assertThat(websites.stream().map(row -> row.getField(0)).distinct()).hasSize(websites.size());
    }

    @Test
    void one_site_disallows_all_robots_and_some_keep_them_out_of_admin_pages_only() throws IOException {
        try (Stream<Path> robots = Files.find(
                RESOURCES.resolve(BundledSamples.SITES), 2, (path, attributes) -> path.endsWith("robots.txt"))) {
            List<String> texts = robots.map(BundledSamplesTest::read).toList();
            assertThat(texts.stream().filter(text -> text.contains("Disallow: /\n")))
                    .hasSize(1);
            assertThat(texts.stream().filter(text -> text.contains("Disallow: /wp-admin/") || text.contains("/admin")))
                    .isNotEmpty();
        }
    }

    @Test
    void the_bundled_samples_stay_small() throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES.resolve("samples"))) {
            long bytes = files.filter(Files::isRegularFile)
                    .mapToLong(BundledSamplesTest::size)
                    .sum();
            assertThat(bytes).isLessThan(4L * 1024 * 1024);
        }
    }

    private static List<CsvRecord> sample() throws IOException {
        return CsvReader.builder().ofCsvRecord(resource(SyntheticCompanies.SAMPLE_RESOURCE)).stream()
                .skip(1)
                .toList();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = BundledSamplesTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Set<String> files(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(path -> root.relativize(path).toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static void deleteGenerated(Path sites) throws IOException {
        if (Files.exists(sites)) {
            try (Stream<Path> files = Files.walk(sites)) {
                for (Path path : files.sorted((a, b) -> b.compareTo(a)).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static Map<String, String> regions(Map<String, String> areasByRegion) {
        Map<String, String> regionOfArea = new HashMap<>();
        areasByRegion.forEach((region, areas) -> {
            for (String area : areas.split(" ")) {
                regionOfArea.put(area, region);
            }
        });
        return regionOfArea;
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
