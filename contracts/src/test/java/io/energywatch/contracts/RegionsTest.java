package io.energywatch.contracts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RegionsTest {

    @Test
    void resolvesEveryHistoriqueMeteoSpellingToItsNewRegion() {
        assertThat(code("Provence-Alpes-Côte d'Azur")).isEqualTo("93");
        assertThat(code("provence-alpes-c-te-d-azur")).isEqualTo("93");
        assertThat(code("ÎLE-DE-FRANCE")).isEqualTo("11");
        assertThat(code("ile-de-france")).isEqualTo("11");
        assertThat(code("rh-ne-alpes")).isEqualTo("84");
        assertThat(code("ardeche")).isEqualTo("84");
        assertThat(code("ile-de-re")).isEqualTo("75");
        assertThat(code("alsace")).isEqualTo("44");
        assertThat(code("champagne-ardenne")).isEqualTo("44");
        assertThat(code("basse-normandie")).isEqualTo("28");
        assertThat(code("nord-pas-de-calais")).isEqualTo("32");
        assertThat(code("languedoc-roussillon")).isEqualTo("76");
        assertThat(code("franche-comte")).isEqualTo("27");
        assertThat(code("centre")).isEqualTo("24");
        assertThat(code("Centre-Val de Loire")).isEqualTo("24");
        assertThat(code("53")).isEqualTo("53");
    }

    @Test
    void knowsWhichNamesStandForPartOfARegion() {
        assertThat(Regions.isPartial("alsace")).isTrue();
        assertThat(Regions.isPartial("ardeche")).isTrue();
        assertThat(Regions.isPartial("Grand Est")).isFalse();
        assertThat(Regions.isPartial("normandie")).isFalse();
    }

    @Test
    void rejectsUnknownRegions() {
        assertThat(Regions.resolve("Atlantis")).isEmpty();
        assertThat(Regions.resolve("99")).isEmpty();
        assertThat(Regions.resolve("")).isEmpty();
    }

    @Test
    void hasThirteenRegionsWithTheirPopulation() {
        assertThat(Regions.ALL).hasSize(13);
        assertThat(Regions.totalPopulation()).isBetween(65_000_000L, 66_000_000L);
    }

    private static String code(String name) {
        return Regions.resolve(name).orElseThrow(() -> new AssertionError("unresolved: " + name)).code();
    }
}
