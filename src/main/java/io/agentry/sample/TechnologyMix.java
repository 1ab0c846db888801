package io.agentry.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * How often sites of a sector use each technology: software and fintech sites are mostly
 * JavaScript applications with marketing and support tools; online shops run on Shopify or
 * WordPress and take payments; local businesses have a WordPress or Webflow site and analytics.
 * Percentages are per site; every site shows at least one marker.
 */
record TechnologyMix(Weighted<Technology.Frontend> frontends, int[] addonPercents) {

    static TechnologyMix of(Sector sector) {
        return switch (sector) {
            case SOFTWARE ->
                new TechnologyMix(frontends(0, 35, 25, 15, 10, 5, 0, 10), new int[] {70, 35, 40, 5, 40, 10, 20});
            case FINTECH ->
                new TechnologyMix(frontends(0, 30, 25, 0, 20, 15, 0, 10), new int[] {70, 30, 30, 25, 35, 20, 50});
            case RETAIL ->
                new TechnologyMix(frontends(0, 10, 0, 5, 0, 30, 55, 0), new int[] {90, 15, 10, 0, 10, 30, 30});
            default -> new TechnologyMix(frontends(20, 0, 0, 0, 0, 60, 0, 20), new int[] {70, 0, 15, 0, 0, 5, 0});
        };
    }

    Technology.Frontend frontend(SplittableRandom random) {
        return frontends.pick(random);
    }

    /** In {@link Technology.Addon}'s order; Shopify takes payments itself, so no Stripe there. */
    List<Technology.Addon> addons(Technology.Frontend frontend, SplittableRandom random) {
        List<Technology.Addon> addons = new ArrayList<>();
        Technology.Addon[] all = Technology.Addon.values();
        for (int i = 0; i < all.length; i++) {
            if (random.nextInt(100) < addonPercents[i]
                    && !(all[i] == Technology.Addon.STRIPE && frontend == Technology.Frontend.SHOPIFY)) {
                addons.add(all[i]);
            }
        }
        if (addons.isEmpty() && frontend == Technology.Frontend.STATIC) {
            addons.add(Technology.Addon.GOOGLE_ANALYTICS);
        }
        return List.copyOf(addons);
    }

    /** Weights in {@link Technology.Frontend}'s order; zero leaves one out. */
    private static Weighted<Technology.Frontend> frontends(int... weights) {
        Weighted.Builder<Technology.Frontend> builder = Weighted.builder();
        Technology.Frontend[] all = Technology.Frontend.values();
        for (int i = 0; i < all.length; i++) {
            if (weights[i] > 0) {
                builder.add(all[i], weights[i]);
            }
        }
        return builder.build();
    }
}
