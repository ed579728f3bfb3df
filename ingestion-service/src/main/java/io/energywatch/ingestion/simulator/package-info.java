/**
 * A seeded, reproducible simulator of French regional electricity consumption, weather and strikes, with labelled
 * injected anomalies. Plain Java: the service wires it to REST and Kafka elsewhere.
 */
@NullMarked
package io.energywatch.ingestion.simulator;

import org.jspecify.annotations.NullMarked;
