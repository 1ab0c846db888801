package io.agentry.sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** A choice among items in proportion to whole-number weights. */
final class Weighted<T> {
    private final List<T> items;
    private final int[] cumulative;

    private Weighted(List<T> items, int[] cumulative) {
        this.items = List.copyOf(items);
        this.cumulative = cumulative;
    }

    T pick(SplittableRandom random) {
        int point = random.nextInt(cumulative[cumulative.length - 1]);
        int index = Arrays.binarySearch(cumulative, point + 1);
        return items.get(index >= 0 ? index : -index - 1);
    }

    List<T> items() {
        return items;
    }

    static <T> Builder<T> builder() {
        return new Builder<>();
    }

    static final class Builder<T> {
        private final List<T> items = new ArrayList<>();
        private final List<Integer> weights = new ArrayList<>();

        Builder<T> add(T item, int weight) {
            if (weight <= 0) {
                throw new IllegalArgumentException("weight of " + item + " must be positive, was " + weight);
            }
            items.add(item);
            weights.add(weight);
            return this;
        }

        Weighted<T> build() {
            int[] cumulative = new int[weights.size()];
            int sum = 0;
            for (int i = 0; i < cumulative.length; i++) {
                sum = Math.addExact(sum, weights.get(i));
                cumulative[i] = sum;
            }
            return new Weighted<>(items, cumulative);
        }
    }
}
