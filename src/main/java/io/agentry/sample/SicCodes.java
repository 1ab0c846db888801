package io.agentry.sample;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Real UK SIC 2007 codes with their Companies House descriptions, weighted roughly as they occur
 * among live companies (weights in hundredths of a per cent): letting, consultancy, holding
 * companies and "other business support" are the most common; software and financial services
 * are well represented, about one company in eight, without dominating.
 */
final class SicCodes {
    private static final Weighted<SicCode> ALL;
    private static final Map<Sector, Weighted<SicCode>> BY_SECTOR = new EnumMap<>(Sector.class);

    static {
        Weighted.Builder<SicCode> all = Weighted.builder();
        Map<Sector, Weighted.Builder<SicCode>> bySector = new EnumMap<>(Sector.class);
        for (Entry entry : table()) {
            all.add(entry.code(), entry.weight());
            bySector.computeIfAbsent(entry.code().sector(), s -> Weighted.builder())
                    .add(entry.code(), entry.weight());
        }
        ALL = all.build();
        bySector.forEach((sector, builder) -> BY_SECTOR.put(sector, builder.build()));
    }

    private SicCodes() {}

    static SicCode pick(SplittableRandom random) {
        return ALL.pick(random);
    }

    static SicCode pick(Sector sector, SplittableRandom random) {
        return BY_SECTOR.get(sector).pick(random);
    }

    static List<SicCode> all() {
        return ALL.items();
    }

