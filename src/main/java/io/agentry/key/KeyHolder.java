package io.agentry.key;

import java.util.UUID;

/** Who a presented key belongs to. */
public record KeyHolder(UUID keyId, UUID orgId, KeyRole role) {}
