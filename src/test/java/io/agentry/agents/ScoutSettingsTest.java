package io.agentry.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentry.signal.SignalType;
import io.agentry.support.Json;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ScoutSettingsTest {

    private static ScoutSettings settings(String json) {
        return ScoutSettings.from(Json.read(json));
    }

    @Test
    void without_configuration_every_type_is_looked_for_at_the_seed_threshold_over_thirty_days() {
        ScoutSettings settings = settings("{\"timeout_seconds\": 600}");

        assertThat(settings.signals()).isEqualTo(EnumSet.allOf(SignalType.class));
        assertThat(settings.threshold()).isEqualTo(0.7);
        assertThat(settings.minConfidence()).isEqualTo(70);
        assertThat(settings.lookbackDays()).isEqualTo(30);
        assertThat(settings.feeds()).isEmpty();
    }

    @Test
    void the_threshold_is_a_fraction_of_the_confidence_scale() {
        assertThat(settings("{\"threshold\": 0}").minConfidence()).isZero();
        assertThat(settings("{\"threshold\": 0.85}").minConfidence()).isEqualTo(85);
        assertThat(settings("{\"threshold\": 0.705}").minConfidence()).isEqualTo(71);
        assertThat(settings("{\"threshold\": 1}").minConfidence()).isEqualTo(100);
    }

    @Test
    void signals_may_be_one_type_or_a_list_in_any_case() {
        assertThat(settings("{\"signals\": \"news_mention\"}").signals()).containsExactly(SignalType.NEWS_MENTION);
        assertThat(settings("{\"signals\": [\"Job_Posting\", \"funding_round\"]}")
                        .signals())
                .containsExactlyInAnyOrder(SignalType.JOB_POSTING, SignalType.FUNDING_ROUND);
    }

    @Test
    void every_problem_is_reported_at_once_with_its_field() {
        assertThatThrownBy(() -> settings("""
                        {"signals": [], "threshold": "high", "lookback_days": 0,
                         "feeds": ["https://news.example/feed.rss", "file:///etc/passwd", 42]}"""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("signals: must name at least one signal type (job_posting, funding_round, "
                        + "executive_change, companies_house_filing, news_mention)")
                .hasMessageContaining("threshold: must be a number from 0 to 1 (0.7 keeps signals of confidence 70 "
                        + "and above), was \"high\"")
                .hasMessageContaining("lookback_days: must be a whole number of days from 1 to 365, was 0")
                .hasMessageContaining("feeds[1]: must be an http or https URL, was \"file:///etc/passwd\"")
                .hasMessageContaining("feeds[2]: must be an http or https URL, was 42")
                .hasMessageNotContaining("feeds[0]");
        assertThatThrownBy(() -> settings("{\"signals\": {\"job_posting\": true}}"))
                .hasMessageContaining("signals: must be a list of signal types");
        assertThatThrownBy(() -> settings("{\"feeds\": \"https://news.example/feed.rss\"}"))
                .hasMessageContaining("feeds: must be a list of RSS or Atom feed URLs");
    }
}
