package io.energywatch.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class KindGuessTest {

    @TempDir
    Path temp;

    @Test
    void guessesFromTheFileNameFirst() {
        assertThat(KindGuess.guess("consommation-quotidienne-brute.csv", "")).isEqualTo("consumption");
        assertThat(KindGuess.guess("MeteoFR_2019-01-01_2019-12-31.csv", "")).isEqualTo("weather");
        assertThat(KindGuess.guess("mouvements-sociaux-depuis-2002.csv", "")).isEqualTo("social-movements");
    }

    @Test
    void aConsumptionHeaderWinsOverItsWeatherOrStrikeColumns() {
        assertThat(KindGuess.guess("data.csv", "day,dailyconsumption,avg_mean_temperature")).isEqualTo("consumption");
        assertThat(KindGuess.guess("data.csv", "region,day,TempMax_Deg,TempMin_Deg")).isEqualTo("weather");
        assertThat(KindGuess.guess("x.csv", "date_de_debut;motif;organisations_syndicales")).isEqualTo("social-movements");
        assertThat(KindGuess.guess("x.csv", "timestamp,value")).isEqualTo("consumption");
    }

    @Test
    void triesTheGuessThenTheOtherKindsUnlessOneIsGiven() throws IOException {
        Path file = Files.writeString(temp.resolve("upload.csv"), "region,day,TempMax_Deg\n93,2020-01-01,14\n");

        assertThat(KindGuess.candidates(file, Optional.empty()))
                .containsExactly("weather", "consumption", "social-movements");
        assertThat(KindGuess.candidates(file, Optional.of("consumption"))).containsExactly("consumption");
    }
}
