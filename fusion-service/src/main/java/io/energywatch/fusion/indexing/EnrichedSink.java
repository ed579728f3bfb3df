package io.energywatch.fusion.indexing;

import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.contracts.DeadLetters;
import io.energywatch.contracts.EventSerde;
import io.energywatch.contracts.Topics;
import io.energywatch.fusion.config.FusionProperties;
import io.energywatch.fusion.config.IndexNames;
import io.energywatch.service.kafka.EventPublisher;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Indexes batches of enriched records and recomputes the daily documents they touched. A batch's offsets are committed
 * (its acknowledgement called) only once Elasticsearch acknowledged every document (or a refused one is durably
 * dead-lettered) and its days were recomputed. At-least-once delivery with ids from the event key is effectively once.
 *
 * <p>While full batches keep coming (a backlog), their days are recomputed together at most every
 * {@code daily-delay}: the recomputation refreshes the indices and aggregates them, and doing that for every batch of
 * a 10-year file was most of Elasticsearch's work. A batch smaller than the bulk size (caught up), or an idle topic,
 * recomputes at once, so in steady state the daily documents follow each batch as before.
 */
@Component
class EnrichedSink {

    private static final Logger log = LoggerFactory.getLogger(EnrichedSink.class);
    private static final long DEAD_LETTER_TIMEOUT_S = 30;

    private final IndexSchema schema;
    private final BulkWriter writer;
    private final DailyAggregator daily;
    private final IndexNames names;
    private final EventPublisher publisher;
    private final EventSerde<ConsumptionEnriched> serde = EventSerde.of(ConsumptionEnriched.class, "unused");
    private final FusionProperties.Indexing settings;
    private final Clock clock;
    private final PendingDays pending = new PendingDays();

    EnrichedSink(IndexSchema schema, BulkWriter writer, DailyAggregator daily, IndexNames names,
                 EventPublisher publisher, FusionProperties properties, Clock clock) {
        this.schema = schema;
        this.writer = writer;
        this.daily = daily;
        this.names = names;
        this.publisher = publisher;
        this.settings = properties.indexing();
        this.clock = clock;
    }

    /**
     * Indexes a polled batch; its acknowledgement is called once its days are recomputed (now or by a later call).
     *
     * @param polled     how many records the poll returned (a full poll means a backlog)
     * @param unreadable records whose value could not be read, with their bytes and reason, to dead-letter
     */
    synchronized void index(List<ConsumerRecord<String, ConsumptionEnriched>> records, List<Unreadable> unreadable,
                            int polled, Acknowledgment acknowledgment) throws IOException {
        schema.ensureInstalled();
        Map<String, BulkWriter.Write> writes = new LinkedHashMap<>();
        Map<String, ConsumptionEnriched> originals = new LinkedHashMap<>();
        List<EnrichedDocument> docs = new ArrayList<>(records.size());
        for (ConsumerRecord<String, ConsumptionEnriched> record : records) {
            EnrichedDocument doc = EnrichedDocument.of(record.value());
            // A batch may hold several versions of a record (re-emitted after late weather): the last one wins.
            writes.put(doc.id(), new BulkWriter.Write(names.enrichedIndex(doc.localDate()), doc.id(), doc));
            originals.put(doc.id(), record.value());
            docs.add(doc);
        }
        List<BulkWriter.Refused> refused = writes.isEmpty() ? List.of() : writer.write(new ArrayList<>(writes.values()));
        for (BulkWriter.Refused r : refused) {
            ConsumptionEnriched original = originals.get(r.write().id());
            deadLetter(original.measurement().seriesId(),
                    serde.serialize(Topics.CONSUMPTION_ENRICHED.name(), original),
                    "Elasticsearch refused " + r.write().id() + " (" + r.status() + "): " + r.reason());
        }
        for (Unreadable u : unreadable) {
            deadLetter(u.key(), u.value() == null ? new byte[0] : u.value(), u.reason());
        }
        for (EnrichedDocument doc : docs) {
            pending.touch(DailyAggregator.SeriesFacts.of(doc), doc.localDate());
        }
        pending.indexed(acknowledgment, clock.instant());
        if (polled < settings.bulkSize() || pending.due(clock.instant(), settings.dailyDelay())) {
            recomputePendingDays();
        }
    }

    /**
     * Recomputes the daily documents of every day indexed batches touched, then commits those batches' offsets. Runs
     * on the listener's consumer thread (from {@link #index} and when the container is idle).
     */
    synchronized void recomputePendingDays() throws IOException {
        if (pending.isEmpty()) {
            return;
        }
        for (var range : pending.byRange().entrySet()) {
            List<DailyDocument> days = daily.recompute(range.getValue(), range.getKey().from(), range.getKey().to());
            List<BulkWriter.Write> dailyWrites = days.stream()
                    .map(d -> new BulkWriter.Write(names.dailyIndex(d.date()), d.id(), d)).toList();
            List<BulkWriter.Refused> dailyRefused = dailyWrites.isEmpty() ? List.of() : writer.write(dailyWrites);
            if (!dailyRefused.isEmpty()) {
                throw new IOException("Elasticsearch refused daily documents: " + dailyRefused.getFirst().reason());
            }
        }
        pending.recomputed();
    }

    /** A record of the enriched topic whose value could not be read. */
    record Unreadable(@Nullable String key, byte @Nullable [] value, String reason) {
    }

    private void deadLetter(@Nullable String key, byte[] bytes, String reason) throws IOException {
        try {
            publisher.deadLetter(Topics.CONSUMPTION_ENRICHED, key, bytes, Map.of(DeadLetters.REASON, reason,
                    DeadLetters.ORIGIN, Topics.CONSUMPTION_ENRICHED.name())).get(DEAD_LETTER_TIMEOUT_S, TimeUnit.SECONDS);
            log.warn("Dead-lettered an enriched record of {}: {}", key, reason);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("cannot dead-letter a record of " + key + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while dead-lettering", e);
        }
    }
}
