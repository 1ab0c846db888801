package io.agentry.enrichment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentry.support.Json;
import io.agentry.website.SocialLinks;
import io.agentry.website.TechDetection;
import io.agentry.website.WebsiteAnalysis;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How the website step went for one company: the analysis when there was one, else why not. A
 * site whose robots.txt keeps us out is skipped (a choice of the site's, not a failure); any other
 * outcome than an analysed home page is a failure, with the analyzer's sentence as its reason.
 *
 * @param analysis null when no website is known
 */
record WebsiteResult(SourceStatus status, String reason, WebsiteAnalysis analysis) {
    static final String NO_WEBSITE = "no website known for the company";

    static WebsiteResult noWebsite() {
        return new WebsiteResult(SourceStatus.SKIPPED, NO_WEBSITE, null);
    }

    static WebsiteResult of(WebsiteAnalysis analysis) {
        return switch (analysis.outcome()) {
            case ANALYZED -> new WebsiteResult(SourceStatus.OK, null, analysis);
            case ROBOTS_DENIED -> new WebsiteResult(SourceStatus.SKIPPED, analysis.error(), analysis);
            default -> new WebsiteResult(SourceStatus.FAILED, analysis.outcome() + ": " + analysis.error(), analysis);
        };
    }

    boolean ok() {
        return status == SourceStatus.OK;
    }

    /** The technologies recognised, each name once, for {@code tech_stack}. */
    List<String> techStack() {
        Set<String> names = new LinkedHashSet<>();
        analysis.technologies().forEach(t -> names.add(t.name()));
        return List.copyOf(names);
    }

    /** The profiles found, for {@code social_links}: an empty object when the page links none. */
    ObjectNode socialLinks() {
        SocialLinks links = analysis.socialLinks();
        ObjectNode json = Json.object();
        putIfPresent(json, "linkedin", links.linkedIn());
        putIfPresent(json, "twitter", links.twitter());
        putIfPresent(json, "facebook", links.facebook());
        putIfPresent(json, "instagram", links.instagram());
        putIfPresent(json, "youtube", links.youtube());
        putIfPresent(json, "github", links.github());
        return json;
    }

    /** The source's entry of {@code companies.enrichment}, without its time. */
    ObjectNode toJson() {
        ObjectNode json = Json.object().put("status", status.value());
        if (reason != null) {
            json.put("reason", reason);
        }
        if (analysis == null) {
            return json;
        }
        json.put("url", analysis.requestedUrl())
                .put("final_url", analysis.finalUrl())
                .put("outcome", analysis.outcome().name())
                .put("http_status", analysis.httpStatus());
        if (!ok()) {
            return json;
        }
        json.put("title", analysis.title()).put("description", analysis.description());
        ArrayNode technologies = json.putArray("technologies");
        for (TechDetection technology : analysis.technologies()) {
            technologies.addObject().put("name", technology.name()).put("category", technology.category());
        }
        json.set("social_links", socialLinks());
        json.put("careers_url", analysis.careersUrl());
        json.put("job_count", analysis.jobCount());
        ArrayNode emails = json.putArray("emails");
        analysis.emails().forEach(emails::add);
        json.put(
                "contact_email",
                analysis.emails().isEmpty() ? null : analysis.emails().get(0));
        json.put("truncated", analysis.truncated());
        return json;
    }

    private static void putIfPresent(ObjectNode json, String key, String value) {
        if (value != null) {
            json.put(key, value);
        }
    }
}
