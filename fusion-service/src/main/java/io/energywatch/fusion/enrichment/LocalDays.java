package io.energywatch.fusion.enrichment;

import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.Regions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The local-day rules of the fusion: a record belongs to the Europe/Paris day of its interval start (so the 23-hour and
 * 25-hour DST days hold 46 and 50 half-hours), and to the area whose context it takes: its region, or {@code FR} for
 * national series and series of no known region.
 */
final class LocalDays {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final String NATIONAL = "FR";

    private LocalDays() {
    }

    static LocalDate of(Instant instant) {
        return LocalDate.ofInstant(instant, PARIS);
    }

    static Instant start(LocalDate date) {
        return date.atStartOfDay(PARIS).toInstant();
    }

    /** The region code whose weather and movements apply, or {@link #NATIONAL}. */
    static String area(ConsumptionMeasured m) {
        if (m.regionCode() != null && Regions.byCode(m.regionCode()).isPresent()) {
            return Regions.byCode(m.regionCode()).orElseThrow().code();
        }
        return Regions.byCode(m.area()).map(r -> r.code()).orElse(NATIONAL);
    }

    /**
     * The first local day still open at stream time {@code streamTimeMs} for a {@code keepFor} period: days before it
     * ended more than {@code keepFor} ago.
     */
    static LocalDate firstOpenDay(long streamTimeMs, java.time.Duration keepFor) {
        return of(Instant.ofEpochMilli(streamTimeMs).minus(keepFor));
    }

    /**
     * The six-hour part (0–3) of its local day an instant falls in, by local clock time: monotonic through a day, the
     * repeated hour of the autumn change (02:00–03:00 twice) included, since both fall in part 0.
     */
    static int quarterOfDay(Instant instant) {
        long local = instant.getEpochSecond() + PARIS.getRules().getOffset(instant).getTotalSeconds();
        return (int) (Math.floorMod(local, 86_400L) / 21_600);
    }

    /** Epoch milliseconds of the start of a local day. */
    static long startOf(LocalDate day) {
        return day.atStartOfDay(PARIS).toInstant().toEpochMilli();
    }
}
