package io.energywatch.analytics.carbon;

/**
 * RAM power as CodeCarbon v3 estimates it ({@code codecarbon/external/ram.py}): a DIMM count guessed from the installed
 * memory, 5 W per DIMM on x86 ({@code RAM_SLOT_POWER_X86}) with a smaller share for each DIMM beyond 4, 8 and 16
 * (×0.9, ×0.8, ×0.7), and never less than two DIMMs' worth.
 */
public final class RamPower {

    /** CodeCarbon's {@code RAM_SLOT_POWER_X86}, watts per DIMM. */
    public static final double WATTS_PER_DIMM_X86 = 5.0;

    private static final double GIB = 1024.0 * 1024 * 1024;
    private static final int[] LARGE_DIMM_SIZES_GB = {128, 64, 32, 16, 8, 4};

    private RamPower() {
    }

    /** CodeCarbon's DIMM guess for {@code totalGb} GB (GiB, as psutil's total divided by 1024³). */
    public static int dimmCount(double totalGb) {
        if (totalGb <= 2) {
            return 1;
        }
        if (totalGb <= 16) {
            return 2;
        }
        if (totalGb <= 64) {
            return 4;
        }
        if (totalGb <= 128) {
            return 8;
        }
        // Large servers: at least 8 DIMMs of the largest common size that gives 8, at most 32 slots.
        for (int size : LARGE_DIMM_SIZES_GB) {
            if (size <= totalGb / 8) {
                return (int) Math.min(32, Math.ceil(totalGb / size));
            }
        }
        return 8;
    }

    /** The watts of {@code totalBytes} of installed x86 memory. */
    public static double wattsForBytes(long totalBytes) {
        return watts(totalBytes / GIB);
    }

    /** The watts of {@code totalGb} GiB of installed x86 memory. */
    public static double watts(double totalGb) {
        int dimms = dimmCount(totalGb);
        double w = WATTS_PER_DIMM_X86;
        double power = w * Math.min(dimms, 4)
                + w * 0.9 * clamp(dimms - 4, 4)
                + w * 0.8 * clamp(dimms - 8, 8)
                + w * 0.7 * Math.max(0, dimms - 16);
        return Math.max(2 * w, power);
    }

    private static int clamp(int n, int max) {
        return Math.max(0, Math.min(n, max));
    }
}
