package io.agentry.signal;

import java.time.Instant;

/**
 * One item of an RSS or Atom feed.
 *
 * @param feedUrl the feed it came from
 * @param text the summary or content, as plain text (markup removed)
 * @param link where the entry points; null when it has none
 * @param guid the RSS {@code guid} or Atom {@code id}; null when it has none
 * @param published when it was published (else updated); null when the feed does not say
 */
public record FeedEntry(String feedUrl, String title, String text, String link, String guid, Instant published) {

    /** What identifies the entry across reads: its link, else its guid; null when it has neither. */
    public String reference() {
        if (link != null && !link.isBlank()) {
            return link.strip();
        }
        return guid == null || guid.isBlank() ? null : guid.strip();
    }
}
