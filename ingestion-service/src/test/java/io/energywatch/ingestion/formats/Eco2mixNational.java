package io.energywatch.ingestion.formats;

import java.util.List;

/**
 * RTE's national éCO2mix layout, for tests that write their own national files: the header of the annual and real-time
 * files (36 columns, the carbon intensity in {@code Taux de Co2}) and of ODRÉ's export, and a row builder whose other
 * columns hold fixed made-up figures.
 */
public final class Eco2mixNational {

    public static final String HEADER = "Périmètre;Nature;Date;Heures;Consommation;Prévision J-1;Prévision J;Fioul;"
            + "Charbon;Gaz;Nucléaire;Eolien;Solaire;Hydraulique;Pompage;Bioénergies;Ech. physiques;Taux de Co2;"
            + "Ech. comm. Angleterre;Ech. comm. Espagne;Ech. comm. Italie;Ech. comm. Suisse;"
            + "Ech. comm. Allemagne-Belgique;Fioul - TAC;Fioul - Cogén.;Fioul - Autres;Gaz - TAC;Gaz - Cogén.;"
            + "Gaz - CCG;Gaz - Autres;Hydraulique - Fil de l?eau + éclusée;Hydraulique - Lacs;"
            + "Hydraulique - STEP turbinage;Bioénergies - Déchets;Bioénergies - Biomasse;Bioénergies - Biogaz\n";

    public static final String ODRE_HEADER = "Périmètre;Nature;Date;Heure;Date - Heure;Consommation (MW);"
            + "Prévision J-1 (MW);Prévision J (MW);Fioul (MW);Charbon (MW);Gaz (MW);Nucléaire (MW);Eolien (MW);"
            + "Solaire (MW);Hydraulique (MW);Pompage (MW);Bioénergies (MW);Ech. physiques (MW);Taux de CO2 (g/kWh)\n";

    /** Prévision J-1 … Ech. physiques, then the exchanges and sub-sectors after Taux de Co2. */
    private static final List<String> BEFORE_CO2 = List.of("64000", "63900", "250", "0", "3100", "45200", "4100",
            "0", "7900", "-1200", "1100", "-9800");
    private static final List<String> AFTER_CO2 = List.of("-2500", "-1400", "-3100", "-2200", "-600", "10", "200",
            "40", "300", "900", "1800", "100", "5200", "2100", "600", "400", "500", "200");

    private Eco2mixNational() {
    }

    /** One line of a national file; an empty consumption and intensity make a quarter-hour line without values. */
    public static String row(String nature, String date, String time, String consumption, String co2) {
        boolean empty = consumption.isEmpty() && co2.isEmpty();
        var cells = new StringBuilder("France;").append(nature).append(';').append(date).append(';').append(time)
                .append(';').append(consumption);
        BEFORE_CO2.forEach(c -> cells.append(';').append(empty ? "" : c));
        cells.append(';').append(co2);
        AFTER_CO2.forEach(c -> cells.append(';').append(empty ? "" : c));
        return cells.append('\n').toString();
    }
}
