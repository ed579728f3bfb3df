package io.energywatch.fusion.enrichment;

import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The kept measurements live in RocksDB, whose memory all stores share within one budget, not in the heap. */
class KeptMeasurementsOffHeapTest {

    @Test
    void theKeptMeasurementsStoreIsPersistent() {
        try (var fusion = new FusionDriver()) {
            KeyValueStore<String, ?> kept = fusion.driver.getKeyValueStore(FusionTopology.CONSUMPTION_STORE);
            assertThat(kept.persistent()).isTrue();
        }
    }

    @Test
    void everyStoreGetsTheSharedCacheAndMemtablesSizedFromTheBudget() {
        var setter = new BoundedRocksDbMemory();
        long budget = 64L * 1024 * 1024;
        try (var first = new Options(); var second = new Options()) {
            // As Kafka Streams hands them over: with a block-based table configuration of its own.
            first.setTableFormatConfig(new BlockBasedTableConfig());
            second.setTableFormatConfig(new BlockBasedTableConfig());
            setter.setConfig("kept-1", first, Map.of(BoundedRocksDbMemory.TOTAL_BYTES_CONFIG, budget));
            setter.setConfig("kept-2", second, Map.of(BoundedRocksDbMemory.TOTAL_BYTES_CONFIG, budget));
            for (Options options : new Options[] {first, second}) {
                assertThat(options.maxWriteBufferNumber()).isEqualTo(BoundedRocksDbMemory.MEMTABLES);
                assertThat(options.writeBufferSize()).isEqualTo((long) (budget * BoundedRocksDbMemory.MEMTABLE_SHARE
                        / BoundedRocksDbMemory.MEMTABLES));
                var table = (BlockBasedTableConfig) options.tableFormatConfig();
                assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
                assertThat(table.blockSize()).isEqualTo(BoundedRocksDbMemory.BLOCK_SIZE);
            }
        }
    }

    @Test
    void aMissingBudgetStopsTheStoreNamingTheSetting() {
        try (var options = new Options()) {
            assertThatThrownBy(() -> new BoundedRocksDbMemory().setConfig("kept", options, Map.of()))
                    .hasMessageContaining(BoundedRocksDbMemory.TOTAL_BYTES_CONFIG);
        }
    }
}
