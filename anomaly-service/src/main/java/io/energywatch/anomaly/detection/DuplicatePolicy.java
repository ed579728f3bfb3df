package io.energywatch.anomaly.detection;

import io.energywatch.service.web.ProblemError;
import io.energywatch.service.web.ProblemException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What {@code /detect} does with rows sharing a timestamp ({@code duplicates=}): keep the first or the last in file
 * order, merge them into their mean, or refuse the upload (the strict order the detector needed before).
 */
enum DuplicatePolicy {
    FIRST, LAST, MEAN, REJECT;

    static final String PARAMETER = "duplicates";

    static DuplicatePolicy parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-request", PARAMETER + " is not a duplicates policy",
                    List.of(ProblemError.field(PARAMETER, text, "expected one of " + names())));
        }
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static String names() {
        return String.join("|", Arrays.stream(values()).map(DuplicatePolicy::label).toList());
    }
}
