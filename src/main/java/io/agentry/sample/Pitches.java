package io.agentry.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** What a sample company's home page says it does, by sector: a product, for someone. */
final class Pitches {
    private static final List<String> SOFTWARE_PRODUCTS = List.of(
            "workflow automation software",
            "a scheduling platform for field-service teams",
            "data pipelines and dashboards",
            "an API for identity verification",
            "online booking software",
            "inventory management software",
            "a compliance reporting platform",
            "mobile apps",
            "a learning management system",
            "a customer feedback platform",
            "cloud cost monitoring",
            "an integration platform");
    private static final List<String> SOFTWARE_FOR = List.of(
            "accountancy practices",
            "logistics operators",
            "independent retailers",
            "housing associations",
            "manufacturers",
            "law firms",
            "schools and colleges",
            "hospitality groups",
            "care providers",
            "construction firms",
            "charities",
            "e-commerce brands");
    private static final List<String> SOFTWARE_OFFERINGS = List.of(
            "Cloud platform hosted in the UK",
            "Integrations with Xero, Sage and QuickBooks",
            "Mobile apps for iOS and Android",
            "Reporting and analytics",
            "Single sign-on and audit logs",
            "Onboarding and training",
            "An open API and webhooks",
            "Support from people who answer");
    private static final List<String> FINTECH_PRODUCTS = List.of(
            "open banking payments",
            "invoice finance",
            "expense cards and spend management",
            "FX and cross-border payments",
            "KYC and AML compliance tooling",
            "a savings app",
            "card payment processing",
            "pay-later checkout",
            "payroll and payouts",
            "insurance for freelancers");
    private static final List<String> FINTECH_FOR = List.of(
            "small businesses",
            "marketplaces",
            "software companies",
            "importers and exporters",
            "freelancers",
            "online retailers",
            "property managers",
            "accountants and their clients");
    private static final List<String> FINTECH_OFFERINGS = List.of(
            "Same-day settlement",
            "Open banking connections to UK banks",
            "Multi-currency accounts",
            "Card issuing",
            "Real-time reporting",
            "APIs and webhooks",
            "Reconciliation with Xero",
            "Fraud monitoring");
    private static final List<String> RETAIL_PRODUCTS = List.of(
            "sustainable homeware",
            "specialty coffee",
            "cycling clothing",
            "handmade jewellery",
            "natural pet food",
            "refurbished laptops and phones",
            "plant-based skincare",
            "vintage furniture",
            "outdoor gear",
            "board games and puzzles",
            "loose-leaf tea",
            "children's books and toys");
    private static final List<String> RETAIL_OFFERINGS = List.of(
            "Free UK delivery over £50",
            "30-day returns",
            "Next-day dispatch",
            "Gift wrapping",
            "Subscriptions",
            "Trade accounts",
            "Click and collect");
    private static final List<String> PROFESSIONAL_PRODUCTS = List.of(
            "management consultancy",
            "bookkeeping and accounts",
            "recruitment",
            "marketing and brand design",
            "engineering consultancy");
    private static final List<String> CREATIVE_PRODUCTS =
            List.of("film and video production", "illustration and design", "photography", "events and exhibitions");
    private static final List<String> HOSPITALITY_PRODUCTS =
            List.of("a neighbourhood restaurant", "a café and bakery", "event catering", "a craft brewery and taproom");
    private static final List<String> HEALTH_PRODUCTS =
            List.of("physiotherapy", "a dental practice", "personal training", "a beauty clinic");
    private static final List<String> LOCAL_FOR =
            List.of("local businesses", "families", "small teams", "growing companies", "the community");
    private static final List<String> LOCAL_OFFERINGS = List.of(
            "A free first consultation",
            "Fixed, published prices",
            "Evening and weekend appointments",
            "Experienced, qualified staff",
            "Gift vouchers",
            "Bookings online");

    private Pitches() {}

    static Site.Pitch pitch(Sector sector, String displayName, String town, int founded, SplittableRandom random) {
        String product;
        String audience;
        List<String> offerings;
        String verb;
        switch (sector) {
            case SOFTWARE -> {
                product = Words.any(SOFTWARE_PRODUCTS, random);
                audience = Words.any(SOFTWARE_FOR, random);
                offerings = SOFTWARE_OFFERINGS;
                verb = "builds";
            }
            case FINTECH -> {
                product = Words.any(FINTECH_PRODUCTS, random);
                audience = Words.any(FINTECH_FOR, random);
                offerings = FINTECH_OFFERINGS;
                verb = "provides";
            }
            case RETAIL -> {
                product = Words.any(RETAIL_PRODUCTS, random);
                audience = "customers across the UK";
                offerings = RETAIL_OFFERINGS;
                verb = "sells";
            }
            default -> {
                List<String> products = switch (sector) {
                    case CREATIVE -> CREATIVE_PRODUCTS;
                    case HOSPITALITY -> HOSPITALITY_PRODUCTS;
                    case HEALTH -> HEALTH_PRODUCTS;
                    default -> PROFESSIONAL_PRODUCTS;
                };
                product = Words.any(products, random);
                audience = Words.any(LOCAL_FOR, random);
                offerings = LOCAL_OFFERINGS;
                verb = product.startsWith("a ") ? "runs" : "offers";
            }
        }
        String tagline = sector == Sector.RETAIL
                ? capitalised(product) + ", online"
                : capitalised(product.replaceFirst("^an? ", "")) + " for " + audience;
        String summary = displayName + " " + verb + " " + product + (sector == Sector.RETAIL ? " online" : "") + " for "
                + audience + ", from " + town + ".";
        String about = "Founded in " + founded + " and based in " + town + ", " + displayName
                + (sector == Sector.RETAIL
                        ? " ships every order from its own warehouse."
                        : " works with clients across the UK.");
        return new Site.Pitch(tagline, summary, three(offerings, random), about);
    }

    private static List<String> three(List<String> offerings, SplittableRandom random) {
        List<String> left = new ArrayList<>(offerings);
        List<String> chosen = new ArrayList<>(3);
        for (int i = 0; i < 3; i++) {
            chosen.add(left.remove(random.nextInt(left.size())));
        }
        return chosen;
    }

    private static String capitalised(String text) {
        return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
