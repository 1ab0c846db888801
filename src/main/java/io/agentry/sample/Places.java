package io.agentry.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Post towns with real postcode areas and outward codes in all twelve ITL1 regions, weighted in
 * per mille of companies roughly as businesses are spread: London a fifth, the South East next,
 * Northern Ireland and the North East a few per cent each.
 */
final class Places {
    private static final Weighted<Place> ALL;
    private static final Weighted<Place> ENGLAND_AND_WALES;
    private static final Weighted<Place> LONDON;

    static {
        Weighted.Builder<Place> all = Weighted.builder();
        Weighted.Builder<Place> englandAndWales = Weighted.builder();
        Weighted.Builder<Place> london = Weighted.builder();
        for (Entry entry : table()) {
            Place place = entry.place();
            all.add(place, entry.weight());
            if (place.region().jurisdiction() == Jurisdiction.ENGLAND_AND_WALES) {
                englandAndWales.add(place, entry.weight());
            }
            if (place.region() == Region.LONDON) {
                london.add(place, entry.weight());
            }
        }
        ALL = all.build();
        ENGLAND_AND_WALES = englandAndWales.build();
        LONDON = london.build();
    }

    private Places() {}

    static Place pick(SplittableRandom random) {
        return ALL.pick(random);
    }

    static Place pickInEnglandOrWales(SplittableRandom random) {
        return ENGLAND_AND_WALES.pick(random);
    }

    static Place pickInLondon(SplittableRandom random) {
        return LONDON.pick(random);
    }

    static List<Place> all() {
        return ALL.items();
    }

