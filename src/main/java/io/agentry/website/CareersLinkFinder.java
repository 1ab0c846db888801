package io.agentry.website;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The careers page among a home page's links. A link scores a point for its text (Careers, Jobs,
 * Vacancies, Join us, Work with us, We're hiring…) and a point for its URL (a path segment, less any extension, such as
 * {@code careers}, {@code jobs} or {@code vacancies}; a {@code careers.} or {@code jobs.} host; a
 * hosted job board such as Greenhouse, Lever, Workable, Ashby, Teamtailor, Recruitee, BambooHR,
 * SmartRecruiters or Personio). The first link with the best score wins; a link with no point is
 * never taken. Links to the page itself, and links that are not http or https, are ignored.
 */
final class CareersLinkFinder {
    private static final Pattern TEXT = Pattern.compile(
            "(?:current |job |career |open )?(?:careers?|jobs|vacancies|opportunities|openings|positions|roles)"
                    + "|join (?:us|the team|our team)|work (?:with|for) us|we(?:'|’)?re hiring|working (?:here|at .+)");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Set<String> PATH_SEGMENTS = Set.of(
            "careers",
            "career",
            "jobs",
            "vacancies",
            "join-us",
            "joinus",
            "work-with-us",
            "work-for-us",
            "join-our-team",
            "jobs-and-careers",
            "recruitment",
            "current-vacancies",
            "job-opportunities");
    private static final Set<String> JOB_BOARDS = Set.of(
            "greenhouse.io",
            "lever.co",
            "workable.com",
            "ashbyhq.com",
            "teamtailor.com",
            "recruitee.com",
            "bamboohr.com",
            "smartrecruiters.com",
            "personio.de",
            "personio.com",
            "breezy.hr",
            "pinpointhq.com");

    private CareersLinkFinder() {}

    static String find(List<Link> links, String pageUrl) {
        String best = null;
        int bestScore = 0;
        String self = withoutFragment(pageUrl);
        for (Link link : links) {
            String href = link.url();
            URI uri = parse(href);
            if (uri == null || withoutFragment(href).equals(self)) {
                continue;
            }
            int score = (textSaysCareers(link.text()) ? 1 : 0) + (urlSaysCareers(uri) ? 1 : 0);
            if (score > bestScore) {
                best = withoutFragment(href);
                bestScore = score;
            }
        }
        return best;
    }

    static boolean textSaysCareers(String text) {
        String words = WHITESPACE.matcher(text.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
        return !words.isEmpty() && words.length() <= 40 && TEXT.matcher(words).matches();
    }

    static boolean urlSaysCareers(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("careers.") || host.startsWith("jobs.")) {
            return true;
        }
        if (JOB_BOARDS.stream().anyMatch(board -> host.equals(board) || host.endsWith("." + board))) {
            return true;
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().toLowerCase(Locale.ROOT);
        for (String segment : path.split("/")) {
            int dot = segment.lastIndexOf('.');
            if (PATH_SEGMENTS.contains(dot < 0 ? segment : segment.substring(0, dot))) {
                return true;
            }
        }
        return false;
    }

    private static URI parse(String href) {
        if (href.isEmpty()) {
            return null;
        }
        try {
            URI uri = new URI(href);
            String scheme = uri.getScheme();
            return uri.getHost() != null && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                    ? uri
                    : null;
        } catch (URISyntaxException notALink) {
            return null;
        }
    }

    private static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }
}
