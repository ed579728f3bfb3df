package io.energywatch.fusion.config;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The aliases of the fusion's indices and the monthly indices behind them ({@code <alias>-yyyy.MM}, by local month, so
 * a record always lands in the same index and a redelivery overwrites it).
 */
public record IndexNames(String enrichedAlias, String dailyAlias) {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy.MM");

    public String enrichedIndex(LocalDate localDate) {
        return enrichedAlias + "-" + MONTH.format(localDate);
    }

    /**
     * The monthly enriched indices holding the local days {@code from} to {@code to}: what a query about those days
     * needs to refresh and search, instead of every month behind the alias. Some may not exist yet.
     */
    public List<String> enrichedIndices(LocalDate from, LocalDate to) {
        List<String> indices = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            indices.add(enrichedIndex(m.atDay(1)));
        }
        return indices;
    }

    public String dailyIndex(LocalDate localDate) {
        return dailyAlias + "-" + MONTH.format(localDate);
    }
}
