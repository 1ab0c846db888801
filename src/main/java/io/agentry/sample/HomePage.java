package io.agentry.sample;

/**
 * A sample site's {@code index.html}: what the company does, how to reach it (a {@code mailto:}
 * link, LinkedIn and X), its registered name, number and office, and the markers of the
 * technologies it is built with.
 */
final class HomePage {
    private HomePage() {}

    static String render(Site site) {
        Technology.Frontend frontend = site.frontend();
        String a = frontend.elementAttribute(site);
        String name = Html.escape(site.displayName());
        Site.Pitch pitch = site.pitch();
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html>\n<html lang=\"en-GB\"")
                .append(frontend.htmlAttributes(site))
                .append(">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>")
                .append(name)
                .append(" | ")
                .append(Html.escape(pitch.tagline()))
                .append("</title>\n<meta name=\"description\" content=\"")
                .append(Html.escape(pitch.summary()))
                .append("\">\n<link rel=\"canonical\" href=\"")
                .append(site.url())
                .append("\">\n<meta property=\"og:title\" content=\"")
                .append(name)
                .append("\">\n<meta property=\"og:url\" content=\"")
                .append(site.url())
                .append("\">\n")
                .append(frontend.head(site));
        site.addons().forEach(addon -> html.append(addon.head(site)));
        html.append("</head>\n<body>\n").append(frontend.open());
        html.append("<header")
                .append(a)
                .append("><a class=\"logo\" href=\"/\">")
                .append(name)
                .append("</a>\n<nav>");
        html.append("<a href=\"/\">Home</a> ");
        if (site.hasCareersPage()) {
            html.append("<a href=\"/careers.html\">Careers</a> ");
        }
        html.append("<a href=\"#contact\">Contact</a></nav>\n</header>\n<main")
                .append(a)
                .append(">\n");
        html.append("<section class=\"hero\"")
                .append(a)
                .append(">\n<h1>")
                .append(Html.escape(pitch.tagline()))
                .append("</h1>\n<p>")
                .append(Html.escape(pitch.summary()))
                .append("</p>\n<a class=\"button\" href=\"#contact\">Talk to us</a>\n</section>\n");
        html.append("<section class=\"offer\"").append(a).append(">\n<h2>What we do</h2>\n<ul>\n");
        pitch.offerings()
                .forEach(offering ->
                        html.append("<li>").append(Html.escape(offering)).append("</li>\n"));
        html.append("</ul>\n</section>\n<section class=\"about\"")
                .append(a)
                .append(">\n<h2>About us</h2>\n<p>")
                .append(Html.escape(pitch.about()))
                .append("</p>\n</section>\n<section id=\"contact\"")
                .append(a)
                .append(">\n<h2>Get in touch</h2>\n<p>Email <a href=\"mailto:hello@")
                .append(site.host())
                .append("\">hello@")
                .append(site.host())
                .append("</a>.</p>\n</section>\n</main>\n");
        html.append("<footer")
                .append(a)
                .append(">\n<p><a href=\"https://www.linkedin.com/company/")
                .append(site.slug())
                .append("\">LinkedIn</a> · <a href=\"https://x.com/")
                .append(handle(site))
                .append("\">X</a>");
        if (site.company().sector() == Sector.SOFTWARE) {
            html.append(" · <a href=\"https://github.com/").append(site.slug()).append("\">GitHub</a>");
        }
        Company company = site.company();
        html.append("</p>\n<p>© 2025 ")
                .append(Html.escape(site.legalName()))
                .append(". Registered in ")
                .append(company.address().region().jurisdiction().label())
                .append(", company number ")
                .append(company.number())
                .append(". Registered office: ")
                .append(Html.escape(office(company.address())))
                .append(".</p>\n</footer>\n")
                .append(frontend.close())
                .append(frontend.scripts(site));
        site.addons().forEach(addon -> html.append(addon.body(site)));
        return html.append("</body>\n</html>\n").toString();
    }

    /** An X handle: letters and digits, at most 15. */
    static String handle(Site site) {
        String handle = site.slug().replace("-", "");
        return handle.length() > 15 ? handle.substring(0, 15) : handle;
    }

    private static String office(Company.Address address) {
        StringBuilder line = new StringBuilder(Words.title(address.line1()));
        if (!address.line2().isEmpty()) {
            line.append(", ").append(Words.title(address.line2()));
        }
        return line.append(", ")
                .append(Words.title(address.postTown()))
                .append(", ")
                .append(address.postcode())
                .toString();
    }
}
