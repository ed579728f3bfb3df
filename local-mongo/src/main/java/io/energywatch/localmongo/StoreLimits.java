package io.energywatch.localmongo;

/**
 * Where the local MongoDB stops accepting writes, so that it refuses them with an error instead of filling the disk or
 * its heap and dying.
 *
 * @param maxStoreBytes       the store file's largest size
 * @param minFreeDiskBytes    free space the disk holding the store keeps
 * @param maxLiveHeapFraction the share of the maximum heap still in use after a garbage collection beyond which
 *                            writes are refused (reads and deletes go on, so space can be freed)
 */
public record StoreLimits(long maxStoreBytes, long minFreeDiskBytes, double maxLiveHeapFraction) {

    /** The defaults: a 20 GB store, 1 GB kept free, 85 % of the heap live. */
    public static final StoreLimits DEFAULTS = new StoreLimits(20L << 30, 1L << 30, 0.85);

    public StoreLimits {
        if (maxStoreBytes <= 0 || minFreeDiskBytes < 0) {
            throw new IllegalArgumentException("store limits must be positive: maxStoreBytes=" + maxStoreBytes
                    + ", minFreeDiskBytes=" + minFreeDiskBytes);
        }
        if (!(maxLiveHeapFraction > 0 && maxLiveHeapFraction <= 1)) {
            throw new IllegalArgumentException("maxLiveHeapFraction must be in (0, 1]: " + maxLiveHeapFraction);
        }
    }

    /**
     * The limits from system properties {@code energywatch.mongodb.max-store-bytes}, {@code .min-free-disk-bytes} and
     * {@code .max-live-heap-fraction}, each falling back to its default.
     */
    public static StoreLimits fromSystemProperties() {
        return new StoreLimits(
                Long.getLong("energywatch.mongodb.max-store-bytes", DEFAULTS.maxStoreBytes()),
                Long.getLong("energywatch.mongodb.min-free-disk-bytes", DEFAULTS.minFreeDiskBytes()),
                Double.parseDouble(System.getProperty("energywatch.mongodb.max-live-heap-fraction",
                        Double.toString(DEFAULTS.maxLiveHeapFraction()))));
    }
}
