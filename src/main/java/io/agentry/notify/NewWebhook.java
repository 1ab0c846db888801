package io.agentry.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A webhook to register, checked: build it with {@link #of}, which names the field that is wrong.
 *
 * @param url where events are POSTed: http or https, with a host, without credentials or fragment
 * @param events the events it takes, in {@link EventType} order
 * @param description what it is for; null when none
 */
public record NewWebhook(String url, List<EventType> events, String description) {
    static final int MAX_URL = 2000;
    static final int MAX_DESCRIPTION = 500;

    /**
     * @param events the names of the events wanted; null for all of them
     * @throws InvalidWebhookException naming {@code url}, {@code events} or {@code description}
     */
    public static NewWebhook of(String url, List<String> events, String description) {
        return new NewWebhook(checkedUrl(url), checkedEvents(events), checkedDescription(description));
    }

    private static String checkedUrl(String url) {
        if (url == null || url.isBlank()) {
            throw invalid("url", "url is required");
        }
        String text = url.strip();
        if (text.length() > MAX_URL) {
            throw invalid("url", "url must be at most " + MAX_URL + " characters");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw invalid("url", "url is not a valid URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid("url", "url must be an http:// or https:// URL, not '" + text + "'");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw invalid("url", "url must name a host, as in https://example.com/hooks/agentry");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid("url", "url must not carry a user name or password; receivers check the signature instead");
        }
        if (uri.getRawFragment() != null) {
            throw invalid("url", "url must not have a fragment (#…): it is never sent");
        }
        return text;
    }

    private static List<EventType> checkedEvents(List<String> events) {
        if (events == null) {
            return List.of(EventType.values());
        }
        if (events.isEmpty()) {
            throw invalid("events", "events must name at least one event; leave it out for all of them");
        }
        Set<EventType> chosen = EnumSet.noneOf(EventType.class);
        for (String name : events) {
            chosen.add(EventType.of(name)
                    .orElseThrow(() -> invalid(
                            "events",
                            "events: unknown event '" + name + "'; the events are "
                                    + Arrays.stream(EventType.values())
                                            .map(EventType::value)
                                            .collect(Collectors.joining(", ")))));
        }
        return List.copyOf(chosen);
    }

    private static String checkedDescription(String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        if (description.length() > MAX_DESCRIPTION) {
            throw invalid("description", "description must be at most " + MAX_DESCRIPTION + " characters");
        }
        return description.strip();
    }

    private static InvalidWebhookException invalid(String field, String message) {
        return new InvalidWebhookException(field, message);
    }
}
