package io.agentry.sample;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentry.support.Json;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * A sample site's {@code careers.html}: each opening as schema.org {@code JobPosting} JSON-LD, as
 * job boards and search engines read them, and the same openings as text for people.
 */
final class CareersPage {
    private CareersPage() {}

    static String render(Site site) {
        String name = Html.escape(site.displayName());
        StringBuilder html = new StringBuilder(16384);
        html.append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Careers | ")
                .append(name)
                .append("</title>\n<link rel=\"canonical\" href=\"")
                .append(site.url())
                .append("careers.html\">\n");
        for (Site.Job job : site.jobs()) {
            // Only "</script" would end the element early, and our own words never contain it.
            html.append("<script type=\"application/ld+json\">")
                    .append(Json.write(posting(site, job)))
                    .append("</script>\n");
        }
        html.append("</head>\n<body>\n<header><a class=\"logo\" href=\"/\">")
                .append(name)
                .append("</a>\n<nav><a href=\"/\">Home</a> <a href=\"/careers.html\">Careers</a></nav>\n</header>\n")
                .append("<main>\n<h1>Careers at ")
                .append(name)
                .append("</h1>\n");
        if (site.jobs().isEmpty()) {
            html.append("<p>We have no open roles right now. We are always glad to hear from good people: email <a ")
                    .append("href=\"mailto:hello@")
                    .append(site.host())
                    .append("\">hello@")
                    .append(site.host())
                    .append("</a>.</p>\n");
        } else {
            html.append("<p>We are hiring. Every role below is open now.</p>\n<ul class=\"jobs\">\n");
            for (Site.Job job : site.jobs()) {
                html.append("<li>\n<h2>")
                        .append(Html.escape(job.title()))
                        .append("</h2>\n<p class=\"meta\">")
                        .append(Html.escape(location(site, job)))
                        .append(" · ")
                        .append(kind(job))
                        .append(" · ")
                        .append(pounds(job.salaryMin()))
                        .append("–")
                        .append(pounds(job.salaryMax()))
                        .append("</p>\n<p>")
                        .append(Html.escape(description(site, job)))
                        .append("</p>\n</li>\n");
            }
            html.append("</ul>\n");
        }
        return html.append("</main>\n</body>\n</html>\n").toString();
    }

    static ObjectNode posting(Site site, Site.Job job) {
        ObjectNode posting = Json.object();
        posting.put("@context", "https://schema.org/");
        posting.put("@type", "JobPosting");
        posting.put("title", job.title());
        posting.put("description", "<p>" + description(site, job) + "</p>");
        posting.put("datePosted", job.posted().toString());
        posting.put("validThrough", job.validThrough().toString());
        posting.put("employmentType", job.employmentType());
        ObjectNode organisation = posting.putObject("hiringOrganization");
        organisation.put("@type", "Organization");
        organisation.put("name", site.legalName());
        organisation.put("sameAs", site.url());
        ObjectNode address =
                posting.putObject("jobLocation").put("@type", "Place").putObject("address");
        address.put("@type", "PostalAddress");
        address.put("addressLocality", Words.title(site.company().address().postTown()));
        address.put("postalCode", site.company().address().postcode());
        address.put("addressCountry", "GB");
        if (job.remote()) {
            posting.put("jobLocationType", "TELECOMMUTE");
            posting.putObject("applicantLocationRequirements")
                    .put("@type", "Country")
                    .put("name", "United Kingdom");
        }
        ObjectNode salary = posting.putObject("baseSalary");
        salary.put("@type", "MonetaryAmount");
        salary.put("currency", "GBP");
        salary.putObject("value")
                .put("@type", "QuantitativeValue")
                .put("minValue", job.salaryMin())
                .put("maxValue", job.salaryMax())
                .put("unitText", "YEAR");
        return posting;
    }

    private static String description(Site site, Site.Job job) {
        String article = "AEIOU".indexOf(job.title().charAt(0)) >= 0 ? " an " : " a ";
        return site.displayName() + " is hiring" + article + job.title() + " to " + job.duties() + ".";
    }

    private static String location(Site site, Site.Job job) {
        String town = Words.title(site.company().address().postTown());
        return job.remote() ? "Remote (UK) or " + town : town;
    }

    private static String kind(Site.Job job) {
        return switch (job.employmentType()) {
            case "CONTRACTOR" -> "Contract";
            case "PART_TIME" -> "Part time";
            default -> "Full time";
        };
    }

    private static String pounds(int amount) {
        return "£" + NumberFormat.getIntegerInstance(Locale.UK).format(amount);
    }
}
