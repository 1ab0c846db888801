package io.agentry.website;

import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A link of a page: its absolute URL and its text. Resolved once per page, since several finders
 * read the same links.
 */
record Link(String url, String text) {

    static List<Link> all(Document page) {
        return page.select("a[href]").stream()
                .map(Link::of)
                .filter(link -> !link.url().isEmpty())
                .toList();
    }

    private static Link of(Element anchor) {
        return new Link(anchor.absUrl("href"), anchor.text());
    }
}
