package io.agentry.sample;

import java.util.Locale;

/**
 * The technologies a sample site is built with, as the markers real sites carry in their markup:
 * the paths, attributes and script hosts that tell a reader which framework, CMS or service is in
 * use. Each snippet is the shape the vendor's own installation instructions give, with ids made
 * from the site's key; nothing here loads anything until a browser renders the page.
 */
final class Technology {
    private Technology() {}

    /** What renders the page: at most one per site. */
    enum Frontend {
        STATIC("Static HTML"),
        NEXT_JS("Next.js"),
        REACT("React"),
        VUE("Vue.js"),
        ANGULAR("Angular"),
        WORDPRESS("WordPress"),
        SHOPIFY("Shopify"),
        WEBFLOW("Webflow");

        private final String label;

        Frontend(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }

        /** Attributes of the {@code <html>} element. */
        String htmlAttributes(Site site) {
            return this == WEBFLOW
                    ? " data-wf-domain=\"" + site.host() + "\" data-wf-page=\"" + reversed(site.key())
                            + "\" data-wf-site=\"" + site.key() + "\""
                    : "";
        }

        String head(Site site) {
            String key = site.key();
            return switch (this) {
                case STATIC -> "<link rel=\"stylesheet\" href=\"/css/site.css\">\n";
                case NEXT_JS ->
                    "<link rel=\"preload\" href=\"/_next/static/css/" + key.substring(0, 16)
                            + ".css\" as=\"style\">\n<link rel=\"stylesheet\" href=\"/_next/static/css/"
                            + key.substring(0, 16) + ".css\" data-n-g=\"\">\n";
                case REACT -> "<link href=\"/static/css/main." + key.substring(0, 8) + ".css\" rel=\"stylesheet\">\n";
                case VUE ->
                    "<script type=\"module\" crossorigin src=\"/assets/index-" + key.substring(0, 8)
                            + ".js\"></script>\n<link rel=\"stylesheet\" href=\"/assets/index-" + key.substring(8, 16)
                            + ".css\">\n";
                case ANGULAR ->
                    "<base href=\"/\">\n<link rel=\"stylesheet\" href=\"styles." + key.substring(0, 16) + ".css\">\n";
                case WORDPRESS ->
                    "<meta name=\"generator\" content=\"WordPress 6.5.5\">\n"
                            + "<link rel=\"https://api.w.org/\" href=\"" + site.url() + "wp-json/\">\n"
                            + "<link rel=\"stylesheet\" id=\"theme-style-css\" href=\"/wp-content/themes/" + site.slug()
                            + "/style.css?ver=6.5.5\" media=\"all\">\n"
                            + "<script src=\"/wp-includes/js/jquery/jquery.min.js?ver=3.7.1\" id=\"jquery-core-js\">"
                            + "</script>\n";
                case SHOPIFY ->
                    "<link href=\"//cdn.shopify.com/s/files/1/0" + site.numericId() % 1000 + "/"
                            + site.numericId() + "/t/3/assets/base.css?v=" + key.substring(0, 10)
                            + "\" rel=\"stylesheet\" type=\"text/css\" media=\"all\">\n"
                            + "<script>var Shopify = Shopify || {};\nShopify.shop = \"" + site.slug()
                            + ".myshopify.com\";\nShopify.locale = \"en\";\nShopify.currency = {\"active\":\"GBP\",\"rate\":\"1.0\"};\n"
                            + "Shopify.theme = {\"name\":\"Dawn\",\"id\":" + site.numericId()
                            + ",\"role\":\"main\"};</script>\n";
                case WEBFLOW ->
                    "<meta content=\"Webflow\" name=\"generator\">\n"
                            + "<link href=\"https://assets-global.website-files.com/" + key + "/css/" + site.slug()
                            + ".webflow.css\" rel=\"stylesheet\" type=\"text/css\">\n";
            };
        }

        /** What wraps the page's content, opened before it and closed after. */
        String open() {
            return switch (this) {
                case NEXT_JS -> "<div id=\"__next\">\n";
                case REACT ->
                    "<noscript>You need to enable JavaScript to run this app.</noscript>\n"
                            + "<div id=\"root\"><div data-reactroot=\"\">\n";
                case VUE -> "<div id=\"app\" data-v-app=\"\">\n";
                case ANGULAR -> "<app-root ng-version=\"17.3.12\" _nghost-ng-c2318415432=\"\">\n";
                default -> "";
            };
        }

        String close() {
            return switch (this) {
                case NEXT_JS, VUE -> "</div>\n";
                case REACT -> "</div></div>\n";
                case ANGULAR -> "</app-root>\n";
                default -> "";
            };
        }

        /** The attribute a framework puts on every element it renders (Vue's scoped styles, Angular's). */
        String elementAttribute(Site site) {
            return switch (this) {
                case VUE -> " data-v-" + site.key().substring(16, 24);
                case ANGULAR -> " _ngcontent-ng-c2318415432=\"\"";
                default -> "";
            };
        }

