package io.agentry.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewWebhookTest {

    @Test
    void an_https_url_without_events_takes_every_event() {
        NewWebhook webhook = NewWebhook.of(" https://hooks.example.com/agentry?team=sales ", null, "  Sales alerts ");

        assertThat(webhook.url()).isEqualTo("https://hooks.example.com/agentry?team=sales");
        assertThat(webhook.events()).containsExactly(EventType.values());
        assertThat(webhook.description()).isEqualTo("Sales alerts");
    }

    @Test
    void events_are_kept_once_each_in_a_fixed_order() {
        NewWebhook webhook = NewWebhook.of(
                "http://10.0.0.5:8080/in", List.of("insight.critical", "agent.failed", "insight.critical"), "");

        assertThat(webhook.events()).containsExactly(EventType.AGENT_FAILED, EventType.INSIGHT_CRITICAL);
        assertThat(webhook.description()).isNull();
    }

    @Test
    void a_url_that_cannot_be_posted_to_is_refused_naming_url() {
        for (String url : Arrays.asList(
                null,
                " ",
                "ftp://example.com/in",
                "example.com/in",
                "https://",
                "https:///path-only",
                "https://user:secret@example.com/in",
                "https://example.com/in#part",
                "https://exa mple.com/in",
                "https://example.com/" + "a".repeat(2000))) {
            assertThatThrownBy(() -> NewWebhook.of(url, null, null))
                    .as(url)
                    .isInstanceOfSatisfying(
                            InvalidWebhookException.class,
                            e -> assertThat(e.field()).isEqualTo("url"));
        }
    }

    @Test
    void unknown_or_no_events_are_refused_naming_events() {
        assertThatThrownBy(() -> NewWebhook.of("https://example.com", List.of("agent.failed", "run.done"), null))
                .isInstanceOfSatisfying(
                        InvalidWebhookException.class,
                        e -> assertThat(e.field()).isEqualTo("events"))
                .hasMessageContaining("'run.done'")
                .hasMessageContaining("agent.failed, workflow_run.failed, insight.critical");
        assertThatThrownBy(() -> NewWebhook.of("https://example.com", List.of(), null))
                .isInstanceOfSatisfying(
                        InvalidWebhookException.class,
                        e -> assertThat(e.field()).isEqualTo("events"));
    }

    @Test
    void a_description_too_long_is_refused_naming_description() {
        assertThatThrownBy(() -> NewWebhook.of("https://example.com", null, "x".repeat(501)))
                .isInstanceOfSatisfying(
                        InvalidWebhookException.class,
                        e -> assertThat(e.field()).isEqualTo("description"));
    }
}
