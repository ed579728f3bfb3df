package io.energywatch.fusion.indexing;

import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.contracts.DeadLetters;
import io.energywatch.contracts.EventSerde;
import io.energywatch.contracts.Topics;
import io.energywatch.fusion.config.IndexNames;
import io.energywatch.service.kafka.EventPublisher;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Indexes a batch of enriched records and then recomputes the daily documents it touched. Returns normally only when
 * Elasticsearch acknowledged every document (or a refused one is durably dead-lettered): only then does the listener's
 * container commit the batch's offsets. At-least-once delivery with ids from the event key is effectively once.
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

    EnrichedSink(IndexSchema schema, BulkWriter writer, DailyAggregator daily, IndexNames names,
                 EventPublisher publisher) {
        this.schema = schema;
        this.writer = writer;
        this.daily = daily;
        this.names = names;
        this.publisher = publisher;
    }

    /** {@code unreadable}: records whose value could not be read, with their bytes and reason, to dead-letter. */
    void index(List<ConsumerRecord<String, ConsumptionEnriched>> records, List<Unreadable> unreadable)
            throws IOException {
        schema.ensureInstalled();
        Map<String, BulkWriter.Write> writes = new LinkedHashMap<>();
        Map<String, ConsumptionEnriched> originals = new LinkedHashMap<>();
        Map<String, DailyAggregator.SeriesFacts> series = new LinkedHashMap<>();
        LocalDate from = null;
        LocalDate to = null;
        for (ConsumerRecord<String, ConsumptionEnriched> record : records) {
            EnrichedDocument doc = EnrichedDocument.of(record.value());
            // A batch may hold several versions of a record (re-emitted after late weather): the last one wins.
            writes.put(doc.id(), new BulkWriter.Write(names.enrichedIndex(doc.localDate()), doc.id(), doc));
            originals.put(doc.id(), record.value());
            series.putIfAbsent(doc.seriesId(), DailyAggregator.SeriesFacts.of(doc));
            from = from == null || doc.localDate().isBefore(from) ? doc.localDate() : from;
            to = to == null || doc.localDate().isAfter(to) ? doc.localDate() : to;
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
        if (!series.isEmpty()) {
            List<DailyDocument> days = daily.recompute(series.values(), from, to);
            List<BulkWriter.Write> dailyWrites = days.stream()
                    .map(d -> new BulkWriter.Write(names.dailyIndex(d.date()), d.id(), d)).toList();
            List<BulkWriter.Refused> dailyRefused = writer.write(dailyWrites);
            if (!dailyRefused.isEmpty()) {
                throw new IOException("Elasticsearch refused daily documents: " + dailyRefused.getFirst().reason());
            }
        }
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
