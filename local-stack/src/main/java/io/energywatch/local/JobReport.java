package io.energywatch.local;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints a finished ingestion job: its counts, how long it took and the first rejections. */
final class JobReport {

    private static final int SHOWN_REJECTIONS = 10;

    private JobReport() {
    }

    static void print(IngestionJob job, PrintStream out) {
        out.printf("Job %s %s: %s %s from %s%n", job.id(), job.status(), orDash(job.kind()), orDash(job.format()),
                orDash(job.origin()));
        out.printf("  read %s, accepted %s, rejected %s, duplicates %s%s%n", ProgressBar.count(job.recordsRead()),
                ProgressBar.count(job.accepted()), ProgressBar.count(job.rejected()),
                ProgressBar.count(job.duplicates()),
                job.duration().map(d -> String.format(Locale.ROOT, " in %.1f s", d.toMillis() / 1000.0)).orElse(""));
        if (job.error() != null && !job.error().isBlank()) {
            out.println("  error: " + job.error());
        }
        List<IngestionJob.Rejection> rejections = job.rejections();
        if (!rejections.isEmpty()) {
            out.println("  first rejections:");
            var rows = rejections.stream().limit(SHOWN_REJECTIONS)
                    .map(r -> List.of(r.line() == null ? "-" : r.line().toString(), orDash(r.field()), orDash(r.reason())))
                    .toList();
            new TextTable(List.of("line", "field", "reason"), rows).render().lines()
                    .forEach(line -> out.println("    " + line));
            if (job.rejected() != null && job.rejected() > SHOWN_REJECTIONS) {
                out.printf("    ... %s rejections in all%n", ProgressBar.count(job.rejected()));
            }
        }
    }

    static String summary(IngestionJob job) {
        return String.format(Locale.ROOT, "%s read, %s accepted, %s rejected, %s duplicates%s",
                ProgressBar.count(job.recordsRead()), ProgressBar.count(job.accepted()),
                ProgressBar.count(job.rejected()), ProgressBar.count(job.duplicates()),
                job.duration().map(d -> String.format(Locale.ROOT, " (%.1f s)", d.toMillis() / 1000.0)).orElse(""));
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "-" : text;
    }
}
