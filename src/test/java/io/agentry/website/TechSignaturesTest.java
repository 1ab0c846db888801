package io.agentry.website;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentry.website.TechSignature.Where;
import java.io.StringReader;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class TechSignaturesTest {
    private static final TechSignatures SIGNATURES = TechSignatures.load();

    /** Each fixture page under website/tech/ and the technologies it was written with. */
    private static final Map<String, List<String>> FIXTURES = fixtures();

    private static Map<String, List<String>> fixtures() {
        Map<String, List<String>> pages = new LinkedHashMap<>();
        pages.put("tech/next-app", List.of("React", "Next.js"));
        pages.put("tech/react-classic", List.of("React"));
        pages.put("tech/vue-app", List.of("Vue.js"));
        pages.put("tech/nuxt-app", List.of("Vue.js", "Nuxt"));
        pages.put("tech/angular-app", List.of("Angular"));
        pages.put("tech/sveltekit", List.of("Svelte"));
        pages.put("tech/wordpress", List.of("WordPress", "jQuery"));
        pages.put("tech/shopify", List.of("Shopify"));
        pages.put("tech/webflow", List.of("Webflow"));
        pages.put("tech/wix", List.of("Wix"));
        pages.put("tech/squarespace", List.of("Squarespace"));
        pages.put("tech/hubspot-cms", List.of("HubSpot"));
        pages.put("tech/salesforce", List.of("Salesforce"));
        pages.put("tech/experience-cloud", List.of("Salesforce"));
        pages.put(
                "tech/marketing",
                List.of("Intercom", "Zendesk", "Drift", "Google Analytics", "Google Tag Manager", "Segment", "Hotjar"));
        pages.put("tech/cloudflare", List.of("Cloudflare", "jQuery", "Bootstrap", "Tailwind CSS"));
        pages.put(
                "rich-home",
                List.of("React", "Next.js", "HubSpot", "Stripe", "Intercom", "Google Tag Manager", "Hotjar"));
        pages.put("tech/plain", List.of());
        return pages;
    }

    @Test
    void every_signature_in_the_file_is_matched_by_a_fixture_page() {
        Set<TechSignature> matched = new HashSet<>();
        FIXTURES.keySet()
                .forEach(page ->
                        matched.addAll(SIGNATURES.matches(evidence(page)).keySet()));
        for (String page : FIXTURES.keySet()) {
            for (TechDetection detection : SIGNATURES.detect(evidence(page))) {
                if (detection.evidence().startsWith("implied by ")) {
                    SIGNATURES.all().stream()
                            .filter(s ->
                                    s.where() == Where.IMPLIED_BY && s.name().equals(detection.name()))
                            .forEach(matched::add);
                }
            }
        }

        List<TechSignature> unmatched = new ArrayList<>(SIGNATURES.all());
        unmatched.removeAll(matched);
        assertThat(unmatched).as("signatures no fixture page exercises").isEmpty();
    }

    @Test
    void each_fixture_page_shows_exactly_the_technologies_it_was_written_with() {
        FIXTURES.forEach((page, expected) -> assertThat(names(SIGNATURES.detect(evidence(page))))
                .as(page)
                .containsExactlyInAnyOrderElementsOf(expected));
    }

    @Test
    void the_file_covers_the_technologies_the_analyzer_promises() {
        assertThat(SIGNATURES.all().stream().map(TechSignature::name).distinct())
                .contains(
                        "React",
                        "Next.js",
                        "Vue.js",
                        "Nuxt",
                        "Angular",
                        "Svelte",
                        "WordPress",
                        "Shopify",
                        "Webflow",
                        "Wix",
                        "Squarespace",
                        "HubSpot",
                        "Salesforce",
                        "Stripe",
                        "Intercom",
                        "Zendesk",
                        "Drift",
                        "Google Analytics",
                        "Google Tag Manager",
                        "Segment",
                        "Hotjar",
                        "Cloudflare",
                        "jQuery",
                        "Bootstrap",
                        "Tailwind CSS");
    }

    @Test
    void the_documentation_lists_every_signature() throws Exception {
        String docs = Files.readString(Path.of("docs/website-analysis.md"));

        assertThat(SIGNATURES.all())
                .allSatisfy(s -> assertThat(docs)
                        .contains("| " + s.where().label + " | `" + s.pattern().replace("|", "\\|") + "` |"));
    }

    @Test
    void a_technology_implied_by_another_says_so_as_its_evidence() {
        assertThat(SIGNATURES.detect(evidence("tech/next-app")))
                .contains(new TechDetection("React", "JavaScript framework", "implied by Next.js"));
        assertThat(SIGNATURES.detect(evidence("tech/nuxt-app")))
                .contains(new TechDetection("Vue.js", "JavaScript framework", "implied by Nuxt"));
    }

    @Test
    void evidence_names_the_place_the_pattern_and_what_matched() {
        Map<String, String> evidence = new LinkedHashMap<>();
        SIGNATURES.detect(evidence("tech/cloudflare")).forEach(d -> evidence.put(d.name(), d.evidence()));
        SIGNATURES.detect(evidence("tech/angular-app")).forEach(d -> evidence.put(d.name(), d.evidence()));
        SIGNATURES.detect(evidence("tech/wordpress")).forEach(d -> evidence.put(d.name(), d.evidence()));

        assertThat(evidence)
                .containsEntry("Cloudflare", "header server: cloudflare")
                .containsEntry("Angular", "element matches [ng-version]: <app-root>")
                .containsEntry("WordPress", "meta generator contains \"WordPress\": WordPress 6.5.2")
                .containsEntry(
                        "Bootstrap",
                        "link href contains \"bootstrap.min.css\": "
                                + "https://cdn.jsdelivr.net/npm/bootstrap@5.3.3/dist/css/bootstrap.min.css");
    }

    @Test
    void technologies_come_in_the_order_of_the_file_each_once() {
        List<String> names = names(SIGNATURES.detect(evidence("tech/cloudflare")));

        assertThat(names).containsExactly("Cloudflare", "jQuery", "Bootstrap", "Tailwind CSS");
    }

    @Test
    void a_row_with_an_unknown_place_is_refused_naming_its_line() {
        String csv =
                "name,category,where,pattern,note\nReact,Framework,script-src,react-dom,\nVue,Framework,body,vue,\n";

        assertThatThrownBy(() -> TechSignatures.parse(new StringReader(csv), "test.csv"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("test.csv line 3")
                .hasMessageContaining("body");
    }

    @Test
    void a_row_with_a_broken_selector_or_an_unknown_implier_is_refused() {
        assertThatThrownBy(() -> TechSignatures.parse(
                        new StringReader("name,category,where,pattern,note\nX,Y,selector,[unclosed,\n"), "test.csv"))
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> TechSignatures.parse(
                        new StringReader("name,category,where,pattern,note\nReact,Y,implied-by,Gatsby,\n"), "test.csv"))
                .hasMessageContaining("Gatsby");
    }

    static PageEvidence evidence(String page) {
        String html = new String(Reply.resource(page + ".html"), StandardCharsets.UTF_8);
        return PageEvidence.of(Jsoup.parse(html, "https://site.example/"), headers(page));
    }

    private static HttpHeaders headers(String page) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (TechSignaturesTest.class.getResource("/website/" + page + ".headers") != null) {
            for (String line : new String(Reply.resource(page + ".headers"), StandardCharsets.UTF_8).split("\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.computeIfAbsent(line.substring(0, colon).strip(), k -> new ArrayList<>())
                            .add(line.substring(colon + 1).strip());
                }
            }
        }
        return HttpHeaders.of(headers, (name, value) -> true);
    }

    private static List<String> names(List<TechDetection> detections) {
        return detections.stream().map(TechDetection::name).toList();
    }
}
