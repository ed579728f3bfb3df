package io.energywatch.ingestion.formats;

import io.energywatch.contracts.EnergyWatchEvent;
import io.energywatch.contracts.EventJson;
import io.energywatch.contracts.EventTimeWindow;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * Passes on the records whose event time is plausible and turns the others into rejections naming their line and the
 * record's time field: a reading stamped {@code 2999-12-31} would otherwise reach the raw topic and move the fusion's
 * stream time years ahead. The dead-letter value is the record as read (its JSON), since the source line is behind the
 * parser by then.
 */
public final class PlausibleEventTimes implements RecordSink {

    private final RecordSink sink;
    private final EventTimeWindow window;
    private final Instant now;

    /** {@code now}: the job's reading time, fixed for the whole job so a resumed attempt decides the same way. */
    public PlausibleEventTimes(RecordSink sink, EventTimeWindow window, Instant now) {
        this.sink = sink;
        this.window = window;
        this.now = now;
    }

    @Override
    public void accept(long line, EnergyWatchEvent event) {
        var refusal = window.refusal(event.eventTime(), now);
        if (refusal.isEmpty()) {
            sink.accept(line, event);
            return;
        }
        String field = EventTimeWindow.field(event);
        sink.reject(line, field, field + ": " + refusal.get(), Raw.cut(EventJson.MAPPER.writeValueAsString(event)));
    }

    @Override
    public void reject(long line, @Nullable String field, String reason, String raw) {
        sink.reject(line, field, reason, raw);
    }

    @Override
    public void duplicate(long line, EnergyWatchEvent dropped) {
        sink.duplicate(line, dropped);
    }

    @Override
    public void progress(long bytesRead) {
        sink.progress(bytesRead);
    }
}
