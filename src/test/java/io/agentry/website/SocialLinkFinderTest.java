package io.agentry.website;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class SocialLinkFinderTest {

    private static SocialLinks links(String html) {
        return SocialLinkFinder.find(Link.all(Jsoup.parse(html, "https://acme.example/")));
    }

    @Test
    void profiles_are_normalised_to_one_absolute_form() {
        SocialLinks links = links("<a href='https://uk.linkedin.com/company/acme-ltd/about/?trk=x'>in</a>"
                + "<a href='http://mobile.twitter.com/AcmeLtd?lang=en'>t</a>"
                + "<a href='//m.facebook.com/AcmeLtd/'>f</a>"
                + "<a href='https://instagram.com/acme.ltd'>i</a>"
                + "<a href='https://www.youtube.com/channel/UC123abc/videos'>y</a>"
                + "<a href='https://github.com/acme-ltd/website'>g</a>");

        assertThat(links)
                .isEqualTo(new SocialLinks(
                        "https://www.linkedin.com/company/acme-ltd",
                        "https://x.com/AcmeLtd",
                        "https://www.facebook.com/AcmeLtd",
                        "https://www.instagram.com/acme.ltd",
                        "https://www.youtube.com/channel/UC123abc",
                        "https://github.com/acme-ltd"));
    }

    @Test
    void share_buttons_people_posts_and_network_pages_are_not_profiles() {
        SocialLinks links = links("<a href='https://www.linkedin.com/in/jane-smith'>Jane</a>"
                + "<a href='https://www.linkedin.com/shareArticle?url=x'>share</a>"
                + "<a href='https://twitter.com/intent/tweet?text=x'>tweet</a>"
                + "<a href='https://twitter.com/acme/status/123456'>a tweet</a>"
                + "<a href='https://www.facebook.com/sharer/sharer.php?u=x'>share</a>"
                + "<a href='https://www.instagram.com/p/Cabc123/'>a post</a>"
                + "<a href='https://www.youtube.com/watch?v=abc'>a video</a>"
                + "<a href='https://github.com/features/actions'>GitHub Actions</a>");

        assertThat(links.isEmpty()).isTrue();
    }

    @Test
    void the_first_profile_of_a_network_wins_and_x_com_counts_as_twitter() {
        SocialLinks links = links(
                "<a href='https://x.com/AcmeNews'>x</a><a href='https://twitter.com/AcmeHelp'>t</a>"
                        + "<a href='https://www.youtube.com/@acme'>y</a><a href='https://www.facebook.com/profile.php?id=1000123'>f</a>");

        assertThat(links.twitter()).isEqualTo("https://x.com/AcmeNews");
        assertThat(links.youtube()).isEqualTo("https://www.youtube.com/@acme");
        assertThat(links.facebook()).isEqualTo("https://www.facebook.com/profile.php?id=1000123");
    }

    @Test
    void a_look_alike_host_is_not_the_network() {
        assertThat(links(
                                "<a href='https://notlinkedin.com/company/acme'>x</a><a href='https://github.com.evil.example/acme'>g</a>")
                        .isEmpty())
                .isTrue();
    }
}
