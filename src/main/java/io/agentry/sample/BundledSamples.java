package io.agentry.sample;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample data bundled in the jar under {@code samples/}: the companies file, a website for
 * sixty of its companies, and {@code websites.csv} linking them. All of it is generated from
 * {@link SyntheticCompanies#SAMPLE_SEED}; a test regenerates it and compares byte for byte.
 */
final class BundledSamples {
    static final String COMPANIES = "samples/companies/BasicCompanyData-synthetic-sample.csv";
    static final String WEBSITES = "samples/websites.csv";
    static final String SITES = "samples/sites";

    private BundledSamples() {}

    /** Writes the generated sample files under {@code root} (the resources directory, or a scratch one). */
    static void write(Path root) throws IOException {
        Path companies = root.resolve(COMPANIES);
        Files.createDirectories(companies.getParent());
        new SyntheticCompanies(SyntheticCompanies.SAMPLE_SEED).write(companies, SyntheticCompanies.SAMPLE_ROWS);
        List<Site> sites = sites();
        for (Site site : sites) {
            Path directory = root.resolve(SITES).resolve(site.host());
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("index.html"), HomePage.render(site), StandardCharsets.UTF_8);
            if (site.hasCareersPage()) {
                Files.writeString(directory.resolve("careers.html"), CareersPage.render(site), StandardCharsets.UTF_8);
            }
            if (site.robots() != Site.Robots.NONE) {
                Files.writeString(directory.resolve("robots.txt"), robots(site), StandardCharsets.UTF_8);
            }
        }
        try (Writer out = Files.newBufferedWriter(root.resolve(WEBSITES), StandardCharsets.UTF_8);
                CsvWriter csv = CsvWriter.builder().build(out)) {
            csv.writeRecord("company_number", "website");
            for (Site site : sites) {
                csv.writeRecord(site.company().number(), site.url());
            }
        }
    }

    /** The sites of the bundled sample's companies. */
    static List<Site> sites() {
        CompanyGenerator generator = new CompanyGenerator(SyntheticCompanies.SAMPLE_SEED);
        List<Company> companies = new ArrayList<>(SyntheticCompanies.SAMPLE_ROWS);
        for (int i = 0; i < SyntheticCompanies.SAMPLE_ROWS; i++) {
            companies.add(generator.next());
        }
        return SampleSites.choose(companies, SyntheticCompanies.SAMPLE_SEED);
    }

    static String robots(Site site) {
        if (site.robots() == Site.Robots.DISALLOW_ALL) {
            return "User-agent: *\nDisallow: /\n";
        }
        String admin = switch (site.frontend()) {
            case WORDPRESS -> "Disallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n";
            case SHOPIFY -> "Disallow: /admin\nDisallow: /cart\nDisallow: /checkout\n";
            default -> "Disallow: /admin/\n";
        };
        return "User-agent: *\n" + admin;
    }
}
