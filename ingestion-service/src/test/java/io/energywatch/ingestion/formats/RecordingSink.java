package io.energywatch.ingestion.formats;

import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.EnergyWatchEvent;
import io.energywatch.contracts.SocialMovementDeclared;
import io.energywatch.contracts.WeatherObserved;
import org.jspecify.annotations.Nullable;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Keeps every outcome a parser hands over, for assertions on small fixtures. */
final class RecordingSink implements RecordSink {

    record Accepted(long line, EnergyWatchEvent event) {
    }

    record Rejected(long line, @Nullable String field, String reason, String raw) {
    }

    static final Instant INGESTED_AT = Instant.parse("2024-11-04T08:00:00Z");

    final List<Accepted> accepted = new ArrayList<>();
    final List<Rejected> rejected = new ArrayList<>();
    final List<Long> callLines = new ArrayList<>();

    static ParseContext context() {
        return context(null);
    }

    static ParseContext context(@Nullable ColumnMapping mapping) {
        return new ParseContext("fixture.csv", "job-1", INGESTED_AT, ParseContext.PARIS, mapping);
    }

    static RecordingSink parse(SourceFormat format, String text) {
        return parse(format, text, StandardCharsets.UTF_8, context());
    }

    static RecordingSink parse(SourceFormat format, String text, Charset charset, ParseContext context) {
        return parse(format, text.getBytes(charset), context);
    }

    static RecordingSink parse(SourceFormat format, byte[] bytes, ParseContext context) {
        var sink = new RecordingSink();
        try {
            new SourceParsers().forFormat(format).parse(new ByteArrayInputStream(bytes), context, sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sink;
    }

    @Override
    public void accept(long line, EnergyWatchEvent event) {
        accepted.add(new Accepted(line, event));
        callLines.add(line);
    }

    @Override
    public void reject(long line, @Nullable String field, String reason, String raw) {
        rejected.add(new Rejected(line, field, reason, raw));
        callLines.add(line);
    }

    List<ConsumptionMeasured> consumption() {
        return accepted.stream().map(Accepted::event).filter(ConsumptionMeasured.class::isInstance)
                .map(ConsumptionMeasured.class::cast).toList();
    }

    List<ConsumptionMeasured> consumption(String seriesId) {
        return consumption().stream().filter(c -> c.seriesId().equals(seriesId)).toList();
    }

    List<WeatherObserved> weather() {
        return accepted.stream().map(Accepted::event).filter(WeatherObserved.class::isInstance)
                .map(WeatherObserved.class::cast).toList();
    }

    List<SocialMovementDeclared> movements() {
        return accepted.stream().map(Accepted::event).filter(SocialMovementDeclared.class::isInstance)
                .map(SocialMovementDeclared.class::cast).toList();
    }
}
