package io.energywatch.analytics.anomaly;

import io.energywatch.contracts.AnomalyType;
import org.jspecify.annotations.Nullable;

import java.util.Arrays;

/**
 * Level shifts and gradual drifts against a longer-horizon, weather-normalised baseline (see
 * {@link DetectorConfig.SlowChange}). Each local day is cut into {@code blocksPerDay} blocks; when a block closes, its
 * mean is compared with its {@link BlockRegression} (the same block of the previous days, on the degree days and the
 * day type), and the residual z feeds a one-sided CUSUM per direction, each block adding 1 / blocksPerDay of its excess
 * over the slack, so the CUSUM counts sigma-days whatever the block size. A crossing opens a change, reported once and
 * typed by {@link ChangeShape}; a block back within {@code returnZ} of the baseline closes it. The blocks of an open
 * change are not learned, so the baseline keeps the level of before, until the change has lasted {@code maxOpen}.
 * Blocks without weather, with a strike, or with too few rows are skipped. Not thread-safe; one per series.
 */
final class DailyChange {

    /** A block is learned clipped to this many sigmas of its prediction: a spike or drop would bend the regression. */
    private static final double LEARN_Z = 3;
    /** Share of a block's rows needed for its mean to count. */
    private static final double MIN_ROW_SHARE = 0.75;

    /**
     * A change opened by the block that closed before the row.
     *
     * @param type             level shift or gradual drift, by the residuals' shape
     * @param strength         the CUSUM over its threshold (at least 1)
     * @param direction        +1 up, −1 down
     * @param onsetEpochSecond start of the first block of the change
     * @param before           what the caller recorded at the start of that block (the level before the change)
     */
    record Change(AnomalyType type, double strength, int direction, long onsetEpochSecond,
                  PreOnsetLevel.@Nullable Snapshot before) {
    }

    private final DetectorConfig.SlowChange config;
    private final BlockRegression[] regressions;
    private final long maxOpenSeconds;
    private long block = Long.MIN_VALUE;
    private long blockStart;
    private int blockIndex;
    private double sum;
    private int rows;
    private boolean skipped;
    private double hdd;
    private double cdd;
    private boolean saturday;
    private boolean sundayOrHoliday;
    private long day = Long.MIN_VALUE;
    private double dayHdd = Double.NaN;
    private double previousDayHdd = Double.NaN;
    private final Side up;
    private final Side down;
    private int openDirection;
    private long openedAt;
    private PreOnsetLevel.@Nullable Snapshot blockSnapshot;

    DailyChange(DetectorConfig.SlowChange config) {
        this.config = config;
        this.regressions = new BlockRegression[Math.max(1, config.blocksPerDay())];
        for (int i = 0; i < regressions.length; i++) {
            regressions[i] = new BlockRegression(config.historyDays());
        }
        this.maxOpenSeconds = config.maxOpen().toSeconds();
        int capacity = 4 * config.historyDays() * regressions.length;
        this.up = new Side(capacity);
        this.down = new Side(capacity);
    }

    /** The direction of the open change: +1, −1, or 0 when none is open. */
    int openDirection() {
        return openDirection;
    }

    /** Whether a row at {@code at} starts a new block (closing the one before). */
    boolean startsBlock(SeriesClock.Position at, int slotsPerDay) {
        return key(at, slotsPerDay) != block;
    }

    /**
     * Adds a row at {@code at} (a local slot of {@code slotsPerDay}); returns the change the block that closed before
     * it opened, or null. {@code hdd}/{@code cdd} are NaN without weather; {@code snapshot} is kept with a block the
     * row starts and handed back with a change that begins at that block.
     */
    @Nullable Change observe(long epochSecond, SeriesClock.Position at, int slotsPerDay, double x, double hdd,
                             double cdd, boolean holiday, boolean strike, PreOnsetLevel.@Nullable Snapshot snapshot) {
        int blocks = config.blocksPerDay();
        long key = key(at, slotsPerDay);
        Change change = null;
        if (key != block) {
            if (block != Long.MIN_VALUE) {
                change = close(slotsPerDay / (double) blocks);
            }
            startBlock(key, (int) (key - at.day() * blocks), epochSecond, at, hdd, cdd, holiday);
            blockSnapshot = snapshot;
        }
        sum += x;
        rows++;
        skipped |= strike || Double.isNaN(hdd) || Double.isNaN(cdd);
        return change;
    }

