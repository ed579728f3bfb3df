package io.energywatch.ingestion.formats;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The parser of every {@link SourceFormat}. Parsers keep no state between uploads, so one instance serves all jobs. */
public final class SourceParsers {

    private final Map<SourceFormat, SourceParser> byFormat = new EnumMap<>(SourceFormat.class);

    public SourceParsers() {
        for (SourceParser parser : List.of(new OdreConsoBruteParser(), new Eco2mixRegionalParser(),
                new SeedRegionalGasParser(), new UciMinuteParser(), new UciResampledParser(), new HistoriqueMeteoParser(),
                new OdreTemperatureParser(), new SncfMovementsParser(), new GenericCsvParser(), new GenericJsonParser(),
                new WeatherForecastParser())) {
            byFormat.put(parser.format(), parser);
        }
    }

    public SourceParser forFormat(SourceFormat format) {
        var parser = byFormat.get(format);
        if (parser == null) {
            throw new IllegalStateException("no parser for format " + format.code());
        }
        return parser;
    }

    public Collection<SourceParser> all() {
        return Collections.unmodifiableCollection(byFormat.values());
    }
}
