package io.agentry.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: {@code {"items": […], "next_cursor": "…"}}; {@code next_cursor} is null on
 * the last page.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Page<T>(List<T> items, String nextCursor) {

    /**
     * The page from {@code rows}, read with one row more than {@code limit}: that extra row says
     * whether another page follows, and is not returned.
     */
    public static <T> Page<T> of(List<T> rows, int limit, Function<T, Cursor> cursorOf) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, limit);
        return new Page<>(
                List.copyOf(items), cursorOf.apply(items.get(limit - 1)).encode());
    }
}
