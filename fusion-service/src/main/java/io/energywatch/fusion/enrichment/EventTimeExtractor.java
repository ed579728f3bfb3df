package io.energywatch.fusion.enrichment;

import io.energywatch.contracts.EnergyWatchEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Stream time is event time: the interval start of a measurement, the start of the local day of weather and movements.
 * Producer timestamps are ingestion wall-clock times, which would make grace and purges depend on when files were
 * uploaded and a replay behave differently from the first run.
 */
public final class EventTimeExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof EnergyWatchEvent event) {
            return event.eventTime().toEpochMilli();
        }
        if (record.value() instanceof KeptMeasurement kept) {
            return kept.value().eventTime().toEpochMilli();
        }
        // Tombstones and unreadable values (dead-lettered later) keep the partition's time: they must not move it.
        return record.timestamp() >= 0 ? record.timestamp() : Math.max(partitionTime, 0);
    }
}
