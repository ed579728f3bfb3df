package io.energywatch.fusion.enrichment;

import io.energywatch.contracts.EnergyWatchEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;
import org.jspecify.annotations.Nullable;

/**
 * Stream time is event time: the interval start of a measurement, the start of the local day of weather and movements.
 * Producer timestamps are ingestion wall-clock times, which would make grace and purges depend on when files were
 * uploaded and a replay behave differently from the first run. A record whose event time is implausible
 * ({@link PlausibleTimes}) keeps the partition's time, so it never moves stream time; the topology then dead-letters it.
 */
public final class EventTimeExtractor implements TimestampExtractor {

    private final @Nullable PlausibleTimes times;

    /**
     * Without a plausibility check: the default extractor of the application, which only reads the internal context
     * topic, whose records passed the check at their source.
     */
    public EventTimeExtractor() {
        this(null);
    }

    public EventTimeExtractor(@Nullable PlausibleTimes times) {
        this.times = times;
    }

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        EnergyWatchEvent event = record.value() instanceof KeptMeasurement kept ? kept.value()
                : record.value() instanceof EnergyWatchEvent e ? e : null;
        if (event != null && (times == null || times.admits(event))) {
            return event.eventTime().toEpochMilli();
        }
        if (event != null) {
            return Math.max(partitionTime, 0);
        }
        // Tombstones and unreadable values (dead-lettered later) keep the partition's time: they must not move it.
        return record.timestamp() >= 0 ? record.timestamp() : Math.max(partitionTime, 0);
    }
}
