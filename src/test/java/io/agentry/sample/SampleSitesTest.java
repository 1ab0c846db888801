package io.agentry.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.support.Json;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SampleSitesTest {
    private static final Pattern JSON_LD =
            Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL);

    private static List<Site> sites;

    @BeforeAll
    static void choose() {
        sites = BundledSamples.sites();
    }

    @Test
    void sixty_active_small_to_medium_companies_mostly_software_fintech_and_online_retail() {
        assertThat(sites).hasSize(60);
        assertThat(sites).allSatisfy(site -> {
            assertThat(site.company().status()).isEqualTo(Status.ACTIVE);
            assertThat(site.company().accounts().category()).isNotIn("DORMANT", "GROUP");
        });
        long core = sites.stream()
                .filter(site -> EnumSet.of(Sector.SOFTWARE, Sector.FINTECH, Sector.RETAIL)
                        .contains(site.company().sector()))
                .count();
        assertThat(core).isGreaterThan(45).isLessThan(60);
    }

    @Test
    void hosts_are_unique_and_under_the_reserved_example_domain() {
        Set<String> hosts = new HashSet<>();
        for (Site site : sites) {
            assertThat(site.host()).matches("[a-z0-9]+(-[a-z0-9]+)*\\.example");
            assertThat(hosts.add(site.host())).isTrue();
        }
    }

    @Test
    void a_home_page_says_what_the_company_does_and_how_to_reach_it() {
        for (Site site : sites) {
            String html = HomePage.render(site);
            assertThat(html)
                    .startsWith("<!DOCTYPE html>")
                    .contains("<a href=\"mailto:hello@" + site.host() + "\">")
                    .contains("https://www.linkedin.com/company/" + site.slug() + "\"")
                    .contains("https://x.com/")
                    .contains("company number " + site.company().number())
                    .contains(Html.escape(site.pitch().tagline()))
                    .contains(site.hasCareersPage() ? "href=\"/careers.html\"" : "href=\"#contact\"");
        }
    }

    @Test
    void every_technology_marker_appears_on_some_site_and_every_site_shows_one() {
        List<String> markers = List.of(
                "/_next/static/",
                "__NEXT_DATA__",
                "data-reactroot",
                "data-v-",
                "ng-version=",
                "/wp-content/",
                "cdn.shopify.com",
                "data-wf-site=",
                "js.hs-scripts.com",
                "js.stripe.com/v3",
                "widget.intercom.io",
                "static.zdassets.com",
                "googletagmanager.com/gtag/js",
                "cdn.segment.com/analytics.js",
                "pi.pardot.com");
        List<String> pages = sites.stream().map(HomePage::render).toList();
        for (String marker : markers) {
            assertThat(pages).as(marker).anyMatch(page -> page.contains(marker));
        }
        assertThat(pages).allMatch(page -> markers.stream().anyMatch(page::contains));
    }

    @Test
    void careers_pages_carry_their_openings_as_schema_org_job_postings() {
        List<Site> withCareers = sites.stream().filter(Site::hasCareersPage).toList();
        assertThat(withCareers).hasSizeGreaterThan(sites.size() / 2);
        List<Integer> counts = new ArrayList<>();
        for (Site site : withCareers) {
            List<JsonNode> postings = postings(CareersPage.render(site));
            counts.add(postings.size());
            assertThat(postings).hasSize(site.jobs().size()).hasSizeLessThanOrEqualTo(12);
            for (JsonNode posting : postings) {
                assertThat(posting.path("@type").asText()).isEqualTo("JobPosting");
                assertThat(posting.path("title").asText()).isNotBlank();
                assertThat(posting.path("datePosted").asText()).matches("2025-0[3-5]-\\d\\d");
                assertThat(posting.path("hiringOrganization").path("name").asText())
                        .isEqualTo(site.legalName());
                assertThat(posting.path("jobLocation")
                                .path("address")
                                .path("postalCode")
                                .asText())
                        .isEqualTo(site.company().address().postcode());
                assertThat(posting.path("baseSalary").path("currency").asText()).isEqualTo("GBP");
            }
        }
        assertThat(counts).contains(0).anyMatch(count -> count >= 8);
    }

    @Test
    void html_escapes_what_names_may_contain() {
        assertThat(Html.escape("THE \"BLUE DOOR\" CAFE & O'BRIEN <LTD>"))
                .isEqualTo("THE &quot;BLUE DOOR&quot; CAFE &amp; O&#39;BRIEN &lt;LTD&gt;");
    }

    @Test
    void display_names_keep_initials_in_capitals_and_case_the_rest() {
        assertThat(SampleSites.displayName("KBS TAVERN LIMITED")).isEqualTo("KBS Tavern Limited");
        assertThat(SampleSites.displayName("O'BRIEN'S BAKERY LTD")).isEqualTo("O'Brien's Bakery Ltd");
        assertThat(SampleSites.displayName("SMITH, JONES & CO")).isEqualTo("Smith, Jones & Co");
        assertThat(SampleSites.displayName("THE COBALT AI (UK) LTD")).isEqualTo("The Cobalt AI (UK) Ltd");
    }

    @Test
    void the_same_companies_give_the_same_sites() {
        List<Site> again = BundledSamples.sites();
        for (int i = 0; i < sites.size(); i++) {
            assertThat(HomePage.render(again.get(i))).isEqualTo(HomePage.render(sites.get(i)));
        }
    }

    private static List<JsonNode> postings(String html) {
        List<JsonNode> postings = new ArrayList<>();
        Matcher matcher = JSON_LD.matcher(html);
        while (matcher.find()) {
            postings.add(Json.read(matcher.group(1)));
        }
        return postings;
    }
}
