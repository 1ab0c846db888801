package io.agentry.sample;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How companies of a sector are constituted: nearly all private limited companies; partnerships
 * among professionals, financiers and landlords; guarantee and community interest companies where
 * the work is for a community; a few PLCs, most of them holding companies.
 */
final class CategoryMix {
    private static final Map<Sector, Weighted<Category>> BY_SECTOR = new EnumMap<>(Sector.class);

    static {
        Weighted<Category> common = mix(975, 4, 10, 3, 0, 5, 3);
        Weighted<Category> partnerships = mix(900, 6, 70, 10, 0, 5, 5);
        Weighted<Category> local = mix(950, 2, 8, 15, 0, 25, 0);
        for (Sector sector : Sector.values()) {
            BY_SECTOR.put(sector, common);
        }
        BY_SECTOR.put(Sector.PROFESSIONAL, partnerships);
        BY_SECTOR.put(Sector.FINTECH, partnerships);
        BY_SECTOR.put(Sector.PROPERTY, partnerships);
        BY_SECTOR.put(Sector.HOLDING, mix(930, 30, 20, 0, 0, 0, 20));
        for (Sector sector : new Sector[] {Sector.CREATIVE, Sector.HEALTH, Sector.OTHER, Sector.HOSPITALITY}) {
            BY_SECTOR.put(sector, local);
        }
        BY_SECTOR.put(Sector.COMMUNITY, mix(350, 0, 0, 350, 100, 200, 0));
    }

    private CategoryMix() {}

    static Category pick(Sector sector, SplittableRandom random) {
        return BY_SECTOR.get(sector).pick(random);
    }

    /** Weights in the order of {@link Category}'s constants; zero leaves a category out. */
    private static Weighted<Category> mix(int... weights) {
        Weighted.Builder<Category> builder = Weighted.builder();
        Category[] categories = Category.values();
        for (int i = 0; i < categories.length; i++) {
            if (weights[i] > 0) {
                builder.add(categories[i], weights[i]);
            }
        }
        return builder.build();
    }
}
