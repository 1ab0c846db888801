package io.agentry.web;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/** Query parameters that must be one of a few values, refused with a 400 that names them. */
final class Queries {
    private Queries() {}

    /** The parameter, or null when absent; a value not in {@code allowed} is a 400 listing them. */
    static String oneOf(Call call, String name, Collection<String> allowed) {
        String value = call.query(name);
        if (value != null && !allowed.contains(value)) {
            throw refused(name, value, allowed);
        }
        return value;
    }

    /** The parameter read by {@code parse}, or {@code fallback} when absent. */
    static <T> T oneOf(
            Call call, String name, Function<String, Optional<T>> parse, Collection<String> allowed, T fallback) {
        String value = call.query(name);
        if (value == null) {
            return fallback;
        }
        return parse.apply(value).orElseThrow(() -> refused(name, value, allowed));
    }

    /** {@code true} or {@code false}; null when absent. */
    static Boolean bool(Call call, String name) {
        String value = oneOf(call, name, List.of("true", "false"));
        return value == null ? null : Boolean.valueOf(value);
    }

    private static ApiException refused(String name, String value, Collection<String> allowed) {
        Collection<String> listed = allowed instanceof List<String> ? allowed : new TreeSet<>(allowed);
        return ApiException.invalid(
                name, name + " must be one of " + String.join(", ", listed) + ", not '" + value + "'");
    }
}
