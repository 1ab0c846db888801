package io.agentry.sample;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Chooses the sample companies that get a website and decides each site: sixty active, trading,
 * small-to-medium companies, mostly software, fintech and online retail, taken in file order.
 * Everything follows from the companies and one seed, so the bundled sites can be regenerated
 * byte for byte.
 */
final class SampleSites {
    private static final Map<Sector, Integer> QUOTAS = new EnumMap<>(Map.of(
            Sector.SOFTWARE, 26,
            Sector.FINTECH, 14,
            Sector.RETAIL, 12,
            Sector.PROFESSIONAL, 3,
            Sector.CREATIVE, 2,
            Sector.HOSPITALITY, 2,
            Sector.HEALTH, 1));
    private static final Set<String> SMALL_TO_MEDIUM = Set.of(
            "MICRO ENTITY",
            "TOTAL EXEMPTION FULL",
            "UNAUDITED ABRIDGED",
            "SMALL",
            "MEDIUM",
            "FULL",
            "NO ACCOUNTS FILED");
    /** Short words of the name lists that are words, not initials. */
    private static final Set<String> WORDS = Set.of("THE", "AND", "CO", "LTD", "PAY", "HUB", "LEE", "COX", "ALI");
    /** Which site (in order) shuts crawlers out with {@code Disallow: /}. */
    private static final int DISALLOWS_ALL = 4;

    private SampleSites() {}

    static int count() {
        return QUOTAS.values().stream().mapToInt(Integer::intValue).sum();
    }

    static List<Site> choose(Iterable<Company> companies, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<Sector, Integer> left = new EnumMap<>(QUOTAS);
        Set<String> hosts = new HashSet<>();
        List<Site> sites = new ArrayList<>();
        for (Company company : companies) {
            Integer quota = left.get(company.sector());
            if (quota == null || quota == 0 || !eligible(company)) {
                continue;
            }
            left.put(company.sector(), quota - 1);
            String host = host(company, hosts);
            hosts.add(host);
            sites.add(site(company, host, sites.size() == DISALLOWS_ALL, random));
        }
        return sites;
    }

    private static boolean eligible(Company company) {
        return company.status() == Status.ACTIVE
                && (company.category() == Category.PRIVATE
                        || company.category() == Category.PUBLIC
                        || company.category() == Category.PARTNERSHIP)
                && SMALL_TO_MEDIUM.contains(company.accounts().category())
                && !company.sicCodes().isEmpty()
                && (company.sector() != Sector.RETAIL
                        || company.sicCodes().stream()
                                .anyMatch(code -> code.code().equals("47910")));
    }

    private static Site site(Company company, String host, boolean disallowAll, SplittableRandom random) {
        String displayName = displayName(stem(company));
        String key = hex(random) + hex(random) + hex(random);
        Site.Pitch pitch = Pitches.pitch(
                company.sector(),
                displayName,
                Words.title(company.address().postTown()),
                company.incorporated().getYear(),
                random);
        TechnologyMix mix = TechnologyMix.of(company.sector());
        Technology.Frontend frontend = mix.frontend(random);
        List<Technology.Addon> addons = mix.addons(frontend, random);
        boolean careers = disallowAll || random.nextInt(4) > 0;
        List<Site.Job> jobs = careers ? Jobs.openings(company.sector(), random) : null;
        Site.Robots robots = disallowAll
                ? Site.Robots.DISALLOW_ALL
                : random.nextInt(3) == 0 ? Site.Robots.ADMIN_ONLY : Site.Robots.NONE;
        return new Site(
                company, host, displayName, displayName(company.name()), pitch, frontend, addons, key, jobs, robots);
    }

    /** The name without its ending: "NORTHWIND ANALYTICS" of "NORTHWIND ANALYTICS LTD". */
    static String stem(Company company) {
        String name = company.name();
        for (String suffix : company.category().suffixes()) {
            if (!suffix.isEmpty() && name.endsWith(" " + suffix)) {
                return name.substring(0, name.length() - suffix.length() - 1);
            }
        }
        return name;
    }

    /** {@code northwind-analytics.example}; {@code .example} is reserved and never a real site. */
    private static String host(Company company, Set<String> taken) {
        String slug = stem(company)
                .toLowerCase(Locale.ROOT)
                .replace("&", " and ")
                .replaceAll("['\"]", "")
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-[^-]*$", "");
        }
        String host = slug + ".example";
        for (int n = 2; taken.contains(host); n++) {
            host = slug + "-" + n + ".example";
        }
        return host;
    }

    /** "Northwind Analytics", "KBS Tavern", "Smith's Bakery Ltd": initials and acronyms stay capitals. */
    static String displayName(String registered) {
        StringBuilder out = new StringBuilder();
        for (String word : registered.split(" ")) {
            if (out.length() > 0) {
                out.append(' ');
            }
            boolean initials = word.length() <= 3 && word.matches("[A-Z]+") && !WORDS.contains(word);
            out.append(initials || word.equals("(UK)") ? word : Words.title(word));
        }
        return out.toString();
    }

    private static String hex(SplittableRandom random) {
        return String.format(Locale.ROOT, "%08x", random.nextInt());
    }
}
