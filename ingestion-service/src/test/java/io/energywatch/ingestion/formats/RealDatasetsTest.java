package io.energywatch.ingestion.formats;

import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.EnergyWatchEvent;
import io.energywatch.contracts.QualityFlag;
import io.energywatch.contracts.SocialMovementDeclared;
import io.energywatch.contracts.WeatherObserved;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Parses every real file of the shared datasets and checks the counts against figures computed independently with Python
 * over the same files (row counts, DST-gap and repeated-hour lines, empty cells). They prove the parsers read the real
 * formats end to end, which the hand-written fixtures cannot.
 */
class RealDatasetsTest {

    private static Path datasets;

    /** Counts outcomes without keeping the events: the seed file alone yields 800,000 records. */
    static final class CountingSink implements RecordSink {
        long consumption;
        long weather;
        long movements;
        long rejected;
        long missing;
        long ambiguous;
        long multiStation;
        final TreeMap<String, Long> rejectedByReason = new TreeMap<>();
        final TreeMap<String, Long> consumptionBySeries = new TreeMap<>();
        private long lastLine;
        boolean linesInOrder = true;

        @Override
        public void accept(long line, EnergyWatchEvent event) {
            switch (event) {
                case ConsumptionMeasured c -> {
                    consumption++;
                    consumptionBySeries.merge(c.seriesId(), 1L, Long::sum);
                    missing += c.flags().contains(QualityFlag.MISSING) ? 1 : 0;
                    ambiguous += c.flags().contains(QualityFlag.DST_AMBIGUOUS) ? 1 : 0;
                }
                case WeatherObserved w -> {
                    weather++;
                    missing += w.flags().contains(QualityFlag.MISSING) ? 1 : 0;
                    multiStation += w.flags().contains(QualityFlag.MULTI_STATION_MEAN) ? 1 : 0;
                }
                case SocialMovementDeclared m -> movements++;
                default -> throw new AssertionError("unexpected event " + event);
            }
            track(line);
        }

        @Override
        public void reject(long line, @Nullable String field, String reason, String raw) {
            rejected++;
            String kind = reason.contains("DST gap") ? "DST gap" : reason.contains("off the hourly gas grid")
                    ? "off the hourly gas grid" : reason;
            rejectedByReason.merge(kind, 1L, Long::sum);
            track(line);
        }

        private void track(long line) {
            linesInOrder &= line >= lastLine;
            lastLine = line;
        }
    }

    @BeforeAll
    static void findDatasets() {
        String property = System.getProperty("energywatch.datasets", "../../shared/datasets");
        datasets = Path.of(property).toAbsolutePath().normalize();
        assumeTrue(Files.isDirectory(datasets.resolve("fr_national_conso_odre")),
                "shared datasets not found at " + datasets + ": skipping");
    }

    private static CountingSink parse(SourceFormat format, String... files) throws IOException {
        var sink = new CountingSink();
        for (String file : files) {
            Path path = datasets.resolve(file);
            assertThat(FormatDetector.detect(path, format.kind(), null, null)).as(file).isEqualTo(format);
            try (InputStream in = Files.newInputStream(path)) {
                new SourceParsers().forFormat(format).parse(in, new ParseContext(path.getFileName().toString(), "job",
                        RecordingSink.INGESTED_AT, ParseContext.PARIS, null), sink);
            }
        }
        return sink;
    }

