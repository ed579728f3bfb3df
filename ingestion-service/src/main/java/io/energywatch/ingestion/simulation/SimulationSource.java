package io.energywatch.ingestion.simulation;

import io.energywatch.contracts.EventJson;
import io.energywatch.ingestion.formats.RecordSink;
import io.energywatch.ingestion.jobs.IngestionJob;
import io.energywatch.ingestion.jobs.JobSource;
import io.energywatch.ingestion.simulator.Simulator;
import org.springframework.stereotype.Component;

/**
 * Feeds a simulation job's records to the job, one "line" per record. The simulator is deterministic for a request, so a
 * resumed job regenerates exactly the same records.
 */
@Component
class SimulationSource implements JobSource {

    @Override
    public boolean handles(IngestionJob job) {
        return SimulationController.TRIGGER.equals(job.trigger());
    }

    @Override
    public void read(IngestionJob job, RecordSink sink) {
        SimulationCommand command = command(job);
        Simulator simulator = new Simulator(command.toRequest(job.id(), job.createdAt()));
        long[] line = {0};
        simulator.forEach(command.firstPublished(), command.lastPublished(), event -> sink.accept(++line[0], event));
    }

    static SimulationCommand command(IngestionJob job) {
        return EventJson.MAPPER.readValue(job.parameters(), SimulationCommand.class);
    }
}
