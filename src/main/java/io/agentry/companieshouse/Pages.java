package io.agentry.companieshouse;

import io.agentry.companieshouse.CompaniesHouseException.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Collects a list resource page by page: {@code items_per_page} and {@code start_index} in the
 * query, until the API's total is reached, a page comes back empty, or {@code maxItems} are held.
 * The counts of the result are the first page's.
 */
final class Pages {
    private final Transport transport;
    private final int pageSize;
    private final int maxItems;

    Pages(Transport transport, int pageSize, int maxItems) {
        this.transport = transport;
        this.pageSize = pageSize;
        this.maxItems = maxItems;
    }

    /** How to read one kind of list: its page type, its items, its total, and how to merge. */
    record Shape<P, I>(
            Class<P> type, Function<P, List<I>> items, ToIntFunction<P> total, BiFunction<P, List<I>, P> withItems) {}

    /**
     * @param extraQuery appended to each page's query, such as {@code "&category=accounts"}; empty
     *     for none
     */
    <P, I> Optional<P> all(String path, String extraQuery, Shape<P, I> shape) {
        P first = null;
        List<I> items = new ArrayList<>();
        while (true) {
            int startIndex = items.size();
            Transport.Response response =
                    transport.get(path + "?items_per_page=" + pageSize + "&start_index=" + startIndex + extraQuery);
            if (!response.found()) {
                if (first == null) {
                    return Optional.empty();
                }
                throw new CompaniesHouseException(
                        Kind.UNEXPECTED_STATUS,
                        response.call(),
                        response.status(),
                        response.attempts(),
                        "Companies House " + response.call()
                                + " answered 404 after earlier pages of the list were found",
                        null);
            }
            P page = response.as(shape.type());
            if (first == null) {
                first = page;
            }
            List<I> pageItems = shape.items().apply(page);
            items.addAll(pageItems);
            if (pageItems.isEmpty() || items.size() >= shape.total().applyAsInt(page) || items.size() >= maxItems) {
                break;
            }
        }
        List<I> kept = items.size() > maxItems ? items.subList(0, maxItems) : items;
        return Optional.of(shape.withItems().apply(first, kept));
    }
}
