package io.energywatch.anomaly.detection;

import io.energywatch.analytics.anomaly.DetectorConfig;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The detector's configuration as YAML: a preset ({@code detector-presets/<name>.yml} on the classpath, its keys the
 * groups and settings of {@link DetectorConfig} in kebab case) with overrides of single settings on top (from
 * application.yml, or {@code -Dew.<group>.<setting>=value} in the evaluation commands), bound by Spring's
 * {@link Binder} so every value is converted and validated as a configuration property is: a bad value fails naming its
 * setting, an override that names no setting fails instead of being ignored.
 */
public final class DetectorPresets {

    private static final String DIRECTORY = "detector-presets/";

    private DetectorPresets() {
    }

    /**
     * @param preset    the preset's name ({@code nab}, {@code consumption})
     * @param overrides settings replaced, keyed {@code group.setting} ({@code alarm.z}, {@code profile.window})
     * @throws IllegalArgumentException for an unknown preset, an unknown setting or a value that does not bind or
     *                                  validate, with the setting's name
     */
    public static DetectorConfig load(String preset, Map<String, String> overrides) {
        var sources = new ArrayList<ConfigurationPropertySource>();
        if (!overrides.isEmpty()) {
            sources.add(new MapConfigurationPropertySource(overrides));
        }
        sources.add(presetSource(preset));
        Binder binder = new Binder(sources, null, ApplicationConversionService.getSharedInstance());
        try {
            return binder.bindOrCreate(ConfigurationPropertyName.EMPTY, Bindable.of(DetectorConfig.class),
                    new NoUnboundElementsBindHandler(BindHandler.DEFAULT));
        } catch (BindException e) {
            throw new IllegalArgumentException("detector preset " + preset + " with overrides " + overrides
                    + " does not bind: " + reason(e), e);
        }
    }

    /**
     * {@code preset} with the system properties that start with {@code prefix} as overrides: the evaluation commands'
     * ablation switch ({@code -Dew.alarm.z=4.5} with prefix {@code "ew."}).
     */
    public static DetectorConfig load(String preset, Properties properties, String prefix) {
        var overrides = new TreeMap<String, String>();
        properties.stringPropertyNames().stream().filter(n -> n.startsWith(prefix))
                .forEach(n -> overrides.put(n.substring(prefix.length()), properties.getProperty(n)));
        return load(preset, overrides);
    }

    private static ConfigurationPropertySource presetSource(String preset) {
        var resource = new ClassPathResource(DIRECTORY + preset + ".yml");
        if (!preset.matches("[a-z0-9-]+") || !resource.exists()) {
            throw new IllegalArgumentException("no detector preset " + preset + " (" + DIRECTORY + preset + ".yml)");
        }
        try {
            var loaded = new YamlPropertySourceLoader().load(DIRECTORY + preset + ".yml", resource);
            return ConfigurationPropertySource.from(loaded.getFirst());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read detector preset " + preset, e);
        }
    }

    /** The innermost message: the record's validation ("detector alarm.z must be positive, was 0.0") or the binder's. */
    private static String reason(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
