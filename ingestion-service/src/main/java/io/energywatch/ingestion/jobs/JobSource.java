package io.energywatch.ingestion.jobs;

import io.energywatch.ingestion.formats.RecordSink;

import java.io.IOException;

/** Where a job's records come from: an uploaded or polled file, or the simulator. */
public interface JobSource {

    /** True when this source reads jobs of that trigger. */
    boolean handles(IngestionJob job);

    /** Feeds every record of the job's input to the sink, in order. */
    void read(IngestionJob job, RecordSink sink) throws IOException;
}