    private long key(SeriesClock.Position at, int slotsPerDay) {
        int blocks = config.blocksPerDay();
        return at.day() * blocks + (long) at.daySlot() * blocks / slotsPerDay;
    }

    private void startBlock(long key, int index, long epochSecond, SeriesClock.Position at, double rowHdd,
                            double rowCdd, boolean holiday) {
        if (at.day() != day) {
            previousDayHdd = at.day() == day + 1 ? dayHdd : Double.NaN;
            day = at.day();
            dayHdd = rowHdd;
        }
        block = key;
        blockIndex = index;
        blockStart = epochSecond;
        sum = 0;
        rows = 0;
        skipped = false;
        hdd = rowHdd;
        cdd = rowCdd;
        saturday = at.dayOfWeek() == 5;
        sundayOrHoliday = at.dayOfWeek() == 6 || holiday;
    }

    private @Nullable Change close(double rowsPerBlock) {
        if (skipped || rows < MIN_ROW_SHARE * rowsPerBlock) {
            return null;
        }
        BlockRegression regression = regressions[blockIndex];
        double[] x = BlockRegression.regressors(hdd, Double.isNaN(previousDayHdd) ? hdd : previousDayHdd, cdd,
                saturday, sundayOrHoliday);
        double mean = sum / rows;
        double z = regression.days() >= config.minDays() ? regression.z(x, mean) : Double.NaN;
        boolean expired = openDirection != 0 && blockStart - openedAt > maxOpenSeconds;
        if (Double.isNaN(z)) {
            regression.learn(x, mean);
            return null;
        }
        Change change = null;
        if (openDirection != 0 && openDirection * z < config.returnZ()) {
            openDirection = 0;
            up.reset();
            down.reset();
        } else {
            double clipped = Math.max(-config.residualClip(), Math.min(config.residualClip(), z));
            double perDay = config.blocksPerDay();
            up.add((clipped - config.slack()) / perDay, clipped, blockStart, blockSnapshot);
            down.add((-clipped - config.slack()) / perDay, -clipped, blockStart, blockSnapshot);
            if (openDirection == 0) {
                Side crossed = up.cusum >= down.cusum ? up : down;
                if (crossed.cusum >= config.threshold()) {
                    openDirection = crossed == up ? 1 : -1;
                    openedAt = blockStart;
                    change = new Change(ChangeShape.of(crossed.residuals, crossed.length),
                            crossed.cusum / config.threshold(), openDirection, crossed.onset, crossed.before);
                }
            }
        }
        if (openDirection == 0 || expired) {
            regression.learn(x, regression.clipped(x, mean, LEARN_Z));
        }
        return change;
    }

    /** One direction's CUSUM, with the oriented residuals and start of the blocks since it last left zero. */
    private static final class Side {
        private double cusum;
        private final double[] residuals;
        private int length;
        private long onset;
        private PreOnsetLevel.@Nullable Snapshot before;

        Side(int capacity) {
            this.residuals = new double[capacity];
        }

        void add(double increment, double residual, long blockStart, PreOnsetLevel.@Nullable Snapshot snapshot) {
            cusum = Math.max(0, cusum + increment);
            if (cusum == 0) {
                length = 0;
                return;
            }
            if (length == 0) {
                onset = blockStart;
                before = snapshot;
            }
            if (length == residuals.length) {
                System.arraycopy(residuals, 1, residuals, 0, length - 1);
                length--;
            }
            residuals[length++] = residual;
        }

        void reset() {
            cusum = 0;
            length = 0;
            before = null;
            Arrays.fill(residuals, 0);
        }
    }
}
