package io.agentry.website;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What technology signatures look at, gathered once per page from the parsed document and the
 * response headers. Inline scripts are kept in lower case only, since they are searched, never
 * quoted.
 */
record PageEvidence(
        Document document,
        List<String> scriptSources,
        List<String> linkHrefs,
        List<String> inlineScripts,
        List<String> generators,
        HttpHeaders headers,
        List<String> cookieNames) {

    static PageEvidence of(Document document, HttpHeaders headers) {
        return new PageEvidence(
                document,
                document.select("script[src]").stream()
                        .map(e -> urlOf(e, "src"))
                        .toList(),
                document.select("link[href]").stream()
                        .map(e -> urlOf(e, "href"))
                        .toList(),
                document.select("script:not([src])").stream()
                        .map(e -> e.data().toLowerCase(Locale.ROOT))
                        .filter(s -> !s.isBlank())
                        .toList(),
                document.select("meta[name=generator]").stream()
                        .map(e -> e.attr("content").strip())
                        .toList(),
                headers,
                headers.allValues("Set-Cookie").stream()
                        .map(PageEvidence::cookieName)
                        .toList());
    }

    private static String urlOf(Element element, String attribute) {
        String absolute = element.absUrl(attribute);
        return absolute.isEmpty() ? element.attr(attribute) : absolute;
    }

    private static String cookieName(String setCookie) {
        int equals = setCookie.indexOf('=');
        return (equals < 0 ? setCookie : setCookie.substring(0, equals)).strip();
    }
}
