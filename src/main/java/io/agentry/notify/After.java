package io.agentry.notify;

import java.time.Instant;
import java.util.UUID;

/** Where a page of a list sorted newest first ended: the next page starts after this row. */
public record After(Instant createdAt, UUID id) {}
