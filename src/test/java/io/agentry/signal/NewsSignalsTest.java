package io.agentry.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewsSignalsTest {
    private static final Instant NOW = Instant.parse("2025-06-02T09:00:00Z");
    private static final Instant SINCE = Instant.parse("2025-05-03T00:00:00Z");

    private static FeedEntry anEntry(String title, String text) {
        return new FeedEntry(
                "https://news.example/feed",
                title,
                text,
                "https://news.example/" + Math.abs((title + text).hashCode()),
                null,
                Instant.parse("2025-05-30T10:00:00Z"));
    }

    private static boolean matches(String registeredName, String text) {
        return CompanyName.of(registeredName).isIn(CompanyName.words(text));
    }

    @Test
    void a_name_matches_without_its_legal_suffix_in_any_case_as_whole_words() {
        assertThat(matches("ACME WIDGETS LIMITED", "Acme Widgets raises £3m")).isTrue();
        assertThat(matches("ACME WIDGETS LTD.", "news about ACME WIDGETS, again"))
                .isTrue();
        assertThat(matches("ACME WIDGETS PUBLIC LIMITED COMPANY", "acme widgets plc results"))
                .isTrue();
        assertThat(matches("ACME WIDGETS LIMITED", "Acme Widgetsmith opens a shop"))
                .isFalse();
        assertThat(matches("ACME WIDGETS LIMITED", "Widgets by Acme")).isFalse();
    }

    @Test
    void ampersands_apostrophes_accents_a_leading_the_and_a_trailing_uk_are_read_as_news_writes_them() {
        assertThat(matches("ALI & ELLIS LIMITED", "Ali and Ellis hires")).isTrue();
        assertThat(matches("ALI AND ELLIS LIMITED", "Ali & Ellis hires")).isTrue();
        assertThat(matches("O'BRIEN'S BAKERY LTD", "OBrien\u2019s Bakery wins award"))
                .isTrue();
        assertThat(matches("CAFÉ NOIR LTD", "Cafe Noir opens")).isTrue();
        assertThat(matches("THE SEASTONE CLOUD LTD", "Seastone Cloud signs deal"))
                .isTrue();
        assertThat(matches("OBAC UK LIMITED", "Obac expands")).isTrue();
        assertThat(CompanyName.of("THE UK LTD").toString()).isEqualTo("uk");
    }

    @Test
    void names_too_short_to_find_in_text_are_not_looked_for() {
        assertThat(CompanyName.of("AB LTD").isSearchable()).isFalse();
        assertThat(CompanyName.of("LIMITED").isSearchable()).isFalse();
        assertThat(CompanyName.of("THE UK LTD").isSearchable()).isFalse();
        assertThat(CompanyName.of("ABC LTD").isSearchable()).isTrue();
    }

    @Test
    void a_mention_in_the_title_is_surer_than_one_in_the_text_and_funding_words_add_a_funding_round() {
        MonitoredCompany acme = new MonitoredCompany(1, "01234567", "ACME WIDGETS LIMITED", null);
        FeedEntry title = anEntry("Acme Widgets raises £3m in Series A", "The Leeds firm will hire.");
        FeedEntry text = anEntry("Leeds round-up", "Also this week: Acme Widgets moved to Kirkstall.");

        assertThat(NewsSignals.detect(List.of(title, text), List.of(acme), SINCE, NOW))
                .extracting(DetectedSignal::type, DetectedSignal::confidence, DetectedSignal::sourceRef)
                .containsExactly(
                        tuple(SignalType.NEWS_MENTION, 75, title.link()),
                        tuple(SignalType.FUNDING_ROUND, 80, title.link()),
                        tuple(SignalType.NEWS_MENTION, 60, text.link()));
    }

    @Test
    void a_one_word_name_is_less_sure_and_old_or_unidentifiable_entries_are_skipped() {
        MonitoredCompany zenith = new MonitoredCompany(2, "01234568", "ZENITH LIMITED", null);
        FeedEntry current = anEntry("Zenith wins contract", "");
        FeedEntry old = new FeedEntry(
                "https://news.example/feed",
                "Zenith wins another",
                "",
                "https://news.example/old",
                null,
                Instant.parse("2025-05-02T23:59:00Z"));
        FeedEntry noReference = new FeedEntry("https://news.example/feed", "Zenith again", "", null, " ", null);
        FeedEntry undated = new FeedEntry("https://news.example/feed", "Zenith hires", "", null, "urn:news:42", null);

        List<DetectedSignal> signals =
                NewsSignals.detect(List.of(current, old, noReference, undated), List.of(zenith), SINCE, NOW);

        assertThat(signals)
                .extracting(DetectedSignal::confidence, DetectedSignal::sourceRef)
                .containsExactly(tuple(55, current.link()), tuple(55, "urn:news:42"));
        assertThat(signals.get(1).expiresAt()).isEqualTo(NOW.plus(SignalType.NEWS_MENTION.validity()));
    }
}
