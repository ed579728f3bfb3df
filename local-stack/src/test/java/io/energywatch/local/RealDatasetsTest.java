package io.energywatch.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Which files demo --real uploads, in which order and as what, from a hand-made datasets folder. */
class RealDatasetsTest {

    @TempDir
    Path temp;

    @Test
    void contextComesFirstThenTheNationalFileEachWithItsKindAndFormat() throws IOException {
        Path root = temp.resolve("datasets");
        touch(root.resolve(RealDatasets.NATIONAL_FILE));
        touch(root.resolve("fr_weather/historique_meteo_datacorner/data/FR_Per_Region/MeteoFR_2010-01-01_2010-12-31.csv"));
        touch(root.resolve("fr_weather/historique_meteo_datacorner/data/FR_Per_Region/MeteoFR_2009-01-01_2009-12-31.csv"));
        touch(root.resolve("fr_weather/historique_meteo_datacorner/data/FR_Per_Region/oldReg_MeteoFR_2009-01-01_2009-12-31.csv"));
        touch(root.resolve("fr_weather/temperature-quotidienne-regionale.csv"));
        touch(root.resolve("sncf_strikes/mouvements-sociaux-depuis-2002_a.csv"));
        touch(root.resolve("sncf_strikes/Journees_de_greve_nantes.csv"));

        List<RealDatasets.Upload> uploads = RealDatasets.locate(Optional.of(root), new Workspace(temp)).uploads();

        assertThat(uploads).extracting(upload -> root.relativize(upload.file()).getFileName().toString(),
                RealDatasets.Upload::kind, RealDatasets.Upload::format).containsExactly(
                        tuple("MeteoFR_2009-01-01_2009-12-31.csv", "weather", "historique-meteo"),
                        tuple("MeteoFR_2010-01-01_2010-12-31.csv", "weather", "historique-meteo"),
                        tuple("temperature-quotidienne-regionale.csv", "weather", "odre-temperature"),
                        tuple("mouvements-sociaux-depuis-2002_a.csv", "social-movements",
                                "sncf-movements"),
                        tuple("consommation-quotidienne-brute_2012-2022.csv", "consumption",
                                "odre-conso-brute"));
    }

    @Test
    void theDefaultFolderIsBesideTheCheckout() throws IOException {
        Path checkout = temp.resolve("main");
        touch(temp.resolve("shared/datasets").resolve(RealDatasets.NATIONAL_FILE));

        assertThat(RealDatasets.locate(Optional.empty(), new Workspace(checkout)).root())
                .isEqualTo(temp.resolve("shared/datasets").toAbsolutePath().normalize());
    }

    @Test
    void anAbsentFolderOrNationalFileIsAClearError() throws IOException {
        Path checkout = temp.resolve("main");

        assertThatThrownBy(() -> RealDatasets.locate(Optional.empty(), new Workspace(checkout)))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("does not exist: demo --real reads the public datasets from ../shared/datasets");
        Files.createDirectories(temp.resolve("empty"));
        assertThatThrownBy(() -> RealDatasets.locate(Optional.of(temp.resolve("empty")), new Workspace(checkout)))
                .hasMessageContaining("consommation-quotidienne-brute_2012-2022.csv is missing");
    }

    private static void touch(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "header\n");
    }
}
