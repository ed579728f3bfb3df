package io.energywatch.local;

import java.util.Locale;

/** Renders an ingestion job's progress on one line: a bar when the percentage is known, counts and rate always. */
record ProgressBar(int width) {

    String render(IngestionJob job) {
        Double percent = job.progressPercent();
        String bar;
        if (percent == null) {
            bar = "[" + "?".repeat(width) + "]    ?  ";
        } else {
            double bounded = Math.max(0, Math.min(100, percent));
            int filled = (int) Math.round(bounded / 100 * width);
            bar = "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] "
                    + String.format(Locale.ROOT, "%5.1f%%", bounded);
        }
        return String.format(Locale.ROOT, "%s  %-9s %s read, %s accepted, %s rejected, %s rec/s", bar,
                job.status() == null ? "?" : job.status(), count(job.recordsRead()), count(job.accepted()),
                count(job.rejected()),
                job.recordsPerSecond() == null ? "?" : count(Math.round(job.recordsPerSecond())));
    }

    static String count(Long value) {
        return value == null ? "?" : String.format(Locale.ROOT, "%,d", value);
    }
}