    private static List<Entry> table() {
        List<Entry> rows = new ArrayList<>();
        Sector s = Sector.SOFTWARE;
        rows.add(row("62012", "Business and domestic software development", s, 260));
        rows.add(row("62020", "Information technology consultancy activities", s, 240));
        rows.add(row("62090", "Other information technology service activities", s, 160));
        rows.add(row("58290", "Other software publishing", s, 50));
        rows.add(row("63110", "Data processing, hosting and related activities", s, 50));
        rows.add(row("63120", "Web portals", s, 20));
        rows.add(row("62011", "Ready-made interactive leisure and entertainment software development", s, 15));
        rows.add(row("58210", "Publishing of computer games", s, 10));
        rows.add(row("62030", "Computer facilities management activities", s, 20));
        rows.add(row("63990", "Other information service activities n.e.c.", s, 40));
        rows.add(row("61900", "Other telecommunications activities", s, 30));
        rows.add(row("26200", "Manufacture of computers and peripheral equipment", s, 10));
        s = Sector.FINTECH;
        rows.add(row("64999", "Financial intermediation not elsewhere classified", s, 50));
        rows.add(row("66190", "Activities auxiliary to financial intermediation n.e.c.", s, 70));
        rows.add(row(
                "64921",
                "Credit granting by non-deposit taking finance houses and other specialist consumer credit grantors",
                s,
                15));
        rows.add(row("64922", "Activities of mortgage finance companies", s, 5));
        rows.add(row("64929", "Other credit granting n.e.c.", s, 20));
        rows.add(row("64303", "Activities of venture and development capital companies", s, 15));
        rows.add(row("66110", "Administration of financial markets", s, 3));
        rows.add(row("66120", "Security and commodity contracts dealing activities", s, 12));
        rows.add(row("66300", "Fund management activities", s, 25));
        rows.add(row("64191", "Banks", s, 2));
        rows.add(row("66220", "Activities of insurance agents and brokers", s, 35));
        rows.add(row("65120", "Non-life insurance", s, 5));
        rows.add(row("66210", "Risk and damage evaluation", s, 5));
        s = Sector.HOLDING;
        rows.add(row("64209", "Activities of other holding companies n.e.c.", s, 320));
        rows.add(row("64205", "Activities of financial services holding companies", s, 30));
        rows.add(row("70100", "Activities of head offices", s, 60));
        s = Sector.RETAIL;
        rows.add(row("47910", "Retail sale via mail order houses or via Internet", s, 260));
        rows.add(row("47190", "Other retail sale in non-specialised stores", s, 80));
        rows.add(row("47710", "Retail sale of clothing in specialised stores", s, 50));
        rows.add(row(
                "47110", "Retail sale in non-specialised stores with food, beverages or tobacco predominating", s, 40));
        rows.add(row("47990", "Other retail sale not in stores, stalls or markets", s, 50));
        rows.add(row("46900", "Non-specialised wholesale trade", s, 60));
        rows.add(row("46190", "Agents involved in the sale of a variety of goods", s, 40));
        rows.add(row("47770", "Retail sale of watches and jewellery in specialised stores", s, 15));
        rows.add(row("47750", "Retail sale of cosmetic and toilet articles in specialised stores", s, 15));
        s = Sector.PROFESSIONAL;
        rows.add(row("70229", "Management consultancy activities other than financial management", s, 450));
        rows.add(row("70221", "Financial management", s, 40));
        rows.add(row("69201", "Accounting and auditing activities", s, 60));
        rows.add(row("69202", "Bookkeeping activities", s, 50));
        rows.add(row("69102", "Solicitors", s, 15));
        rows.add(row("69109", "Activities of patent and copyright agents; other legal activities n.e.c.", s, 10));
        rows.add(row("73110", "Advertising agencies", s, 40));
        rows.add(row("73200", "Market research and public opinion polling", s, 20));
        rows.add(row("74100", "specialised design activities", s, 70));
        rows.add(row("74909", "Other professional, scientific and technical activities n.e.c.", s, 90));
        rows.add(row("74901", "Environmental consulting activities", s, 15));
        rows.add(row("71111", "Architectural activities", s, 35));
        rows.add(row("71129", "Other engineering activities", s, 60));
        rows.add(row("71122", "Engineering related scientific and technical consulting activities", s, 20));
        rows.add(
                row("72190", "Other research and experimental development on natural sciences and engineering", s, 20));
        rows.add(row("72110", "Research and experimental development on biotechnology", s, 10));
        rows.add(row("78109", "Other activities of employment placement agencies", s, 50));
        rows.add(row("78200", "Temporary employment agency activities", s, 30));
        rows.add(row("82990", "Other business support service activities n.e.c.", s, 350));
        rows.add(row("82110", "Combined office administrative service activities", s, 40));
        rows.add(row("85590", "Other education n.e.c.", s, 80));
        rows.add(row("85600", "Educational support services", s, 20));
        s = Sector.CONSTRUCTION;
        rows.add(row("41100", "Development of building projects", s, 180));
        rows.add(row("41201", "Construction of commercial buildings", s, 60));
        rows.add(row("41202", "Construction of domestic buildings", s, 140));
        rows.add(row("43210", "Electrical installation", s, 90));
        rows.add(row("43220", "Plumbing, heat and air-conditioning installation", s, 80));
        rows.add(row("43290", "Other construction installation", s, 40));
        rows.add(row("43390", "Other building completion and finishing", s, 60));
        rows.add(row("43999", "Other specialised construction activities n.e.c.", s, 150));
        s = Sector.PROPERTY;
        rows.add(row("68100", "Buying and selling of own real estate", s, 250));
        rows.add(row("68209", "Other letting and operating of own or leased real estate", s, 550));
        rows.add(row("68310", "Real estate agencies", s, 50));
        rows.add(row("68320", "Management of real estate on a fee or contract basis", s, 120));
        s = Sector.HOSPITALITY;
        rows.add(row("56101", "Licensed restaurants", s, 110));
        rows.add(row("56102", "Unlicensed restaurants and cafes", s, 50));
        rows.add(row("56103", "Take-away food shops and mobile food stands", s, 60));
        rows.add(row("56302", "Public houses and bars", s, 40));
        rows.add(row("55100", "Hotels and similar accommodation", s, 40));
        rows.add(row("10710", "Manufacture of bread; manufacture of fresh pastry goods and cakes", s, 10));
        rows.add(row("11050", "Manufacture of beer", s, 6));
        s = Sector.TRANSPORT;
        rows.add(row("49410", "Freight transport by road", s, 100));
        rows.add(row("52290", "Other transportation support activities", s, 40));
        rows.add(row("53202", "Unlicensed carrier", s, 50));
        rows.add(row("49320", "Taxi operation", s, 60));
        rows.add(row("45111", "Sale of new cars and light motor vehicles", s, 20));
        rows.add(row("45200", "Maintenance and repair of motor vehicles", s, 60));
        s = Sector.HEALTH;
        rows.add(row("86900", "Other human health activities", s, 160));
        rows.add(row("86210", "General medical practice activities", s, 20));
        rows.add(row("86230", "Dental practice activities", s, 20));
        rows.add(row("87300", "Residential care activities for the elderly and disabled", s, 30));
        rows.add(row("96020", "Hairdressing and other beauty treatment", s, 110));
        rows.add(row("93130", "Fitness facilities", s, 40));
        s = Sector.CREATIVE;
        rows.add(row("90030", "Artistic creation", s, 70));
        rows.add(row("59111", "Motion picture production activities", s, 40));
        rows.add(row("18129", "Printing n.e.c.", s, 15));
        rows.add(row("93290", "Other amusement and recreation activities n.e.c.", s, 30));
        s = Sector.OTHER;
        rows.add(row("96090", "Other service activities n.e.c.", s, 300));
        rows.add(row("01500", "Mixed farming", s, 30));
        rows.add(row("35110", "Production of electricity", s, 40));
        rows.add(row("81210", "General cleaning of buildings", s, 60));
        rows.add(row("81300", "Landscape service activities", s, 40));
        s = Sector.COMMUNITY;
        rows.add(row("94990", "Activities of other membership organisations n.e.c.", s, 80));
        rows.add(row("88100", "Social work activities without accommodation for the elderly and disabled", s, 40));
        rows.add(row("98000", "Residents property management", s, 100));
        s = Sector.DORMANT;
        rows.add(row("99999", "Dormant Company", s, 250));
        rows.add(row("74990", "Non-trading company", s, 30));
        return rows;
    }

    private static Entry row(String code, String description, Sector sector, int weight) {
        return new Entry(new SicCode(code, description, sector), weight);
    }

    private record Entry(SicCode code, int weight) {}
}
