package io.energywatch.localmongo;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Decides whether the store may grow: the store file's size, the disk's free space and the heap still live after the
 * last garbage collection, against {@link StoreLimits}. Checked before every write that can grow the store.
 */
public final class StoreGuard {

    /** MongoDB's own code for a write refused for lack of space (OutOfDiskSpace), so clients can tell it apart. */
    public static final int STORE_FULL_CODE = 14031;

    /** How often at most the guard forces a full collection to measure the live heap. */
    static final Duration FULL_COLLECTION_INTERVAL = Duration.ofSeconds(30);

    private final Path storeFile;
    private final StoreLimits limits;
    private final LongSupplier heapAfterLastGc;
    private final LongSupplier liveAfterFullCollection;
    private final long maxHeapBytes;
    private final LongSupplier nanoTime;
    private long measuredAt;
    private long measuredLive = -1;

    /**
     * @param heapAfterLastGc         heap in use after the last collection, as the collectors report it: cheap, but
     *                                after a young collection it still counts the old generation's garbage
     * @param liveAfterFullCollection forces a full collection and returns the heap then in use: the live set
     */
    StoreGuard(Path storeFile, StoreLimits limits, LongSupplier heapAfterLastGc, LongSupplier liveAfterFullCollection,
               long maxHeapBytes, LongSupplier nanoTime) {
        this.storeFile = storeFile;
        this.limits = limits;
        this.heapAfterLastGc = heapAfterLastGc;
        this.liveAfterFullCollection = liveAfterFullCollection;
        this.maxHeapBytes = maxHeapBytes;
        this.nanoTime = nanoTime;
    }

    /** A guard of this JVM's heap. */
    public static StoreGuard forThisJvm(Path storeFile, StoreLimits limits) {
        var afterLastGc = new AtomicLong();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                        afterLastGc.set(info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                                .mapToLong(MemoryUsage::getUsed).sum());
                    }
                }, null, null);
            }
        }
        LongSupplier fullCollection = () -> {
            System.gc();
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        };
        return new StoreGuard(storeFile, limits, afterLastGc::get, fullCollection, Runtime.getRuntime().maxMemory(),
                System::nanoTime);
    }

    /** Why the store may not grow now, or empty when it may. */
    public synchronized Optional<String> refusal() {
        try {
            long size = Files.exists(storeFile) ? Files.size(storeFile) : 0;
            if (size >= limits.maxStoreBytes()) {
                return Optional.of("store full: the store file holds " + size(size) + ", its limit is "
                        + size(limits.maxStoreBytes()) + " (energywatch.mongodb.max-store-bytes); delete data or"
                        + " raise the limit");
            }
            long free = Files.getFileStore(storeFile.toAbsolutePath().getParent()).getUsableSpace();
            if (free < limits.minFreeDiskBytes()) {
                return Optional.of("store full: " + size(free) + " free on the store's disk, below the "
                        + size(limits.minFreeDiskBytes()) + " it keeps free (energywatch.mongodb.min-free-disk-bytes)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + storeFile, e);
        }
        double limit = limits.maxLiveHeapFraction() * maxHeapBytes;
        if (heapAfterLastGc.getAsLong() <= limit) {
            return Optional.empty();
        }
        // Possibly garbage the young collections did not reach: a full collection tells (at most every 30 s, it
        // pauses the server for some milliseconds), and only a live set above the limit refuses writes.
        long now = nanoTime.getAsLong();
        if (measuredLive < 0 || now - measuredAt >= FULL_COLLECTION_INTERVAL.toNanos()) {
            measuredLive = liveAfterFullCollection.getAsLong();
            measuredAt = now;
        }
        long live = measuredLive;
        if (live > limit) {
            return Optional.of("store full: " + size(live) + " of the " + size(maxHeapBytes)
                    + " heap still in use after garbage collection (limit "
                    + Math.round(limits.maxLiveHeapFraction() * 100) + " %); give the server a larger heap");
        }
        return Optional.empty();
    }

    /** Bytes as a person reads them: whole MiB from 1 MiB up, bytes below (a tiny test limit stays readable). */
    static String size(long bytes) {
        return bytes >= 1L << 20 ? (bytes >> 20) + " MiB" : bytes + " bytes";
    }
}
