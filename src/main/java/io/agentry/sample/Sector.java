package io.agentry.sample;

import java.util.List;

/**
 * A group of SIC codes that share a kind of business, and the words their companies' names end in
 * ("NORTHWIND ANALYTICS", "HARBOURSIDE LOGISTICS").
 */
enum Sector {
    SOFTWARE(
            "SOFTWARE",
            "TECHNOLOGIES",
            "TECHNOLOGY",
            "DIGITAL",
            "LABS",
            "SYSTEMS",
            "ANALYTICS",
            "DATA",
            "CLOUD",
            "SOLUTIONS",
            "AI",
            "APPS",
            "COMPUTING",
            "NETWORKS",
            "CYBER",
            "PLATFORMS"),
    FINTECH(
            "PAYMENTS",
            "CAPITAL",
            "FINANCE",
            "LEDGER",
            "PAY",
            "MONEY",
            "CREDIT",
            "WEALTH",
            "FX",
            "LENDING",
            "ASSET MANAGEMENT",
            "INSURANCE SERVICES",
            "FINANCIAL SERVICES",
            "MARKETS"),
    HOLDING("HOLDINGS", "GROUP", "INVESTMENTS", "VENTURES", "HOLDINGS", "GROUP HOLDINGS"),
    RETAIL(
            "TRADING",
            "STORES",
            "SUPPLIES",
            "GOODS",
            "BOUTIQUE",
            "HOME",
            "OUTFITTERS",
            "MARKET",
            "DIRECT",
            "ONLINE",
            "COLLECTIVE",
            "CO",
            "IMPORTS",
            "WHOLESALE"),
    PROFESSIONAL(
            "CONSULTING",
            "ADVISORY",
            "PARTNERS",
            "ASSOCIATES",
            "CONSULTANCY",
            "MANAGEMENT",
            "SERVICES",
            "RECRUITMENT",
            "ACCOUNTANCY",
            "DESIGN",
            "MARKETING",
            "MEDIA",
            "ARCHITECTS",
            "ENGINEERING",
            "RESEARCH",
            "TRAINING"),
    CONSTRUCTION(
            "BUILDERS",
            "CONSTRUCTION",
            "ROOFING",
            "ELECTRICAL",
            "PLUMBING AND HEATING",
            "CONTRACTORS",
            "GROUNDWORKS",
            "JOINERY",
            "INTERIORS",
            "BUILDING SERVICES"),
    PROPERTY("PROPERTIES", "ESTATES", "PROPERTY", "LETTINGS", "HOMES", "DEVELOPMENTS", "PROPERTY MANAGEMENT"),
    HOSPITALITY(
            "KITCHEN",
            "CAFE",
            "BAKERY",
            "BREWING CO",
            "RESTAURANTS",
            "INNS",
            "CATERING",
            "FOODS",
            "COFFEE",
            "TAVERN",
            "HOTEL"),
    TRANSPORT("LOGISTICS", "HAULAGE", "FREIGHT", "COURIERS", "TRANSPORT", "MOTORS", "CARS", "DELIVERY"),
    HEALTH("HEALTHCARE", "CARE", "CLINIC", "DENTAL", "WELLBEING", "PHYSIOTHERAPY", "FITNESS", "BEAUTY"),
    CREATIVE("STUDIOS", "PRODUCTIONS", "FILMS", "PICTURES", "PRINT", "ARTS", "GAMES", "CREATIVE"),
    OTHER("SERVICES", "ENERGY", "FARMS", "CLEANING SERVICES", "LANDSCAPES", "ENTERPRISES", "SOLUTIONS"),
    COMMUNITY(
            "TRUST",
            "FOUNDATION",
            "ASSOCIATION",
            "SOCIETY",
            "COMMUNITY PROJECT",
            "RESIDENTS ASSOCIATION",
            "MANAGEMENT COMPANY",
            "NETWORK",
            "PARTNERSHIP",
            "HUB"),
    DORMANT("HOLDINGS", "SERVICES", "TRADING", "VENTURES", "PROPERTIES", "SOLUTIONS", "ENTERPRISES");

    private final List<String> nouns;

    Sector(String... nouns) {
        this.nouns = List.of(nouns);
    }

    List<String> nouns() {
        return nouns;
    }
}