    private static String[] filesIn(String folder, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(datasets.resolve(folder))) {
            return files.map(p -> folder + "/" + p.getFileName())
                    .filter(p -> p.substring(folder.length() + 1).startsWith(prefix)).sorted().toArray(String[]::new);
        }
    }

    @Test
    void theOdreNationalFileGivesEveryHalfHourOfElectricityAndEveryFullHourOfGas() throws IOException {
        var sink = parse(SourceFormat.ODRE_CONSO_BRUTE, "fr_national_conso_odre/consommation-quotidienne-brute_2012-2022.csv");

        // 192,866 lines; 22 local 02:00/02:30 lines on spring-forward days (11 of them full hours with gas).
        assertThat(sink.consumptionBySeries).containsEntry("electricity:FR:odre:PT30M", 192_844L)
                .containsEntry("gas:FR:odre:PT1H", 96_422L).hasSize(2);
        assertThat(sink.missing).isEqualTo(52);
        assertThat(sink.rejectedByReason).containsEntry("DST gap", 33L).containsEntry("off the hourly gas grid", 48L)
                .hasSize(2);
        assertThat(sink.linesInOrder).isTrue();
    }

    @Test
    void theEco2mixFilesGiveOneRecordPerHalfHourWithTheDstDaysHandled() throws IOException {
        var sink = parse(SourceFormat.ECO2MIX_REGIONAL, filesIn("fr_regional_eco2mix/raw", "eCO2mix_RTE_"));

        // 6 files x 17,520 half-hours; per file 2 in the spring gap and 2 in the unrepeated autumn hour; 2013 opens with ND.
        assertThat(sink.consumptionBySeries).containsEntry("electricity:32:eco2mix:PT30M", 35_036L)
                .containsEntry("electricity:75:eco2mix:PT30M", 35_036L)
                .containsEntry("electricity:93:eco2mix:PT30M", 35_036L).hasSize(3);
        assertThat(sink.rejectedByReason).containsOnly(java.util.Map.entry("DST gap", 12L));
        assertThat(sink.ambiguous).isEqualTo(12);
        assertThat(sink.missing).isEqualTo(3);
    }

    @Test
    void theSeedGasFilesGive24HoursPerLineAndTheirMovements() throws IOException {
        var sink = parse(SourceFormat.SEED_REGIONAL_GAS, filesIn("seed_detectionanomalie", "df_part"));

        // 33,720 lines x 24 hours, minus the 02:00 hour of the 90 spring-forward lines; 634 empty hours; 1,929 True flags.
        assertThat(sink.consumption).isEqualTo(809_190);
        assertThat(sink.rejectedByReason).containsOnly(java.util.Map.entry("DST gap", 90L));
        assertThat(sink.missing).isEqualTo(634);
        assertThat(sink.ambiguous).isEqualTo(90);
        assertThat(sink.movements).isEqualTo(1_929);
        assertThat(sink.consumptionBySeries).hasSize(15);
    }

    @Test
    void theUciResampledFilesGiveHourlyAndDailyRecords() throws IOException {
        var hourlyMeans = parse(SourceFormat.UCI_RESAMPLED, "uci_household_power/household_power_consumption_hourly_mean.csv");
        var hourlySums = parse(SourceFormat.UCI_RESAMPLED,
                "uci_household_power/household_power_consumption_hourly_sum_mtadgat.csv");
        var days = parse(SourceFormat.UCI_RESAMPLED, "uci_household_power/household_power_consumption_days.csv");

        // 34,589 and 24,118 rows, each with 4 spring-forward 02:00 rows and 4 unrepeated autumn 02:00 rows; 1,442 days.
        assertThat(hourlyMeans.consumption).isEqualTo(34_585);
        assertThat(hourlyMeans.rejectedByReason).containsOnly(java.util.Map.entry("DST gap", 4L));
        assertThat(hourlyMeans.ambiguous).isEqualTo(4);
        assertThat(hourlySums.consumption).isEqualTo(24_114);
        assertThat(hourlySums.rejectedByReason).containsOnly(java.util.Map.entry("DST gap", 4L));
        assertThat(days.consumptionBySeries).containsOnly(java.util.Map.entry("electricity:meter-uci-1:uci:P1D", 1_442L));
        assertThat(days.rejected).isZero();
    }

    @Test
    void theHistoriqueMeteoFilesGiveOneRecordPerRegionAndDay() throws IOException {
        var newRegions = parse(SourceFormat.HISTORIQUE_METEO,
                filesIn("fr_weather/historique_meteo_datacorner/data/FR_Per_Region", "MeteoFR_"));
        var oldRegions = parse(SourceFormat.HISTORIQUE_METEO,
                filesIn("fr_weather/historique_meteo_datacorner/data/FR_Per_Region", "oldReg_"));

        // New: 52,967 lines, 41 with a blank measure. Old: 101,520 lines of 23 names fold into 57,381 region-days,
        // 26,484 of them means of several stations, 40 with a measure no station gave.
        assertThat(newRegions.weather).isEqualTo(52_967);
        assertThat(newRegions.missing).isEqualTo(41);
        assertThat(newRegions.rejected).isZero();
        assertThat(oldRegions.weather).isEqualTo(57_381);
        assertThat(oldRegions.multiStation).isEqualTo(26_484);
        assertThat(oldRegions.missing).isEqualTo(40);
        assertThat(oldRegions.rejected).isZero();
    }

    @Test
    void theOdreTemperatureFilesGiveOneRecordPerLine() throws IOException {
        var current = parse(SourceFormat.ODRE_TEMPERATURE, "fr_weather/temperature-quotidienne-regionale.csv");
        var older = parse(SourceFormat.ODRE_TEMPERATURE,
                "fr_weather/temperature-quotidienne-regionale_jeanmidevacc_2016-2019.csv");

        assertThat(current.weather).isEqualTo(46_709);
        assertThat(current.rejected).isZero();
        assertThat(older.weather).isEqualTo(18_044);
        assertThat(older.rejected).isZero();
    }

    @Test
    void bothSncfExportsGiveOneNationalMovementPerLine() throws IOException {
        var gaspard = parse(SourceFormat.SNCF_MOVEMENTS, "sncf_strikes/mouvements-sociaux-depuis-2002_gaspard0302.csv");
        var nantes = parse(SourceFormat.SNCF_MOVEMENTS, "sncf_strikes/mouvements-sociaux-depuis-2002_nantesmetropole.csv");

        assertThat(gaspard.movements).isEqualTo(465);
        assertThat(nantes.movements).isEqualTo(413);
        assertThat(List.of(gaspard.rejected, nantes.rejected)).containsOnly(0L);
    }
}
