/**
 * The public Kafka API of EnergyWatch: one immutable record per event, the {@link io.energywatch.contracts.Topics}
 * registry, CloudEvents binary-mode headers and the shared Jackson 3 serde. Downstream teams subscribe to these topics,
 * so a change here is an API change: add optional fields, never rename or remove; a breaking change is a new topic version.
 */
@NullMarked
package io.energywatch.contracts;

import org.jspecify.annotations.NullMarked;
