package io.energywatch.analytics.registry;

import java.util.regex.Pattern;

/**
 * What a model id and a version may look like wherever a caller names them (REST paths, bodies, parameters): letters,
 * digits and {@code . _ : -}, starting with a letter or digit. Ids become folder names in {@link LocalModelRegistry}
 * and path segments of MLflow calls, so neither {@code /}, {@code \} nor a leading dot can get through.
 */
public final class ModelIds {

    /** A model id: {@code anomaly-forest.electricity.sim.PT30M}, {@code forecast.electricity:FR:odre:P1D.h1}. */
    public static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._:-]{0,199}";
    /** A version: {@code 3}, or an MLflow version name. */
    public static final String VERSION_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    private static final Pattern ID = Pattern.compile(ID_PATTERN);
    private static final Pattern VERSION = Pattern.compile(VERSION_PATTERN);

    private ModelIds() {
    }

    public static boolean isId(String text) {
        return text != null && ID.matcher(text).matches();
    }

    public static boolean isVersion(String text) {
        return text != null && VERSION.matcher(text).matches();
    }
}
