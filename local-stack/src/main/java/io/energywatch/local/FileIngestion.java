package io.energywatch.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Uploads one file, trying each candidate kind until ingestion-service accepts one, and follows the job to its end. */
final class FileIngestion {

    /** The job when an upload was accepted; otherwise why each kind was refused. */
    record Outcome(Path file, Optional<IngestionJob> job, List<String> refusals) {
    }

    private final IngestionClient client;
    private final JobWatcher watcher;
    private final PrintStream out;

    FileIngestion(IngestionClient client, JobWatcher watcher, PrintStream out) {
        this.client = client;
        this.watcher = watcher;
        this.out = out;
    }

    Outcome ingest(Path file, List<String> kinds, Optional<String> format) {
        return ingest(file, kinds, format, Optional.empty());
    }

    /** @param duplicates the upload's duplicates policy; the service's default (first) when empty */
    Outcome ingest(Path file, List<String> kinds, Optional<String> format, Optional<String> duplicates) {
        // Kinds by refusal detail: the service often gives one reason for every kind (an unknown header, say).
        var refusedKinds = new LinkedHashMap<String, List<String>>();
        for (String kind : kinds) {
            try {
                IngestionJob job = client.upload(file, kind, format, duplicates);
                out.printf("Uploaded %s as %s: job %s%n", file.getFileName(), kind, job.id());
                return new Outcome(file, Optional.of(watcher.follow(job)), refusals(refusedKinds));
            } catch (UploadRejectedException e) {
                refusedKinds.computeIfAbsent(e.detail(), detail -> new ArrayList<>()).add(kind);
                if (kinds.size() > 1) {
                    out.printf("%s was refused as %s%n", file.getFileName(), kind);
                }
            }
        }
        return new Outcome(file, Optional.empty(), refusals(refusedKinds));
    }

    private static List<String> refusals(Map<String, List<String>> refusedKinds) {
        return refusedKinds.entrySet().stream()
                .map(entry -> "as " + String.join(", ", entry.getValue()) + ": " + entry.getKey()).toList();
    }
}
