package io.energywatch.analytics.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One French public holiday (jour férié).
 *
 * @param date the local day
 * @param name its French name, e.g. {@code Lundi de Pâques}
 */
public record PublicHoliday(LocalDate date, String name) {

    public PublicHoliday {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(name, "name");
    }
}
