package io.agentry.website;

import java.util.Objects;

/**
 * A technology recognised on a page.
 *
 * @param name as in the signature file, e.g. {@code Next.js}
 * @param category as in the signature file, e.g. {@code JavaScript framework}
 * @param evidence which signature matched and what it matched, e.g. {@code script src contains
 *     "/_next/static/": https://acme.example/_next/static/chunks/main.js}
 */
public record TechDetection(String name, String category, String evidence) {
    public TechDetection {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(evidence, "evidence");
    }
}
