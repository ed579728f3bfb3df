package io.energywatch.fusion.enrichment;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

import java.util.Map;

/**
 * Bounds the off-heap memory of all the instance's RocksDB stores together, as Kafka Streams' memory-management guide
 * does: one LRU cache for every store's blocks, index and filter blocks, with the memtables counted against it. By
 * default each store instance (one per task) takes its own 50 MB block cache and three 16 MB memtables, so six tasks
 * could hold some 600 MB outside the heap. The budget is {@link #TOTAL_BYTES_CONFIG} in the streams configuration.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

    /** Bytes shared by all stores (the fusion's {@code rocksdb-memory}). */
    public static final String TOTAL_BYTES_CONFIG = "energywatch.rocksdb.total-bytes";
    /** The part of the budget the memtables may take. */
    static final double MEMTABLE_SHARE = 0.25;
    /** The part of the cache kept for index and filter blocks (high priority), so they are not evicted by data. */
    static final double INDEX_FILTER_SHARE = 0.1;
    static final int MEMTABLES = 3;
    static final long BLOCK_SIZE = 16 * 1024;

    /** Shared by every store of the JVM: created by the first store configured, with that configuration's budget. */
    private static Shared shared;

    private record Shared(long totalBytes, Cache cache, WriteBufferManager writeBuffers) {
    }

    private static synchronized Shared shared(long totalBytes) {
        if (shared == null) {
            Cache cache = new LRUCache(totalBytes, -1, false, INDEX_FILTER_SHARE);
            shared = new Shared(totalBytes, cache,
                    new WriteBufferManager((long) (totalBytes * MEMTABLE_SHARE), cache));
        }
        return shared;
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Object configured = configs.get(TOTAL_BYTES_CONFIG);
        if (!(configured instanceof Number total) || total.longValue() <= 0) {
            throw new IllegalStateException(TOTAL_BYTES_CONFIG + " must be a positive number of bytes, not "
                    + configured);
        }
        Shared memory = shared(total.longValue());
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(memory.cache());
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        table.setBlockSize(BLOCK_SIZE);
        options.setWriteBufferManager(memory.writeBuffers());
        options.setMaxWriteBufferNumber(MEMTABLES);
        options.setWriteBufferSize((long) (memory.totalBytes() * MEMTABLE_SHARE / MEMTABLES));
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the write buffer manager are shared by every store of the JVM: never closed with one.
    }
}