        String scripts(Site site) {
            String key = site.key();
            return switch (this) {
                case NEXT_JS ->
                    "<script id=\"__NEXT_DATA__\" type=\"application/json\">{\"props\":{\"pageProps\":{}},"
                            + "\"page\":\"/\",\"query\":{},\"buildId\":\"" + key.substring(4, 20)
                            + "\",\"nextExport\":true,\"autoExport\":true,\"isFallback\":false,\"scriptLoader\":[]}"
                            + "</script>\n"
                            + "<script src=\"/_next/static/chunks/webpack-" + key.substring(0, 16)
                            + ".js\" defer=\"\"></script>\n"
                            + "<script src=\"/_next/static/chunks/framework-" + key.substring(8, 24)
                            + ".js\" defer=\"\"></script>\n"
                            + "<script src=\"/_next/static/chunks/pages/index-" + key.substring(2, 18)
                            + ".js\" defer=\"\"></script>\n"
                            + "<script src=\"/_next/static/" + key.substring(4, 20)
                            + "/_buildManifest.js\" defer=\"\"></script>\n";
                case REACT ->
                    "<script defer=\"defer\" src=\"/static/js/main." + key.substring(8, 16) + ".js\"></script>\n";
                case ANGULAR ->
                    "<script src=\"runtime." + key.substring(0, 16) + ".js\" type=\"module\"></script>\n"
                            + "<script src=\"polyfills." + key.substring(4, 20) + ".js\" type=\"module\"></script>\n"
                            + "<script src=\"main." + key.substring(8, 24) + ".js\" type=\"module\"></script>\n";
                case WORDPRESS ->
                    "<script src=\"/wp-content/themes/" + site.slug()
                            + "/js/navigation.js?ver=6.5.5\" id=\"theme-navigation-js\"></script>\n";
                case SHOPIFY ->
                    "<script src=\"//cdn.shopify.com/s/files/1/0" + site.numericId() % 1000 + "/"
                            + site.numericId() + "/t/3/assets/global.js?v=" + key.substring(0, 10)
                            + "\" defer=\"defer\"></script>\n";
                case WEBFLOW ->
                    "<script src=\"https://assets-global.website-files.com/" + key
                            + "/js/webflow.js\" type=\"text/javascript\"></script>\n";
                default -> "";
            };
        }
    }

    /** Services a site embeds: analytics, marketing, support chat, payments. */
    enum Addon {
        GOOGLE_ANALYTICS("Google Analytics"),
        SEGMENT("Segment"),
        HUBSPOT("HubSpot"),
        PARDOT("Pardot"),
        INTERCOM("Intercom"),
        ZENDESK("Zendesk"),
        STRIPE("Stripe");

        private final String label;

        Addon(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }

        String head(Site site) {
            String key = site.key();
            return switch (this) {
                case GOOGLE_ANALYTICS -> {
                    String id = "G-" + key.substring(0, 10).toUpperCase(Locale.ROOT);
                    yield "<script async src=\"https://www.googletagmanager.com/gtag/js?id=" + id + "\"></script>\n"
                            + "<script>window.dataLayer = window.dataLayer || [];\n"
                            + "function gtag(){dataLayer.push(arguments);}\ngtag('js', new Date());\ngtag('config', '"
                            + id + "');</script>\n";
                }
                case SEGMENT ->
                    "<script async src=\"https://cdn.segment.com/analytics.js/v1/" + key
                            + "/analytics.min.js\"></script>\n";
                case STRIPE -> "<script src=\"https://js.stripe.com/v3/\"></script>\n";
                default -> "";
            };
        }

        String body(Site site) {
            String key = site.key();
            return switch (this) {
                case HUBSPOT ->
                    "<script type=\"text/javascript\" id=\"hs-script-loader\" async defer "
                            + "src=\"//js.hs-scripts.com/" + site.numericId() + ".js\"></script>\n";
                case PARDOT ->
                    "<script type=\"text/javascript\">piAId = '" + site.numericId() % 1_000_000
                            + "'; piCId = ''; piHostname = 'pi.pardot.com';\n"
                            + "(function() { function async_load(){ var s = document.createElement('script'); "
                            + "s.type = 'text/javascript'; s.src = ('https:' == document.location.protocol ? "
                            + "'https://pi' : 'http://cdn') + '.pardot.com/pd.js'; var c = "
                            + "document.getElementsByTagName('script')[0]; c.parentNode.insertBefore(s, c); }\n"
                            + "window.addEventListener('load', async_load, false); })();</script>\n";
                case INTERCOM ->
                    "<script>window.intercomSettings = {api_base: \"https://api-iam.intercom.io\", "
                            + "app_id: \"" + key.substring(0, 8) + "\"};</script>\n"
                            + "<script async src=\"https://widget.intercom.io/widget/" + key.substring(0, 8)
                            + "\"></script>\n";
                case ZENDESK ->
                    "<script id=\"ze-snippet\" src=\"https://static.zdassets.com/ekr/snippet.js?key="
                            + key.substring(0, 8) + "-" + key.substring(8, 12) + "-" + key.substring(12, 16) + "-"
                            + key.substring(16, 20) + "-" + key.substring(20, 24)
                            + reversed(key).substring(0, 8)
                            + "\"></script>\n";
                default -> "";
            };
        }
    }

    private static String reversed(String text) {
        return new StringBuilder(text).reverse().toString();
    }
}
