package io.agentry.sample;

import java.util.List;
import java.util.SplittableRandom;

/** The word lists names and addresses are made of. */
final class Words {
    /** Halves of invented place-like words: NORTH + WIND, SILVER + BROOK, OAK + HAVEN. */
    static final List<String> FIRST_HALVES = words("NORTH SOUTH EAST WEST SILVER GOLD IRON COPPER STONE OAK ASH ELM "
            + "PINE BIRCH HOLLY RED BLUE GREEN WHITE BLACK BRIGHT CLEAR HIGH LONG FAIR KING QUEEN STAR SUN MOON FROST "
            + "RAVEN HAWK FOX WOLF BEAR LARK SWAN WREN ROSE THORN MAPLE CEDAR WILLOW AMBER IVY SEA RIVER LAKE CLOUD");

    static final List<String> SECOND_HALVES = words("WIND FIELD GATE BRIDGE STONE WELL BROOK HAVEN WORTH CREST WOOD "
            + "FORD MOOR VALE DALE HILL MEAD TON LEY WICK HURST COMBE SHAW BURY STEAD MERE LIGHT POINT PATH WAY SIDE "
            + "MOUNT SPIRE FORGE YARD");

    static final List<String> STANDALONE = words("COBALT HARBOURSIDE LEDGER MERIDIAN QUAYSIDE ATLAS BEACON CANVAS "
            + "CATALYST CITADEL COMPASS CONFLUENCE CORNERSTONE CRESCENT DELTA EMBER EQUINOX FATHOM FULCRUM GRANITE "
            + "HALCYON HELIX HORIZON KESTREL KEYSTONE LANTERN LATTICE LODESTAR MERCIA MOSAIC NIMBUS NORTHSTAR OBSIDIAN "
            + "ORBIT PARAGON PENNANT PINNACLE PRISM QUARRY QUILL RAMPART REDWOOD RIDGELINE SAFFRON SAPPHIRE SEXTANT "
            + "SIGNAL SOLACE SPARROW SUMMIT TALLOW TANGENT TIDEWAY TIMBER TRELLIS UPLAND VANTAGE VECTOR VERDANT VERTEX "
            + "WAYPOINT WHARF ZENITH ALDER ANVIL ARBOUR ARGYLE BARROW BECKETT BRAMBLE BRUNEL CALDER CASTLEGATE CHALK "
            + "CLOVER CORAL DOVETAIL ESTUARY FENWICK FLINT GALLEON GLEN HEATH HERON INDIGO JUNIPER KELVIN LINDEN "
            + "MARLOW MORROW NOVA ORCHARD PEBBLE QUARTZ ROWAN SALTIRE SHIRE SORREL TAMAR THISTLE TRENT TYNE UMBER "
            + "VIADUCT WESSEX YARROW ALBION AURORA BASALT BLACKTHORN CAIRN CHIMERA CINDER COPSE DRUMLIN EIDER FJORD "
            + "GANNET GORSE HALYARD HAWTHORN ISLAY JASPER KILN LOCKSMITH MARRAM MERLIN NETTLE OSPREY PERIDOT PLOVER "
            + "QUAY RUSSET SKYLARK SPINNAKER STAITHE TEASEL TOPAZ TUNDRA VELLUM WARREN WILLOWMERE");

    static final List<String> SURNAMES = words("SMITH JONES WILLIAMS TAYLOR BROWN DAVIES EVANS WILSON THOMAS JOHNSON "
            + "ROBERTS ROBINSON THOMPSON WRIGHT WALKER WHITE EDWARDS HUGHES GREEN HALL LEWIS HARRIS CLARKE PATEL "
            + "JACKSON WOOD TURNER MARTIN COOPER HILL WARD MORRIS MOORE CLARK LEE KING BAKER HARRISON MORGAN ALLEN "
            + "JAMES SCOTT PHILLIPS WATSON DAVIS PARKER PRICE BENNETT YOUNG GRIFFITHS MITCHELL KELLY COOK CARTER "
            + "RICHARDSON BAILEY COLLINS BELL SHAW MURPHY MILLER COX RICHARDS KHAN MARSHALL ANDERSON SIMPSON ELLIS "
            + "ADAMS SINGH BEGUM WILKINSON FOSTER CHAPMAN POWELL WEBB ROGERS GRAY MASON ALI HUNT HUSSAIN CAMPBELL "
            + "MATTHEWS OWEN PALMER HOLMES MILLS BARNES KNIGHT LLOYD BUTLER RUSSELL BARKER FISHER STEVENS JENKINS "
            + "MURRAY DIXON HARVEY MACDONALD STEWART REID FRASER NGUYEN CHEN KAUR SHAH AHMED OKAFOR MENSAH NOWAK "
            + "KOWALSKI ROSSI");

    static final List<String> APOSTROPHE_SURNAMES =
            words("O'BRIEN O'CONNOR O'NEILL O'SULLIVAN O'REILLY D'SOUZA O'DONNELL D'ARCY O'HARA");

    static final List<String> STREETS = words("High Station Church Mill King Queen Victoria Park Market Bridge Castle "
            + "London Manor Chapel School Green North West Albert George New Grange Windsor York Princes Regent Canal "
            + "Wharf Quay Harbour Orchard Meadow Forge Granary Brewery Tannery Bank Exchange Corn Wool Cloth Silk "
            + "Cotton Hanover Cavendish Portland Oxford Cambridge Abbey Priory Dean Well");

    static final List<String> STREET_TYPES =
            words("Street Street Road Road Lane Avenue Way Place Square Row Terrace Crescent Close Walk Yard Court "
                    + "Hill Gardens Parade");

    static final List<String> BUILDINGS =
            words("House House Court Works Point Chambers Building Mill Exchange " + "Centre Studios Lodge Hall");

    static final List<String> ESTATES = words(
            "Business Park|Industrial Estate|Trading Estate|Enterprise Centre|Innovation Centre|Business Centre",
            "\\|");

    private Words() {}

    static String any(List<String> words, SplittableRandom random) {
        return words.get(random.nextInt(words.size()));
    }

    /** A word that reads like a name: a standalone word or an invented compound of two halves. */
    static String evocative(SplittableRandom random) {
        if (random.nextInt(3) == 0) {
            return any(STANDALONE, random);
        }
        String first = any(FIRST_HALVES, random);
        String second = any(SECOND_HALVES, random);
        return first.equals(second) ? first + "WELL" : first + second;
    }

    static String surname(SplittableRandom random) {
        return random.nextInt(30) == 0 ? any(APOSTROPHE_SURNAMES, random) : any(SURNAMES, random);
    }

    /** "Cobalt" from "COBALT", "O'Brien" from "O'BRIEN". */
    static String title(String upper) {
        StringBuilder out = new StringBuilder(upper.length());
        boolean start = true;
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            out.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
            // O'Brien and D'Souza, but Smith's.
            start = c == '\'' ? i == 1 || (i >= 2 && !Character.isLetter(upper.charAt(i - 2))) : !Character.isLetter(c);
        }
        return out.toString();
    }

    private static List<String> words(String text) {
        return words(text, " ");
    }

    private static List<String> words(String text, String separator) {
        return List.of(text.split(separator));
    }
}
