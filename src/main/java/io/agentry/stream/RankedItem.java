package io.agentry.stream;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/**
 * A company on a stream, as a ranked list shows it.
 *
 * @param position the rank, 1 = best; null until the stream was scored
 * @param qualityScore {@code metadata.quality_score}, 0 to 5; null when not scored
 * @param reasons {@code metadata.reasons}: why it scored what it did (a list of sentences)
 */
public record RankedItem(
        UUID id,
        Integer position,
        long companyId,
        String companyNumber,
        String title,
        String priority,
        Double qualityScore,
        String stageId,
        JsonNode reasons) {}
