package io.agentry.website;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The company's profiles among a page's links. A link counts when its host is the network's and
 * its path names a profile: share and intent links, posts, videos and the networks' own pages
 * (login, help, legal) do not. The first link of each network, in page order, wins.
 */
final class SocialLinkFinder {
    private static final Pattern X_HANDLE = Pattern.compile("[A-Za-z0-9_]{1,15}");
    private static final Pattern FACEBOOK_PROFILE_ID = Pattern.compile("(?:^|&)id=(\\d+)");
    private static final Set<String> X_RESERVED = Set.of(
            "share",
            "intent",
            "home",
            "i",
            "hashtag",
            "search",
            "login",
            "signup",
            "privacy",
            "tos",
            "explore",
            "settings",
            "messages",
            "notifications",
            "compose");
    private static final Set<String> FACEBOOK_RESERVED = Set.of(
            "sharer",
            "sharer.php",
            "share.php",
            "dialog",
            "plugins",
            "tr",
            "login",
            "login.php",
            "policies",
            "privacy",
            "help",
            "events",
            "groups",
            "watch",
            "hashtag",
            "photo.php",
            "story.php",
            "permalink.php");
    private static final Set<String> INSTAGRAM_RESERVED =
            Set.of("p", "reel", "reels", "explore", "accounts", "stories", "tv", "direct", "about", "legal");
    private static final Set<String> GITHUB_RESERVED = Set.of(
            "features",
            "about",
            "pricing",
            "login",
            "join",
            "sponsors",
            "marketplace",
            "topics",
            "collections",
            "trending",
            "site",
            "security",
            "enterprise",
            "explore",
            "settings",
            "apps",
            "contact",
            "search");

    private SocialLinkFinder() {}

    static SocialLinks find(List<Link> links) {
        String linkedIn = null, x = null, facebook = null, instagram = null, youtube = null, github = null;
        for (Link link : links) {
            URI uri = parse(link.url());
            if (uri == null) {
                continue;
            }
            linkedIn = linkedIn != null ? linkedIn : linkedIn(uri);
            x = x != null ? x : x(uri);
            facebook = facebook != null ? facebook : facebook(uri);
            instagram = instagram != null ? instagram : instagram(uri);
            youtube = youtube != null ? youtube : youtube(uri);
            github = github != null ? github : github(uri);
        }
        return new SocialLinks(linkedIn, x, facebook, instagram, youtube, github);
    }

    static String linkedIn(URI uri) {
        return onHost(
                uri,
                "linkedin.com",
                path -> path.size() >= 2 && path.get(0).equals("company")
                        ? "https://www.linkedin.com/company/" + path.get(1)
                        : null);
    }

    static String x(URI uri) {
        Function<List<String>, String> profile = path -> path.size() >= 1
                        && !X_RESERVED.contains(path.get(0).toLowerCase(Locale.ROOT))
                        && X_HANDLE.matcher(path.get(0)).matches()
                        && (path.size() == 1 || !path.get(1).equals("status"))
                ? "https://x.com/" + path.get(0)
                : null;
        String twitter = onHost(uri, "twitter.com", profile);
        return twitter != null ? twitter : onHost(uri, "x.com", profile);
    }

    static String facebook(URI uri) {
        Function<List<String>, String> page = path -> {
            if (path.isEmpty() || FACEBOOK_RESERVED.contains(path.get(0).toLowerCase(Locale.ROOT))) {
                return null;
            }
            if (path.get(0).equals("profile.php")) {
                Matcher id = FACEBOOK_PROFILE_ID.matcher(uri.getRawQuery() == null ? "" : uri.getRawQuery());
                return id.find() ? "https://www.facebook.com/profile.php?id=" + id.group(1) : null;
            }
            if (path.get(0).equals("pages") && path.size() >= 3) {
                return "https://www.facebook.com/pages/" + path.get(1) + "/" + path.get(2);
            }
            return path.get(0).equals("pages") ? null : "https://www.facebook.com/" + path.get(0);
        };
        String facebook = onHost(uri, "facebook.com", page);
        return facebook != null ? facebook : onHost(uri, "fb.com", page);
    }

    static String instagram(URI uri) {
        return onHost(
                uri,
                "instagram.com",
                path -> !path.isEmpty()
                                && !INSTAGRAM_RESERVED.contains(path.get(0).toLowerCase(Locale.ROOT))
                        ? "https://www.instagram.com/" + path.get(0)
                        : null);
    }

    static String youtube(URI uri) {
        return onHost(uri, "youtube.com", path -> {
            if (path.isEmpty()) {
                return null;
            }
            String first = path.get(0);
            if (first.startsWith("@") && first.length() > 1) {
                return "https://www.youtube.com/" + first;
            }
            if (Set.of("channel", "c", "user").contains(first) && path.size() >= 2) {
                return "https://www.youtube.com/" + first + "/" + path.get(1);
            }
            return null;
        });
    }

    static String github(URI uri) {
        return onHost(uri, "github.com", path -> {
            if (path.isEmpty()) {
                return null;
            }
            String owner = path.get(0).equals("orgs") && path.size() >= 2 ? path.get(1) : path.get(0);
            return GITHUB_RESERVED.contains(owner.toLowerCase(Locale.ROOT)) || owner.equals("orgs")
                    ? null
                    : "https://github.com/" + owner;
        });
    }

    /** Applies {@code profile} to the path segments when the host is {@code domain} or under it. */
    private static String onHost(URI uri, String domain, Function<List<String>, String> profile) {
        String host = uri.getHost();
        if (host == null) {
            return null;
        }
        host = host.toLowerCase(Locale.ROOT);
        if (!host.equals(domain) && !host.endsWith("." + domain)) {
            return null;
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        List<String> segments =
                Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
        return profile.apply(segments);
    }

    private static URI parse(String href) {
        if (href.isEmpty()) {
            return null;
        }
        try {
            URI uri = new URI(href.strip().replace(" ", "%20"));
            String scheme = uri.getScheme();
            return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme) ? uri : null;
        } catch (URISyntaxException notALink) {
            return null;
        }
    }
}
