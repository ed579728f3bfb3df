package io.energywatch.fusion.config;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * The aliases of the fusion's indices and the monthly indices behind them ({@code <alias>-yyyy.MM}, by local month, so
 * a record always lands in the same index and a redelivery overwrites it).
 */
public record IndexNames(String enrichedAlias, String dailyAlias) {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy.MM");

    public String enrichedIndex(LocalDate localDate) {
        return enrichedAlias + "-" + MONTH.format(localDate);
    }

    public String dailyIndex(LocalDate localDate) {
        return dailyAlias + "-" + MONTH.format(localDate);
    }
}
