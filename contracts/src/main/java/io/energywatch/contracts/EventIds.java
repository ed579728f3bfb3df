package io.energywatch.contracts;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Deterministic event ids: a name-based UUID of the fact's natural key, so a replay produces the same ids. */
public final class EventIds {

    private EventIds() {
    }

    public static String of(String kind, Object... keyParts) {
        StringBuilder sb = new StringBuilder(kind);
        for (Object part : keyParts) {
            sb.append('|').append(part);
        }
        return UUID.nameUUIDFromBytes(sb.toString().getBytes(StandardCharsets.UTF_8)).toString();
    }
}
