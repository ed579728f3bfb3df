package io.energywatch.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Units a consumption value can be read in. Power units are averages over the interval; energy units are totals over it.
 * Conversions to the platform's normalised MW and MWh go through {@link #toMw(double, double)} and {@link #toMwh(double, double)}.
 */
public enum MeasurementUnit {
    MW("MW", true, 1.0),
    KW("kW", true, 1e-3),
    MWH("MWh", false, 1.0),
    KWH("kWh", false, 1e-3),
    GWH("GWh", false, 1e3);

    private final String symbol;
    private final boolean power;
    private final double toMega;

    MeasurementUnit(String symbol, boolean power, double toMega) {
        this.symbol = symbol;
        this.power = power;
        this.toMega = toMega;
    }

    @JsonValue
    public String symbol() {
        return symbol;
    }

    public boolean isPower() {
        return power;
    }

    /** Average power in MW over an interval of {@code hours}. */
    public double toMw(double value, double hours) {
        return power ? value * toMega : value * toMega / hours;
    }

    /** Energy in MWh over an interval of {@code hours}. */
    public double toMwh(double value, double hours) {
        return power ? value * toMega * hours : value * toMega;
    }

    @JsonCreator
    public static MeasurementUnit fromSymbol(String symbol) {
        for (MeasurementUnit u : values()) {
            if (u.symbol.equalsIgnoreCase(symbol.trim())) {
                return u;
            }
        }
        throw new IllegalArgumentException("unknown unit '" + symbol + "' (expected MW, kW, MWh, kWh or GWh)");
    }
}
