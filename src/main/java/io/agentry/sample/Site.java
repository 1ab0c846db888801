package io.agentry.sample;

import java.time.LocalDate;
import java.util.List;

/**
 * A small website of one sample company, at {@code http://<host>/}: what it says about the company
 * and which technologies its markup shows. {@code jobs} is null when the site has no careers page
 * and empty when the page says there are no openings.
 */
record Site(
        Company company,
        String host,
        String displayName,
        String legalName,
        Pitch pitch,
        Technology.Frontend frontend,
        List<Technology.Addon> addons,
        String key,
        List<Job> jobs,
        Robots robots) {

    String url() {
        return "http://" + host + "/";
    }

    /** The host without its {@code .example}: the handle on social networks. */
    String slug() {
        return host.substring(0, host.length() - ".example".length());
    }

    boolean hasCareersPage() {
        return jobs != null;
    }

    /** A stable number for the ids third-party snippets carry (a HubSpot portal, a Pardot account). */
    long numericId() {
        return 1_000_000 + Long.parseLong(key.substring(0, 8), 16) % 9_000_000;
    }

    /** What the home page says the company does. */
    record Pitch(String tagline, String summary, List<String> offerings, String about) {}

    /** An opening on the careers page; salaries in pounds a year. */
    record Job(
            String title,
            String duties,
            String employmentType,
            boolean remote,
            int salaryMin,
            int salaryMax,
            LocalDate posted,
            LocalDate validThrough) {}

    enum Robots {
        /** No robots.txt: everything may be fetched. */
        NONE,
        /** A robots.txt that keeps crawlers out of the admin pages only. */
        ADMIN_ONLY,
        /** A robots.txt that disallows everything: an honest crawler fetches nothing else here. */
        DISALLOW_ALL
    }
}
