package io.energywatch.contracts;

import org.jspecify.annotations.Nullable;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The region registry of shared/DESIGN.md: the 13 metropolitan regions by INSEE code, and every spelling the sources use
 * for them: accents or not, any case, historique-meteo's old-region slugs (some mangled, such as
 * {@code provence-alpes-c-te-d-azur}) and its two local stations ({@code ardeche}, {@code ile-de-re}).
 */
public final class Regions {

    public static final List<Region> ALL = List.of(
            new Region("11", "Île-de-France", 12_317_000, 48.857, 2.352),
            new Region("24", "Centre-Val de Loire", 2_573_000, 47.903, 1.909),
            new Region("27", "Bourgogne-Franche-Comté", 2_800_000, 47.322, 5.041),
            new Region("28", "Normandie", 3_327_000, 49.443, 1.099),
            new Region("32", "Hauts-de-France", 5_998_000, 50.629, 3.057),
            new Region("44", "Grand Est", 5_561_000, 48.573, 7.752),
            new Region("52", "Pays de la Loire", 3_873_000, 47.218, -1.554),
            new Region("53", "Bretagne", 3_395_000, 48.117, -1.678),
            new Region("75", "Nouvelle-Aquitaine", 6_082_000, 44.838, -0.579),
            new Region("76", "Occitanie", 6_022_000, 43.605, 1.444),
            new Region("84", "Auvergne-Rhône-Alpes", 8_114_000, 45.764, 4.836),
            new Region("93", "Provence-Alpes-Côte d'Azur", 5_131_000, 43.296, 5.370),
            new Region("94", "Corse", 344_000, 41.919, 8.739));

    private static final Map<String, Region> BY_CODE = new LinkedHashMap<>();
    private static final Map<String, Region> BY_SLUG = new LinkedHashMap<>();
    /** Old regions and historique-meteo stations whose data stands for part of a new region. */
    private static final Map<String, String> PARTIAL = new LinkedHashMap<>();

    static {
        for (Region r : ALL) {
            BY_CODE.put(r.code(), r);
            BY_SLUG.put(slug(r.name()), r);
        }
        alias("11", "ile-de-france", "idf", "paris");
        alias("24", "centre-val-de-loire");
        alias("93", "provence-alpes-c-te-d-azur", "paca", "provence-alpes-cote-dazur");
        alias("84", "auvergne-rhone-alpes", "ara");
        alias("27", "bourgogne-franche-comte");
        // Old regions (before 2016) feed their new region; several may feed one new region on a day.
        partial("44", "alsace", "champagne-ardenne", "lorraine");
        partial("75", "aquitaine", "limousin", "poitou-charentes", "ile-de-re");
        partial("84", "auvergne", "rh-ne-alpes", "rhone-alpes", "ardeche");
        partial("27", "bourgogne", "franche-comte");
        partial("24", "centre");
        partial("76", "languedoc-roussillon", "midi-pyrenees");
        partial("32", "nord-pas-de-calais", "picardie");
        partial("28", "basse-normandie", "haute-normandie");
    }

    private Regions() {
    }

    private static void alias(String code, String... slugs) {
        for (String s : slugs) {
            BY_SLUG.put(s, BY_CODE.get(code));
        }
    }

    private static void partial(String code, String... slugs) {
        for (String s : slugs) {
            BY_SLUG.put(s, BY_CODE.get(code));
            PARTIAL.put(s, code);
        }
    }

    public static Optional<Region> byCode(@Nullable String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.trim();
        return Optional.ofNullable(BY_CODE.get(c.length() == 1 ? "0" + c : c));
    }

    /** Resolves a code, an official name in any spelling, or an old-region or station slug. */
    public static Optional<Region> resolve(@Nullable String nameOrCode) {
        if (nameOrCode == null || nameOrCode.isBlank()) {
            return Optional.empty();
        }
        Optional<Region> byCode = byCode(nameOrCode);
        return byCode.isPresent() ? byCode : Optional.ofNullable(BY_SLUG.get(slug(nameOrCode)));
    }

    /** True when the name is an old region or a local station: its values stand for part of its new region only. */
    public static boolean isPartial(String name) {
        return PARTIAL.containsKey(slug(name));
    }

    public static Region require(String code) {
        return byCode(code).orElseThrow(() -> new IllegalArgumentException("unknown region code '" + code + "'"));
    }

    public static long totalPopulation() {
        return ALL.stream().mapToLong(Region::population).sum();
    }

    /** Lower case, accents removed, every run of other characters a single '-'. */
    static String slug(String s) {
        String noAccents = Normalizer.normalize(s.trim(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return noAccents.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
