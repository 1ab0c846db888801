package io.agentry.website;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.support.Json;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many open jobs a careers page lists, by the first of these that finds any:
 *
 * <ol>
 *   <li>schema.org {@code JobPosting} objects in JSON-LD scripts, wherever they sit (top level,
 *       arrays, {@code @graph}, {@code ItemList} items);
 *   <li>schema.org {@code JobPosting} microdata ({@code itemtype});
 *   <li>links to individual postings, each distinct URL once: a path segment {@code job},
 *       {@code jobs}, {@code vacancy}, {@code vacancies}, {@code position(s)}, {@code openings},
 *       {@code o} or {@code j} followed by one more (not {@code search}, {@code alerts},
 *       {@code categories}…); {@code careers}, {@code career}, {@code roles} or {@code
 *       opportunities} followed by a segment with a digit in it (an id, so that pages such as
 *       {@code /careers/benefits} are not counted); a query naming a job id ({@code gh_jid},
 *       {@code jobId}, {@code job_id}); {@code jobs.lever.co/<company>/<id>} and {@code
 *       jobs.ashbyhq.com/<company>/<id>};
 *   <li>a sentence saying there are none ("no current vacancies", "not currently recruiting"):
 *       zero.
 * </ol>
 *
 * Otherwise the count is unknown ({@code null}): jobs may be loaded by a script after the page
 * arrives, and a guess would be worse than nothing. JSON-LD that is not valid JSON is skipped.
 */
final class JobCounter {
    private static final Logger log = LoggerFactory.getLogger(JobCounter.class);

    /** Path segments after which the next segment names one posting. */
    private static final Set<String> POSTING_PARENTS =
            Set.of("job", "jobs", "vacancy", "vacancies", "positions", "position", "openings", "o", "j");
    /** Path segments after which the next segment names one posting only when it carries an id. */
    private static final Set<String> CAREERS_PARENTS = Set.of("careers", "career", "roles", "opportunities");
    /** Segments that name a listing page, not a posting, where a posting would be. */
    private static final Set<String> NOT_POSTINGS = Set.of(
            "search",
            "alerts",
            "saved",
            "login",
            "register",
            "categories",
            "category",
            "departments",
            "locations",
            "teams",
            "all",
            "feed",
            "rss");
    /** Job boards whose postings sit at /<company>/<posting id>. */
    private static final Set<String> PER_COMPANY_BOARDS = Set.of("jobs.lever.co", "jobs.ashbyhq.com");

    private static final Pattern JOB_ID_QUERY = Pattern.compile("(?i)(?:^|&)(?:gh_jid|jobid|job_id|jid)=[^&]+");
    private static final Pattern NONE_OPEN = Pattern.compile("(?i)\\bno (?:current |open |available )?"
            + "(?:vacancies|positions|openings|roles|jobs|opportunities)\\b|\\bnot currently recruiting\\b"
            + "|\\bno (?:current )?(?:job )?openings\\b");

    private JobCounter() {}

    static Integer count(Document careersPage) {
        int fromJsonLd = countJsonLd(careersPage);
        if (fromJsonLd > 0) {
            return fromJsonLd;
        }
        int fromMicrodata =
                careersPage.select("[itemtype~=(?i)schema\\.org/JobPosting$]").size();
        if (fromMicrodata > 0) {
            return fromMicrodata;
        }
        int fromLinks = countPostingLinks(careersPage);
        if (fromLinks > 0) {
            return fromLinks;
        }
        return NONE_OPEN.matcher(careersPage.text()).find() ? 0 : null;
    }

    private static int countJsonLd(Document page) {
        int count = 0;
        for (Element script : page.select("script[type~=(?i)application/ld\\+json]")) {
            try {
                count += countPostings(Json.MAPPER.readTree(script.data()));
            } catch (JsonProcessingException e) {
                log.debug("Skipping JSON-LD that is not JSON on {}: {}", page.location(), e.getOriginalMessage());
            }
        }
        return count;
    }

    private static int countPostings(JsonNode node) {
        if (node == null) {
            return 0;
        }
        if (node.isArray()) {
            int count = 0;
            for (JsonNode element : node) {
                count += countPostings(element);
            }
            return count;
        }
        if (!node.isObject()) {
            return 0;
        }
        if (isPosting(node.get("@type"))) {
            return 1;
        }
        int count = 0;
        for (JsonNode child : node) {
            count += countPostings(child);
        }
        return count;
    }

    private static boolean isPosting(JsonNode type) {
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (isPosting(t)) {
                    return true;
                }
            }
            return false;
        }
        String text = type.asText();
        return text.equals("JobPosting") || text.endsWith("schema.org/JobPosting");
    }

    private static int countPostingLinks(Document page) {
        String self = stripFragment(page.location());
        Set<String> postings = new HashSet<>();
        for (Element anchor : page.select("a[href]")) {
            String href = stripFragment(anchor.absUrl("href"));
            // the page itself and the pages above it (/jobs above /jobs/uk) list postings, they are none
            if (href.isEmpty() || href.equals(self) || self.startsWith(href)) {
                continue;
            }
            try {
                URI uri = new URI(href);
                if (looksLikePosting(uri)) {
                    postings.add(href);
                }
            } catch (URISyntaxException notALink) {
                // an href that is not a URL links to no posting
            }
        }
        return postings.size();
    }

    static boolean looksLikePosting(URI uri) {
        if (uri.getRawQuery() != null && JOB_ID_QUERY.matcher(uri.getRawQuery()).find()) {
            return true;
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().toLowerCase(Locale.ROOT);
        List<String> segments =
                Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
        if (PER_COMPANY_BOARDS.contains(host)) {
            return segments.size() >= 2 && !NOT_POSTINGS.contains(segments.get(1));
        }
        for (int i = 0; i < segments.size() - 1; i++) {
            String next = segments.get(i + 1);
            boolean listing = POSTING_PARENTS.contains(segments.get(i))
                    || (CAREERS_PARENTS.contains(segments.get(i))
                            && next.chars().anyMatch(Character::isDigit));
            if (listing && !NOT_POSTINGS.contains(next)) {
                return true;
            }
        }
        return false;
    }

    private static String stripFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }
}
