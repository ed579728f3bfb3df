package io.energywatch.ingestion.formats;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.ZoneId;

/**
 * What a parser needs besides the bytes.
 *
 * @param origin     file name or poller id, written into each record's lineage
 * @param jobId      the ingestion job, written into each record's lineage
 * @param ingestedAt the job's acceptance time, written into each record's lineage
 * @param zone       zone of timestamps without an offset: Europe/Paris unless the request gives {@code tz}
 * @param mapping    column mapping for the generic CSV and JSON formats; {@code null} for the known sources
 */
public record ParseContext(String origin, String jobId, Instant ingestedAt, ZoneId zone,
                           @Nullable ColumnMapping mapping) {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
}
