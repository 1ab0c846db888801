package io.agentry.website;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class CareersAndJobsTest {

    private static String careersLink(String html) {
        Document page = Jsoup.parse(html, "https://acme.example/");
        return CareersLinkFinder.find(Link.all(page), page.location());
    }

    private static Integer jobs(String html) {
        return JobCounter.count(Jsoup.parse(html, "https://acme.example/careers"));
    }

    @Test
    void careers_link_is_found_by_its_text_or_its_url_preferring_both() {
        assertThat(careersLink("<a href='/about'>About</a><a href='/join'>Join our team</a>"))
                .isEqualTo("https://acme.example/join");
        assertThat(careersLink("<a href='/company/vacancies.html'>Opportunities at Acme</a>"))
                .isEqualTo("https://acme.example/company/vacancies.html");
        assertThat(careersLink("<a href='/jobs'>Our team</a><a href='/work-with-us'>Work with us</a>"))
                .isEqualTo("https://acme.example/work-with-us");
        assertThat(careersLink("<a href='https://boards.greenhouse.io/acme'>Open roles</a>"))
                .isEqualTo("https://boards.greenhouse.io/acme");
    }

    @Test
    void no_careers_link_when_nothing_says_careers() {
        assertThat(
                        careersLink(
                                "<a href='/about'>About</a><a href='#careers'>Careers</a><a href='mailto:jobs@acme.co.uk'>Jobs</a>"))
                .isNull();
    }

    @Test
    void jobs_are_counted_from_json_ld_job_postings_wherever_they_sit() {
        String html = "<script type='application/ld+json'>{\"@type\":\"ItemList\",\"itemListElement\":["
                + "{\"@type\":\"ListItem\",\"item\":{\"@type\":\"JobPosting\",\"title\":\"A\"}},"
                + "{\"@type\":\"ListItem\",\"item\":{\"@type\":\"http://schema.org/JobPosting\",\"title\":\"B\"}}]}</script>"
                + "<script type='application/ld+json'>[{\"@type\":\"JobPosting\"}]</script>"
                + "<script type='application/ld+json'>not json</script>";

        assertThat(jobs(html)).isEqualTo(3);
    }

    @Test
    void without_json_ld_microdata_then_posting_links_are_counted() {
        assertThat(jobs("<div itemscope itemtype='https://schema.org/JobPosting'>A</div>"
                        + "<div itemscope itemtype='http://schema.org/JobPosting'>B</div>"))
                .isEqualTo(2);
        assertThat(
                        jobs(
                                "<a href='/jobs/123-welder'>Welder</a><a href='/jobs/123-welder#apply'>Apply</a>"
                                        + "<a href='https://jobs.lever.co/acme/5f0c-9a1b'>Driver</a>"
                                        + "<a href='/careers?gh_jid=4000123'>Clerk</a>"
                                        + "<a href='/careers/benefits'>Benefits</a><a href='/jobs/search'>Search</a><a href='/'>Home</a>"))
                .isEqualTo(3);
    }

    @Test
    void a_page_saying_there_are_no_vacancies_counts_zero() {
        assertThat(jobs("<p>We have no current vacancies, but send us your CV.</p>"))
                .isZero();
        assertThat(jobs("<p>We are not currently recruiting.</p>")).isZero();
    }

    @Test
    void a_page_with_nothing_countable_is_unknown_not_zero() {
        assertThat(
                        jobs(
                                "<h1>Careers</h1><div id='jobs-widget'></div><script src='https://widget.example/jobs.js'></script>"))
                .isNull();
    }

    @Test
    void posting_links_are_recognised_by_their_shape() {
        assertThat(JobCounter.looksLikePosting(URI.create("https://apply.workable.com/acme/j/ABC123/")))
                .isTrue();
        assertThat(JobCounter.looksLikePosting(URI.create("https://acme.recruitee.com/o/welder")))
                .isTrue();
        assertThat(JobCounter.looksLikePosting(URI.create("https://acme.example/careers/life-at-acme")))
                .isFalse();
        assertThat(JobCounter.looksLikePosting(URI.create("https://acme.example/jobs")))
                .isFalse();
    }
}
