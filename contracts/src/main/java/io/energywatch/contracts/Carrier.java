package io.energywatch.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The energy carrier of a series. Written in lower case, as in series ids. */
public enum Carrier {
    ELECTRICITY, GAS;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Carrier fromCode(String code) {
        for (Carrier c : values()) {
            if (c.code().equalsIgnoreCase(code)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown carrier '" + code + "' (expected electricity or gas)");
    }
}
