package io.agentry.stream;

import java.time.Instant;
import java.util.UUID;

/**
 * The last row of a page of a newest-first list ({@code ORDER BY created_at DESC, id DESC}): the
 * next page holds the rows that sort after it, read with {@code (created_at, id) < (?, ?)}.
 */
public record After(Instant createdAt, UUID id) {}
