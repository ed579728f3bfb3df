package io.energywatch.ingestion.formats;

import io.energywatch.contracts.QualityFlag;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class HistoriqueMeteoParserTest {

    static final String NEW_HEADER = "region,day,TempMax_Deg,TempMin_Deg,Wind_kmh,Wet_percent,Visibility_km,"
            + "CloudCoverage_percent,Dayduration_Min\n";
    static final String OLD_HEADER = ",TempMax_Deg,TempMin_Deg,Wind_kmh,Wet_percent,Visibility_km,CloudCoverage_percent,"
            + "Dayduration_hour,region,day\n";

    @Test
    void aNewRegionLineIsThatRegionsWeather() {
        var sink = RecordingSink.parse(SourceFormat.HISTORIQUE_METEO, NEW_HEADER
                + "Bourgogne-Franche-Comté,2019/01/01,5.0,3.0,6.0,94.0,5.375,83.0,513.5\n");

        assertThat(sink.weather()).singleElement().satisfies(w -> {
            assertThat(w.regionCode()).isEqualTo("27");
            assertThat(w.date()).isEqualTo(LocalDate.of(2019, 1, 1));
            assertThat(w.tempMaxC()).isEqualTo(5.0);
            assertThat(w.tempMinC()).isEqualTo(3.0);
            assertThat(w.tempMeanC()).isEqualTo(4.0);
            assertThat(w.windKmh()).isEqualTo(6.0);
            assertThat(w.humidityPercent()).isEqualTo(94.0);
            assertThat(w.visibilityKm()).isEqualTo(5.375);
            assertThat(w.cloudCoverPercent()).isEqualTo(83.0);
            assertThat(w.dayDurationMin()).isEqualTo(514);
            assertThat(w.source()).isEqualTo("historique-meteo");
            assertThat(w.stations()).isEmpty();
            assertThat(w.flags()).isEmpty();
        });
    }

    @Test
    void oldRegionsFeedingOneNewRegionBecomeTheirMeanNamingTheStations() {
        var sink = RecordingSink.parse(SourceFormat.HISTORIQUE_METEO, OLD_HEADER
                + "alsace_2017/01/01,3,-1,5,56,10,1,8:23:0,alsace,2017/01/01\n"
                + "bretagne_2017/01/01,9,5,20,90,8,70,8:40:0,bretagne,2017/01/01\n"
                + "champagne-ardenne_2017/01/01,5,1,7,60,12,,8:25:0,champagne-ardenne,2017/01/01\n"
                + "lorraine_2017/01/01,4,0,9,70,8,5,8:24:0,lorraine,2017/01/01\n"
                + "centre_2017/01/01,6,2,10,80,9,50,8:30:0,centre,2017/01/01\n"
                + "alsace_2017/01/02,2,-2,5,56,10,1,8:24:0,alsace,2017/01/02\n");

        assertThat(sink.rejected).isEmpty();
        assertThat(sink.weather()).extracting(w -> w.regionCode() + " " + w.date()).containsExactly(
                "53 2017-01-01", "24 2017-01-01", "44 2017-01-01", "44 2017-01-02");
        var grandEst = sink.weather().get(2);
        assertThat(grandEst.tempMaxC()).isEqualTo(4.0);
        assertThat(grandEst.tempMinC()).isEqualTo(0.0);
        assertThat(grandEst.windKmh()).isEqualTo(7.0);
        assertThat(grandEst.cloudCoverPercent()).isEqualTo(3.0);
        assertThat(grandEst.dayDurationMin()).isEqualTo(504);
        assertThat(grandEst.stations()).containsExactly("alsace", "champagne-ardenne", "lorraine");
        assertThat(grandEst.flags()).containsExactly(QualityFlag.MULTI_STATION_MEAN);
        assertThat(sink.accepted.get(2).line()).isEqualTo(2);
        var centre = sink.weather().get(1);
        assertThat(centre.stations()).containsExactly("centre");
        assertThat(centre.flags()).isEmpty();
    }

    @Test
    void theStationsFeedTheirRegionWithTheOldRegions() {
        var sink = RecordingSink.parse(SourceFormat.HISTORIQUE_METEO, OLD_HEADER
                + "ardeche_2017/01/01,8,2,5,56,10,10,8:50:0,ardeche,2017/01/01\n"
                + "rh-ne-alpes_2017/01/01,4,0,5,56,10,20,8:40:0,rh-ne-alpes,2017/01/01\n"
                + "ile-de-re_2017/01/01,10,6,30,85,10,60,8:45:0,ile-de-re,2017/01/01\n");

        assertThat(sink.weather()).extracting(w -> w.regionCode() + " " + w.stations() + " " + w.tempMaxC())
                .containsExactly("75 [ile-de-re] 10.0", "84 [ardeche, rh-ne-alpes] 6.0");
    }

    @Test
    void unknownRegionsAndOutOfRangeMeasuresAreRejectedNamingTheField() {
        var sink = RecordingSink.parse(SourceFormat.HISTORIQUE_METEO, NEW_HEADER
                + "Atlantide,2019/01/01,5,3,6,94,5,83,513\n"
                + "Bretagne,2019/01/01,51,3,6,94,5,83,513\n"
                + "Bretagne,2019/01/02,5,-41,6,94,5,83,513\n"
                + "Bretagne,2019/01/03,5,3,-1,94,5,83,513\n"
                + "Bretagne,2019/01/04,5,3,6,101,5,83,513\n"
                + "Bretagne,2019/01/05,5,3,6,94,-0.5,83,513\n"
                + "Bretagne,2019/01/06,5,3,6,94,5,120,513\n"
                + "Bretagne,2019/01/07,12,5a,6,94,5,83,513\n"
                + "Bretagne,2019/01/08,12,5,6,94,5,83,513\n");

        assertThat(sink.rejected).extracting(r -> r.field() + ": " + r.reason()).containsExactly(
                "region: region 'Atlantide' is not a known region, old region or station",
                "TempMax_Deg: TempMax_Deg '51' is outside -40..50 °C",
                "TempMin_Deg: TempMin_Deg '-41' is outside -40..50 °C",
                "Wind_kmh: Wind_kmh '-1' is negative",
                "Wet_percent: Wet_percent '101' is outside 0..100 %",
                "Visibility_km: Visibility_km '-0.5' is negative",
                "CloudCoverage_percent: CloudCoverage_percent '120' is outside 0..100 %",
                "TempMin_Deg: TempMin_Deg '5a' is not a number");
        assertThat(sink.weather()).singleElement().satisfies(w -> assertThat(w.date()).isEqualTo(LocalDate.of(2019, 1, 8)));
    }

    @Test
    void aBlankMeasureIsNullAndFlaggedMissing() {
        var sink = RecordingSink.parse(SourceFormat.HISTORIQUE_METEO, NEW_HEADER
                + "Corse,2019/01/01,,3,6,94,5,83,513\n");

        assertThat(sink.weather()).singleElement().satisfies(w -> {
            assertThat(w.tempMaxC()).isNull();
            assertThat(w.tempMeanC()).isNull();
            assertThat(w.regionCode()).isEqualTo("94");
            assertThat(w.flags()).containsExactly(QualityFlag.MISSING);
        });
    }
}
