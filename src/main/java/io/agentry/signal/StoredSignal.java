package io.agentry.signal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** A {@code buying_signals} row, as {@link BuyingSignals#active} reads it. */
public record StoredSignal(
        UUID id,
        long companyId,
        SignalType type,
        SignalStrength strength,
        int confidence,
        JsonNode data,
        Instant detectedAt,
        String detectedBy,
        String status,
        Instant expiresAt,
        String sourceRef) {}