    private static List<Entry> table() {
        List<Entry> rows = new ArrayList<>();
        Region r = Region.LONDON;
        String london = "GREATER LONDON";
        rows.add(place(
                r,
                "LONDON",
                london,
                35,
                "EC1A EC1M EC1N EC1R EC1V EC1Y EC2A EC2M EC2N EC2R EC2V EC2Y "
                        + "EC3A EC3M EC3N EC3R EC3V EC4A EC4M EC4N EC4R EC4V EC4Y"));
        rows.add(place(
                r, "LONDON", london, 25, "WC1A WC1B WC1E WC1H WC1N WC1R WC1V WC1X WC2A WC2B WC2E WC2H WC2N WC2R"));
        rows.add(place(r, "LONDON", london, 35, "W1B W1D W1F W1G W1H W1J W1K W1S W1T W1U W1W W2 W4 W5 W6 W8 W11 W14"));
        rows.add(place(
                r,
                "LONDON",
                london,
                25,
                "SW1A SW1E SW1H SW1P SW1V SW1W SW1X SW1Y SW3 SW4 SW6 SW7 SW9 SW11 SW15 " + "SW18 SW19"));
        rows.add(place(r, "LONDON", london, 20, "SE1 SE5 SE8 SE10 SE11 SE13 SE15 SE16 SE22"));
        rows.add(place(r, "LONDON", london, 25, "E1 E1W E2 E3 E8 E9 E14 E15 E16 E17 E20"));
        rows.add(place(r, "LONDON", london, 20, "N1 N1C N4 N5 N7 N8 N16 N19"));
        rows.add(place(r, "LONDON", london, 15, "NW1 NW3 NW5 NW6 NW8 NW10"));
        r = Region.SOUTH_EAST;
        rows.add(place(r, "READING", "BERKSHIRE", 20, "RG1 RG2 RG4 RG6 RG30 RG31"));
        rows.add(place(r, "BRACKNELL", "BERKSHIRE", 6, "RG12 RG42"));
        rows.add(place(r, "BASINGSTOKE", "HAMPSHIRE", 6, "RG21 RG22 RG24"));
        rows.add(place(r, "GUILDFORD", "SURREY", 10, "GU1 GU2 GU4"));
        rows.add(place(r, "WOKING", "SURREY", 6, "GU21 GU22"));
        rows.add(place(r, "OXFORD", "OXFORDSHIRE", 12, "OX1 OX2 OX3 OX4"));
        rows.add(place(r, "ABINGDON", "OXFORDSHIRE", 3, "OX14"));
        rows.add(place(r, "MILTON KEYNES", "BUCKINGHAMSHIRE", 12, "MK9 MK10 MK12 MK14 MK15"));
        rows.add(place(r, "SOUTHAMPTON", "HAMPSHIRE", 10, "SO14 SO15 SO16 SO17"));
        rows.add(place(r, "PORTSMOUTH", "HAMPSHIRE", 7, "PO1 PO2 PO3 PO6"));
        rows.add(place(r, "BRIGHTON", "EAST SUSSEX", 12, "BN1 BN2"));
        rows.add(place(r, "HOVE", "EAST SUSSEX", 4, "BN3"));
        rows.add(place(r, "TUNBRIDGE WELLS", "KENT", 5, "TN1 TN2 TN4"));
        rows.add(place(r, "SEVENOAKS", "KENT", 3, "TN13 TN14"));
        rows.add(place(r, "MAIDSTONE", "KENT", 6, "ME14 ME15 ME16"));
        rows.add(place(r, "CANTERBURY", "KENT", 4, "CT1 CT2"));
        rows.add(place(r, "SLOUGH", "BERKSHIRE", 5, "SL1 SL2"));
        rows.add(place(r, "MAIDENHEAD", "BERKSHIRE", 4, "SL6"));
        rows.add(place(r, "HIGH WYCOMBE", "BUCKINGHAMSHIRE", 4, "HP11 HP12 HP13"));
        rows.add(place(r, "CRAWLEY", "WEST SUSSEX", 4, "RH10 RH11"));
        rows.add(place(r, "REDHILL", "SURREY", 2, "RH1"));
        r = Region.EAST_OF_ENGLAND;
        rows.add(place(r, "CAMBRIDGE", "CAMBRIDGESHIRE", 16, "CB1 CB2 CB3 CB4 CB5"));
        rows.add(place(r, "NORWICH", "NORFOLK", 10, "NR1 NR2 NR3 NR4"));
        rows.add(place(r, "IPSWICH", "SUFFOLK", 8, "IP1 IP2 IP3 IP4"));
        rows.add(place(r, "COLCHESTER", "ESSEX", 7, "CO1 CO2 CO3 CO4"));
        rows.add(place(r, "CHELMSFORD", "ESSEX", 10, "CM1 CM2"));
        rows.add(place(r, "SOUTHEND-ON-SEA", "ESSEX", 6, "SS1 SS2"));
        rows.add(place(r, "ST. ALBANS", "HERTFORDSHIRE", 8, "AL1 AL3 AL4"));
        rows.add(place(r, "STEVENAGE", "HERTFORDSHIRE", 5, "SG1 SG2"));
        rows.add(place(r, "LUTON", "BEDFORDSHIRE", 8, "LU1 LU2 LU3"));
        rows.add(place(r, "PETERBOROUGH", "CAMBRIDGESHIRE", 10, "PE1 PE2 PE3 PE7"));
        rows.add(place(r, "WATFORD", "HERTFORDSHIRE", 12, "WD17 WD18 WD24 WD25"));
        r = Region.NORTH_WEST;
        rows.add(place(r, "MANCHESTER", "GREATER MANCHESTER", 35, "M1 M2 M3 M4 M15 M16 M20"));
        rows.add(place(r, "SALFORD", "GREATER MANCHESTER", 5, "M5 M50"));
        rows.add(place(r, "LIVERPOOL", "MERSEYSIDE", 18, "L1 L2 L3 L8 L18"));
        rows.add(place(r, "PRESTON", "LANCASHIRE", 6, "PR1 PR2"));
        rows.add(place(r, "BOLTON", "GREATER MANCHESTER", 5, "BL1 BL2 BL3"));
        rows.add(place(r, "CHESTER", "CHESHIRE", 6, "CH1 CH2 CH3"));
        rows.add(place(r, "WARRINGTON", "CHESHIRE", 8, "WA1 WA2 WA3 WA4"));
        rows.add(place(r, "STOCKPORT", "CHESHIRE", 7, "SK1 SK2 SK4"));
        rows.add(place(r, "LANCASTER", "LANCASHIRE", 3, "LA1"));
        rows.add(place(r, "CARLISLE", "CUMBRIA", 3, "CA1 CA2"));
        rows.add(place(r, "BLACKBURN", "LANCASHIRE", 4, "BB1 BB2"));
        r = Region.YORKSHIRE_AND_THE_HUMBER;
        rows.add(place(r, "LEEDS", "WEST YORKSHIRE", 25, "LS1 LS2 LS6 LS7 LS10 LS11"));
        rows.add(place(r, "SHEFFIELD", "SOUTH YORKSHIRE", 13, "S1 S2 S3 S10 S11"));
        rows.add(place(r, "BRADFORD", "WEST YORKSHIRE", 6, "BD1 BD3 BD8"));
        rows.add(place(r, "HALIFAX", "WEST YORKSHIRE", 3, "HX1 HX3"));
        rows.add(place(r, "HUDDERSFIELD", "WEST YORKSHIRE", 4, "HD1 HD2"));
        rows.add(place(r, "YORK", "NORTH YORKSHIRE", 6, "YO1 YO10 YO30 YO31"));
        rows.add(place(r, "HULL", "EAST YORKSHIRE", 5, "HU1 HU2 HU3"));
        rows.add(place(r, "HARROGATE", "NORTH YORKSHIRE", 4, "HG1 HG2"));
        rows.add(place(r, "WAKEFIELD", "WEST YORKSHIRE", 2, "WF1 WF2"));
        rows.add(place(r, "DONCASTER", "SOUTH YORKSHIRE", 2, "DN1 DN4"));
        r = Region.EAST_MIDLANDS;
        rows.add(place(r, "NOTTINGHAM", "NOTTINGHAMSHIRE", 20, "NG1 NG2 NG5 NG7"));
        rows.add(place(r, "LEICESTER", "LEICESTERSHIRE", 18, "LE1 LE2 LE3 LE4"));
        rows.add(place(r, "DERBY", "DERBYSHIRE", 12, "DE1 DE21 DE22 DE24"));
        rows.add(place(r, "NORTHAMPTON", "NORTHAMPTONSHIRE", 10, "NN1 NN3 NN4 NN5"));
        rows.add(place(r, "LINCOLN", "LINCOLNSHIRE", 5, "LN1 LN2 LN6"));
        r = Region.WEST_MIDLANDS;
        rows.add(place(r, "BIRMINGHAM", "WEST MIDLANDS", 38, "B1 B2 B3 B4 B5 B15 B16 B18"));
        rows.add(place(r, "COVENTRY", "WEST MIDLANDS", 10, "CV1 CV3 CV4 CV6"));
        rows.add(place(r, "WARWICK", "WARWICKSHIRE", 3, "CV34"));
        rows.add(place(r, "WOLVERHAMPTON", "WEST MIDLANDS", 6, "WV1 WV2 WV3"));
        rows.add(place(r, "STOKE-ON-TRENT", "STAFFORDSHIRE", 6, "ST1 ST4 ST6"));
        rows.add(place(r, "WORCESTER", "WORCESTERSHIRE", 4, "WR1 WR5"));
        rows.add(place(r, "HEREFORD", "HEREFORDSHIRE", 2, "HR1 HR2"));
        rows.add(place(r, "TELFORD", "SHROPSHIRE", 4, "TF1 TF3"));
        rows.add(place(r, "WALSALL", "WEST MIDLANDS", 4, "WS1 WS2"));
        rows.add(place(r, "DUDLEY", "WEST MIDLANDS", 3, "DY1 DY2"));
        r = Region.SOUTH_WEST;
        rows.add(place(r, "BRISTOL", "", 30, "BS1 BS2 BS3 BS5 BS8 BS16"));
        rows.add(place(r, "BATH", "SOMERSET", 6, "BA1 BA2"));
        rows.add(place(r, "EXETER", "DEVON", 8, "EX1 EX2 EX4"));
        rows.add(place(r, "PLYMOUTH", "DEVON", 6, "PL1 PL4 PL6"));
        rows.add(place(r, "TRURO", "CORNWALL", 3, "TR1"));
        rows.add(place(r, "GLOUCESTER", "GLOUCESTERSHIRE", 4, "GL1 GL2"));
        rows.add(place(r, "CHELTENHAM", "GLOUCESTERSHIRE", 5, "GL50 GL51 GL52"));
        rows.add(place(r, "SWINDON", "WILTSHIRE", 7, "SN1 SN2 SN5"));
        rows.add(place(r, "BOURNEMOUTH", "DORSET", 6, "BH1 BH2 BH8"));
        rows.add(place(r, "POOLE", "DORSET", 2, "BH15"));
        rows.add(place(r, "TAUNTON", "SOMERSET", 2, "TA1 TA2"));
        rows.add(place(r, "DORCHESTER", "DORSET", 1, "DT1"));
        r = Region.WALES;
        rows.add(place(r, "CARDIFF", "SOUTH GLAMORGAN", 16, "CF10 CF11 CF14 CF23 CF24"));
        rows.add(place(r, "SWANSEA", "WEST GLAMORGAN", 7, "SA1 SA2"));
        rows.add(place(r, "NEWPORT", "GWENT", 5, "NP10 NP19 NP20"));
        rows.add(place(r, "WREXHAM", "CLWYD", 3, "LL11 LL13"));
        rows.add(place(r, "BANGOR", "GWYNEDD", 2, "LL57"));
        rows.add(place(r, "LLANDRINDOD WELLS", "POWYS", 2, "LD1"));
        r = Region.SCOTLAND;
        rows.add(place(r, "EDINBURGH", "MIDLOTHIAN", 20, "EH1 EH2 EH3 EH6 EH7 EH8 EH12"));
        rows.add(place(r, "GLASGOW", "LANARKSHIRE", 20, "G1 G2 G3 G4 G12 G51"));
        rows.add(place(r, "ABERDEEN", "ABERDEENSHIRE", 7, "AB10 AB11 AB15 AB25"));
        rows.add(place(r, "DUNDEE", "ANGUS", 4, "DD1 DD2"));
        rows.add(place(r, "INVERNESS", "INVERNESS-SHIRE", 3, "IV1 IV2"));
        rows.add(place(r, "KIRKCALDY", "FIFE", 2, "KY1 KY2"));
        rows.add(place(r, "STIRLING", "STIRLINGSHIRE", 2, "FK7 FK8 FK9"));
        rows.add(place(r, "PAISLEY", "RENFREWSHIRE", 1, "PA1 PA3"));
        rows.add(place(r, "PERTH", "PERTHSHIRE", 1, "PH1 PH2"));
        r = Region.NORTHERN_IRELAND;
        rows.add(place(r, "BELFAST", "COUNTY ANTRIM", 22, "BT1 BT2 BT3 BT7 BT9 BT12"));
        rows.add(place(r, "LISBURN", "COUNTY ANTRIM", 4, "BT27 BT28"));
        rows.add(place(r, "BANGOR", "COUNTY DOWN", 3, "BT19 BT20"));
        rows.add(place(r, "NEWRY", "COUNTY DOWN", 3, "BT34 BT35"));
        rows.add(place(r, "LONDONDERRY", "COUNTY LONDONDERRY", 3, "BT47 BT48"));
        r = Region.NORTH_EAST;
        rows.add(place(r, "NEWCASTLE UPON TYNE", "TYNE AND WEAR", 16, "NE1 NE2 NE4 NE6"));
        rows.add(place(r, "GATESHEAD", "TYNE AND WEAR", 2, "NE8"));
        rows.add(place(r, "SUNDERLAND", "TYNE AND WEAR", 4, "SR1 SR2"));
        rows.add(place(r, "DURHAM", "COUNTY DURHAM", 3, "DH1"));
        rows.add(place(r, "MIDDLESBROUGH", "CLEVELAND", 3, "TS1 TS2"));
        rows.add(place(r, "DARLINGTON", "COUNTY DURHAM", 2, "DL1 DL3"));
        return rows;
    }

    /** The area is the letters of the first outward code: every district of a place shares them. */
    private static Entry place(Region region, String town, String county, int weight, String districts) {
        List<String> outward = List.of(districts.split(" "));
        String area = outward.get(0).replaceAll("\\d.*", "");
        for (String district : outward) {
            if (!district.replaceAll("\\d.*", "").equals(area)) {
                throw new IllegalStateException(district + " is not in postcode area " + area);
            }
        }
        return new Entry(new Place(region, area, town, county, outward), weight);
    }

    private record Entry(Place place, int weight) {}
}
