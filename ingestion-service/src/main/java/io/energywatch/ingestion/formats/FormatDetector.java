package io.energywatch.ingestion.formats;

import io.energywatch.service.csv.Delimited;
import org.jspecify.annotations.Nullable;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides the format of an upload from its first bytes (a requested format overrides the guess), checks that it fits the
 * requested kind, and refuses with a message a person can act on: an empty or binary upload, a wrong encoding, a header
 * split on the wrong delimiter, or a header no format knows.
 */
public final class FormatDetector {

    public static final int HEAD_BYTES = TextEncoding.SNIFF_BYTES;

    /** The columns that identify a format, and the delimiter it is written with. */
    private record Signature(SourceFormat format, char delimiter, List<String> columns) {

        boolean matches(Set<String> keys) {
            return columns.stream().map(Header::key).allMatch(keys::contains);
        }
    }

    private static final List<Signature> SIGNATURES = List.of(
            new Signature(SourceFormat.ODRE_CONSO_BRUTE, ';',
                    List.of("Date - Heure", "Consommation brute électricité (MW) - RTE")),
            new Signature(SourceFormat.ECO2MIX_REGIONAL, ';', List.of("Périmètre", "Nature", "Heures", "Consommation")),
            // ODRÉ's export of the national éCO2mix data names two columns differently.
            new Signature(SourceFormat.ECO2MIX_REGIONAL, ';',
                    List.of("Périmètre", "Nature", "Heure", "Consommation (MW)")),
            new Signature(SourceFormat.SEED_REGIONAL_GAS, ',', List.of("date", "opérateur", "région", "00:00", "movement_social")),
            new Signature(SourceFormat.UCI_MINUTE, ';', List.of("Date", "Time", "Global_active_power")),
            new Signature(SourceFormat.UCI_RESAMPLED, ',', List.of("Datetime", "Global_active_power")),
            new Signature(SourceFormat.UCI_RESAMPLED, ',', List.of("Date", "Hour", "Global_active_power")),
            new Signature(SourceFormat.HISTORIQUE_METEO, ',', List.of("region", "day", "TempMax_Deg")),
            new Signature(SourceFormat.ODRE_TEMPERATURE, ';', List.of("Date", "TMin (°C)", "TMax (°C)")),
            new Signature(SourceFormat.WEATHER_FORECAST, ',', List.of("region", "issued_at", "target_date", "temp_mean_c")),
            new Signature(SourceFormat.SNCF_MOVEMENTS, ';', List.of("Date", "date_de_fin", "Motif exprimé")),
            new Signature(SourceFormat.SNCF_MOVEMENTS, ';', List.of("date_de_debut", "date_de_fin", "motif")));

    private FormatDetector() {
    }

    /** Detects the format of a spooled upload from its first {@link #HEAD_BYTES} bytes. */
    public static SourceFormat detect(Path upload, IngestionKind kind, @Nullable SourceFormat requested,
                                      @Nullable ColumnMapping mapping) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(upload)) {
            head = in.readNBytes(HEAD_BYTES);
        }
        return detect(head, kind, requested, mapping);
    }

    /** Detects the format of {@code in} without consuming it (the stream is reset to where it was). */
    public static SourceFormat detect(BufferedInputStream in, IngestionKind kind, @Nullable SourceFormat requested,
                                      @Nullable ColumnMapping mapping) throws IOException {
        in.mark(HEAD_BYTES);
        byte[] head = in.readNBytes(HEAD_BYTES);
        in.reset();
        return detect(head, kind, requested, mapping);
    }

    /** Detects the format from the first bytes of an upload ({@link #HEAD_BYTES} are enough). */
    public static SourceFormat detect(byte[] head, IngestionKind kind, @Nullable SourceFormat requested,
                                      @Nullable ColumnMapping mapping) {
        if (head.length == 0) {
            throw new UnreadableUploadException("the upload is empty");
        }
        if (head.length >= 2 && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)
                || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE))) {
            throw new UnreadableUploadException("the upload is UTF-16 text; EnergyWatch reads UTF-8 (ISO-8859-1 for "
                    + "éCO2mix files): re-save it as UTF-8");
        }
        for (int i = 0; i < head.length; i++) {
            if (head[i] == 0) {
                throw new UnreadableUploadException("the upload is binary (a NUL byte at offset " + i
                        + "), not a CSV or JSON text file");
            }
        }
        boolean utf8 = TextEncoding.isUtf8(head, head.length);
        String text = new String(head, utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new UnreadableUploadException("the upload is empty (only blank lines)");
        }
        if (!utf8 && controlShare(text) > 0.01) {
            throw new UnreadableUploadException("the upload is binary (not valid UTF-8 and full of control bytes), "
                    + "not a CSV or JSON text file");
        }
        var format = requested != null ? requested : guess(text, utf8, mapping);
        if (format.kind() != kind) {
            throw new UnreadableUploadException("format " + format.code() + " carries " + format.kind().code()
                    + " data, but the upload was sent as " + kind.code());
        }
        if (!utf8 && format != SourceFormat.ECO2MIX_REGIONAL) {
            throw new UnreadableUploadException("the upload is not valid UTF-8 (it reads as ISO-8859-1): format "
                    + format.code() + " must be UTF-8; re-save the file as UTF-8");
        }
        return format;
    }

    private static SourceFormat guess(String text, boolean utf8, @Nullable ColumnMapping mapping) {
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
            return SourceFormat.GENERIC_JSON;
        }
        int newline = text.indexOf('\n');
        String headerLine = (newline < 0 ? text : text.substring(0, newline)).replace("\r", "");
        if (headerLine.contains("Ã")) {
            throw new UnreadableUploadException("the header " + headerLine.strip() + " holds 'Ã' sequences: the file was "
                    + "converted to UTF-8 twice (mojibake); export it again from the source");
        }
        for (Signature signature : SIGNATURES) {
            if (signature.matches(keys(headerLine, signature.delimiter()))) {
                return signature.format();
            }
        }
        for (Signature signature : SIGNATURES) {
            for (char other : Delimited.CANDIDATES) {
                if (other != signature.delimiter() && signature.matches(keys(headerLine, other))) {
                    throw new UnreadableUploadException("the header looks like " + signature.format().code()
                            + " but is separated by " + Delimited.describe(other) + " where that format uses "
                            + Delimited.describe(signature.delimiter()) + "; export it with "
                            + Delimited.describe(signature.delimiter()));
                }
            }
        }
        if (mapping != null) {
            return SourceFormat.GENERIC_CSV;
        }
        char delimiter = Delimited.guess(headerLine);
        throw new UnreadableUploadException("no format recognises the header " + Delimited.trimmed(
                Delimited.by(delimiter).split(headerLine)) + " (split on " + Delimited.describe(delimiter) + ")"
                + (utf8 ? "" : " read as ISO-8859-1 since it is not valid UTF-8")
                + "; formats: " + codes() + "; for other files send format=generic-csv or generic-json with a "
                + "column mapping");
    }

    private static Set<String> keys(String headerLine, char delimiter) {
        return Arrays.stream(Delimited.by(delimiter).split(headerLine)).map(Header::key).collect(Collectors.toSet());
    }

    private static double controlShare(String text) {
        long control = text.chars().filter(c -> (c < 0x20 && c != '\n' && c != '\r' && c != '\t')
                || (c >= 0x7F && c < 0xA0)).count();
        return (double) control / text.length();
    }

    private static String codes() {
        return Arrays.stream(SourceFormat.values()).map(SourceFormat::code).collect(Collectors.joining(", "));
    }
}
