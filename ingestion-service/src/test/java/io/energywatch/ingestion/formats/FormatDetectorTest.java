package io.energywatch.ingestion.formats;

import io.energywatch.contracts.MeasurementUnit;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormatDetectorTest {

    private static SourceFormat detect(String text, IngestionKind kind) {
        return FormatDetector.detect(text.getBytes(StandardCharsets.UTF_8), kind, null, null);
    }

    @Test
    void everyKnownSourceIsRecognisedFromItsHeader() {
        assertThat(detect(OdreConsoBruteParserTest.HEADER, IngestionKind.CONSUMPTION))
                .isEqualTo(SourceFormat.ODRE_CONSO_BRUTE);
        assertThat(FormatDetector.detect(Eco2mixRegionalParserTest.HEADER.getBytes(StandardCharsets.ISO_8859_1),
                IngestionKind.CONSUMPTION, null, null)).isEqualTo(SourceFormat.ECO2MIX_REGIONAL);
        assertThat(detect(SeedRegionalGasParserTest.HEADER, IngestionKind.CONSUMPTION))
                .isEqualTo(SourceFormat.SEED_REGIONAL_GAS);
        assertThat(detect("Date;Time;Global_active_power;Voltage\n", IngestionKind.CONSUMPTION))
                .isEqualTo(SourceFormat.UCI_MINUTE);
        assertThat(detect("Datetime,Global_active_power,Voltage\n", IngestionKind.CONSUMPTION))
                .isEqualTo(SourceFormat.UCI_RESAMPLED);
        assertThat(detect("Date,Hour,Global_active_power,Datetime\n", IngestionKind.CONSUMPTION))
                .isEqualTo(SourceFormat.UCI_RESAMPLED);
        assertThat(detect(HistoriqueMeteoParserTest.OLD_HEADER, IngestionKind.WEATHER))
                .isEqualTo(SourceFormat.HISTORIQUE_METEO);
        assertThat(detect("\uFEFFID;Date;Code INSEE région;Région;TMin (°C);TMax (°C);TMoy (°C)\n", IngestionKind.WEATHER))
                .isEqualTo(SourceFormat.ODRE_TEMPERATURE);
        assertThat(detect("date_de_debut;date_de_fin;motif;organisations_syndicales\n", IngestionKind.SOCIAL_MOVEMENTS))
                .isEqualTo(SourceFormat.SNCF_MOVEMENTS);
        assertThat(detect("  [{\"ts\": 1}]", IngestionKind.CONSUMPTION)).isEqualTo(SourceFormat.GENERIC_JSON);
    }

    @Test
    void aRequestedFormatOverridesTheGuessAndAMappingMakesAnUnknownHeaderGeneric() {
        var mapping = new ColumnMapping("ts", "v", MeasurementUnit.KW, null, null, null,
                "electricity:meter-1:ext-x:PT1H", null, null, null, List.of());
        assertThat(FormatDetector.detect("ts,v\n".getBytes(StandardCharsets.UTF_8), IngestionKind.CONSUMPTION,
                SourceFormat.GENERIC_CSV, mapping)).isEqualTo(SourceFormat.GENERIC_CSV);
        assertThat(FormatDetector.detect("ts;v\n".getBytes(StandardCharsets.UTF_8), IngestionKind.CONSUMPTION, null,
                mapping)).isEqualTo(SourceFormat.GENERIC_CSV);
    }

    @Test
    void anEmptyUploadIsRefused() {
        assertThatThrownBy(() -> FormatDetector.detect(new byte[0], IngestionKind.CONSUMPTION, null, null))
                .isInstanceOf(UnreadableUploadException.class).hasMessage("the upload is empty");
        assertThatThrownBy(() -> detect("\uFEFF \n\n", IngestionKind.CONSUMPTION))
                .isInstanceOf(UnreadableUploadException.class).hasMessage("the upload is empty (only blank lines)");
    }

    @Test
    void binaryGarbageIsRefused() {
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};
        assertThatThrownBy(() -> FormatDetector.detect(zip, IngestionKind.CONSUMPTION, null, null))
                .isInstanceOf(UnreadableUploadException.class)
                .hasMessage("the upload is binary (a NUL byte at offset 5), not a CSV or JSON text file");
        byte[] noise = new byte[256];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (byte) (0x80 + (i * 7) % 0x20 + 1);
        }
        assertThatThrownBy(() -> FormatDetector.detect(noise, IngestionKind.CONSUMPTION, null, null))
                .isInstanceOf(UnreadableUploadException.class).hasMessageStartingWith("the upload is binary");
    }

    @Test
    void anUnknownHeaderSaysWhatWasSeenAndWhichFormatsExist() {
        assertThatThrownBy(() -> detect("when,how much\n2024-01-01,3\n", IngestionKind.CONSUMPTION))
                .isInstanceOf(UnreadableUploadException.class)
                .hasMessageStartingWith("no format recognises the header [when, how much] (split on ',')")
                .hasMessageContaining("formats: odre-conso-brute, eco2mix-regional, seed-regional-gas, uci-minute, "
                        + "uci-resampled, historique-meteo, odre-temperature, sncf-movements, generic-csv, generic-json")
                .hasMessageContaining("column mapping");
    }

    @Test
    void anOdreFileWithCommasIsRefusedForItsDelimiter() {
        assertThatThrownBy(() -> detect(OdreConsoBruteParserTest.HEADER.replace(';', ','), IngestionKind.CONSUMPTION))
                .isInstanceOf(UnreadableUploadException.class)
                .hasMessage("the header looks like odre-conso-brute but is separated by ',' where that format uses ';'; "
                        + "export it with ';'");
    }

    @Test
    void aUtf8FormatSavedAsLatin1OrUtf16IsRefusedForItsEncoding() {
        byte[] latin1 = "Date;Code INSEE région;Région;TMin (°C);TMax (°C);TMoy (°C)\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> FormatDetector.detect(latin1, IngestionKind.WEATHER, null, null))
                .isInstanceOf(UnreadableUploadException.class)
                .hasMessage("the upload is not valid UTF-8 (it reads as ISO-8859-1): format odre-temperature must be "
                        + "UTF-8; re-save the file as UTF-8");
        byte[] utf16 = "Date;Time\n".getBytes(StandardCharsets.UTF_16);
        assertThatThrownBy(() -> FormatDetector.detect(utf16, IngestionKind.CONSUMPTION, null, null))
                .isInstanceOf(UnreadableUploadException.class).hasMessageStartingWith("the upload is UTF-16 text");
        byte[] doubleEncoded = new String(Eco2mixRegionalParserTest.HEADER.getBytes(StandardCharsets.UTF_8),
                StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> FormatDetector.detect(doubleEncoded, IngestionKind.CONSUMPTION, null, null))
                .isInstanceOf(UnreadableUploadException.class).hasMessageContaining("mojibake");
    }

    @Test
    void aFormatOfAnotherKindIsRefused() {
        assertThatThrownBy(() -> detect(HistoriqueMeteoParserTest.NEW_HEADER, IngestionKind.CONSUMPTION))
                .isInstanceOf(UnreadableUploadException.class)
                .hasMessage("format historique-meteo carries weather data, but the upload was sent as consumption");
        assertThatThrownBy(() -> FormatDetector.detect("x\n".getBytes(StandardCharsets.UTF_8),
                IngestionKind.SOCIAL_MOVEMENTS, SourceFormat.UCI_MINUTE, null))
                .isInstanceOf(UnreadableUploadException.class)
                .hasMessage("format uci-minute carries consumption data, but the upload was sent as social-movements");
    }
}
