package io.agentry.website;

import java.util.Locale;
import java.util.Objects;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * One row of {@code website/tech-signatures.csv}: a technology, where to look, and what to look
 * for there. Matching is case-insensitive, and looks at the parsed page, never at its raw text.
 *
 * @param where see {@link Where}
 * @param pattern what to look for, read according to {@code where}
 * @param note what the marker is, for the reader of the file; not used in matching
 */
record TechSignature(String name, String category, Where where, String pattern, String note) {

    /** Where a signature looks, by its name in the file. */
    enum Where {
        /** The absolute URL of a {@code <script src>} contains the pattern. */
        SCRIPT_SRC("script-src"),
        /** The absolute URL of a {@code <link href>} (stylesheets, preloads) contains the pattern. */
        LINK_HREF("link-href"),
        /** The text of an inline {@code <script>} contains the pattern (loader snippets). */
        INLINE_SCRIPT("inline-script"),
        /** An element matches the pattern, a CSS selector as jsoup reads it. */
        SELECTOR("selector"),
        /** The content of {@code <meta name="generator">} contains the pattern. */
        META_GENERATOR("meta-generator"),
        /** A response header is present ({@code name}) or contains a value ({@code name: value}). */
        HEADER("header"),
        /** A cookie set by the response has a name that starts with the pattern. */
        COOKIE("cookie"),
        /** The technology named by the pattern was detected, and implies this one. */
        IMPLIED_BY("implied-by");

        final String label;

        Where(String label) {
            this.label = label;
        }

        static Where of(String label) {
            for (Where where : values()) {
                if (where.label.equals(label)) {
                    return where;
                }
            }
            throw new IllegalArgumentException("unknown place to look: '" + label + "'");
        }
    }

    private static final int QUOTED_LENGTH = 160;

    TechSignature {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(pattern, "pattern");
        if (name.isBlank() || category.isBlank() || pattern.isBlank()) {
            throw new IllegalArgumentException("name, category and pattern must not be blank");
        }
        if (where == Where.SELECTOR) {
            QueryParser.parse(pattern);
        }
        if (where == Where.HEADER && pattern.indexOf(':') == 0) {
            throw new IllegalArgumentException("a header pattern starts with the header's name");
        }
    }

    /** What this signature found on the page, as evidence; {@code null} when it found nothing. */
    String match(PageEvidence page, Evaluator selector) {
        String wanted = pattern.toLowerCase(Locale.ROOT);
        return switch (where) {
            case SCRIPT_SRC -> firstContaining(page.scriptSources(), wanted, "script src");
            case LINK_HREF -> firstContaining(page.linkHrefs(), wanted, "link href");
            case INLINE_SCRIPT ->
                page.inlineScripts().stream().anyMatch(s -> s.contains(wanted))
                        ? "inline script contains \"" + pattern + "\""
                        : null;
            case SELECTOR -> {
                Element element = page.document().selectFirst(selector);
                yield element == null ? null : "element matches " + pattern + ": <" + element.tagName() + ">";
            }
            case META_GENERATOR -> firstContaining(page.generators(), wanted, "meta generator");
            case HEADER -> header(page);
            case COOKIE ->
                page.cookieNames().stream()
                        .filter(n -> n.toLowerCase(Locale.ROOT).startsWith(wanted))
                        .findFirst()
                        .map(n -> "cookie " + n)
                        .orElse(null);
            case IMPLIED_BY -> null;
        };
    }

    private String firstContaining(Iterable<String> values, String wanted, String label) {
        for (String value : values) {
            if (value.toLowerCase(Locale.ROOT).contains(wanted)) {
                return label + " contains \"" + pattern + "\": " + quoted(value);
            }
        }
        return null;
    }

    private String header(PageEvidence page) {
        int colon = pattern.indexOf(':');
        String header =
                colon < 0 ? pattern.strip() : pattern.substring(0, colon).strip();
        String wanted = colon < 0 ? "" : pattern.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
        for (String value : page.headers().allValues(header)) {
            if (value.toLowerCase(Locale.ROOT).contains(wanted)) {
                return "header " + header.toLowerCase(Locale.ROOT) + ": " + quoted(value);
            }
        }
        return null;
    }

    private static String quoted(String value) {
        return value.length() <= QUOTED_LENGTH ? value : value.substring(0, QUOTED_LENGTH) + "…";
    }
}
