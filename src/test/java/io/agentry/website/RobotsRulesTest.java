package io.agentry.website;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RobotsRulesTest {

    private static boolean allows(String robots, String path) {
        return RobotsRules.parse(robots, "Agentry").denial(URI.create("https://acme.example" + path)) == null;
    }

    @Test
    void disallow_all_for_everyone_denies_every_path() {
        String robots = "User-agent: *\nDisallow: /\n";

        assertThat(allows(robots, "/")).isFalse();
        assertThat(allows(robots, "/careers?page=2")).isFalse();
    }

    @Test
    void empty_file_and_empty_disallow_allow_everything() {
        assertThat(allows("", "/")).isTrue();
        assertThat(allows("User-agent: *\nDisallow:\n", "/anything")).isTrue();
    }

    @Test
    void the_longest_matching_rule_wins() {
        String robots = "User-agent: *\nDisallow: /shop\nAllow: /shop/about\nDisallow: /shop/about/private\n";

        assertThat(allows(robots, "/shop/cart")).isFalse();
        assertThat(allows(robots, "/shop/about/team")).isTrue();
        assertThat(allows(robots, "/shop/about/private/x")).isFalse();
        assertThat(allows(robots, "/contact")).isTrue();
    }

    @Test
    void allow_wins_a_tie_between_equally_long_rules() {
        assertThat(allows("User-agent: *\nDisallow: /page\nAllow: /page\n", "/page"))
                .isTrue();
    }

    @Test
    void star_matches_any_characters_and_dollar_anchors_the_end() {
        String robots = "User-agent: *\nDisallow: /*.pdf$\nDisallow: /*?sessionid=\n";

        assertThat(allows(robots, "/files/report.pdf")).isFalse();
        assertThat(allows(robots, "/files/report.pdf.html")).isTrue();
        assertThat(allows(robots, "/cart?sessionid=42")).isFalse();
        assertThat(allows(robots, "/cart?page=1")).isTrue();
    }

    @Test
    void a_group_naming_our_product_token_replaces_the_star_group() {
        String robots = "User-agent: *\nDisallow: /\n\nUser-agent: agentry/2.0\nDisallow: /private\n";

        assertThat(allows(robots, "/")).isTrue();
        assertThat(allows(robots, "/private/x")).isFalse();
    }

    @Test
    void a_group_for_another_crawler_does_not_apply_to_us() {
        String robots = "User-agent: Googlebot\nDisallow: /\n\nUser-agent: *\nDisallow: /admin\n";

        assertThat(allows(robots, "/")).isTrue();
        assertThat(allows(robots, "/admin")).isFalse();
    }

    @Test
    void consecutive_user_agent_lines_share_one_group_and_groups_for_us_are_merged() {
        String robots = "User-agent: Googlebot\nUser-agent: Agentry\nDisallow: /a\n\n"
                + "User-agent: Bingbot\nDisallow: /b\n\nUser-agent: AGENTRY\nDisallow: /c\n";

        assertThat(allows(robots, "/a")).isFalse();
        assertThat(allows(robots, "/b")).isTrue();
        assertThat(allows(robots, "/c")).isFalse();
    }

    @Test
    void comments_unknown_lines_and_crlf_are_tolerated() {
        String robots = "# hello\r\nSitemap: https://acme.example/sitemap.xml\r\nUser-agent: * # everyone\r\n"
                + "Crawl-delay: 5\r\nDisallow: /tmp/ # temporary\r\n";

        assertThat(allows(robots, "/tmp/x")).isFalse();
        assertThat(allows(robots, "/tmpfile")).isTrue();
    }

    @Test
    void the_denial_quotes_the_rule() {
        String denial = RobotsRules.parse("User-agent: *\nDisallow: /private\n", "Agentry")
                .denial(URI.create("https://acme.example/private/plans"));

        assertThat(denial).isEqualTo("robots.txt says \"Disallow: /private\" for /private/plans");
    }

    @Test
    void a_denial_of_everything_applies_to_every_path() {
        RobotsRules rules = RobotsRules.denyAll("robots.txt answered HTTP 503");

        assertThat(rules.denial(URI.create("https://acme.example/"))).isEqualTo("robots.txt answered HTTP 503");
    }

    @Test
    void non_ascii_patterns_match_their_percent_encoded_paths() {
        assertThat(allows("User-agent: *\nDisallow: /café\n", "/caf%C3%A9/menu"))
                .isFalse();
    }
}
