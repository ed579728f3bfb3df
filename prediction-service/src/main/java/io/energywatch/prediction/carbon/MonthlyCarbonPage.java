package io.energywatch.prediction.carbon;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * The printable monthly carbon report ("rapport d'empreinte carbone"): totals, per model and per service, the energy
 * methods used, the method's constants and equivalences. Plain HTML with its own print style, no script.
 */
final class MonthlyCarbonPage {

    private MonthlyCarbonPage() {
    }

    /**
     * @param carKgPerKm the car equivalence's factor, kg CO2e per km
     */
    static String render(YearMonth month, ZoneId zone, CarbonReport byModel, CarbonReport byService,
                         double carKgPerKm) {
        CarbonFigures t = byModel.totals();
        var h = new StringBuilder(8_192);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>EnergyWatch carbon report ").append(month).append("</title>\n")
                .append("<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}")
                .append("table{border-collapse:collapse;margin:1em 0;width:100%}")
                .append("th,td{border:1px solid #bbb;padding:.3em .6em;text-align:right}")
                .append("th:first-child,td:first-child{text-align:left}")
                .append("th{background:#eee}.note{color:#555;font-size:.9em}")
                .append("@media print{body{margin:0}a{color:inherit;text-decoration:none}}\n")
                .append("</style>\n</head>\n<body>\n")
                .append("<h1>Carbon footprint of model runs: ").append(month).append("</h1>\n")
                .append("<p class=\"note\">Runs started from ").append(month.atDay(1)).append(" to ")
                .append(month.atEndOfMonth()).append(" (").append(escape(zone.getId())).append(").</p>\n");

        h.append("<h2>Totals</h2>\n<table>\n<tr><th>Measure</th><th>Value</th></tr>\n");
        row(h, "Runs", Long.toString(t.runs()));
        row(h, "Failed runs", Long.toString(t.failedRuns()));
        row(h, "Rows processed", Long.toString(t.rows()));
        row(h, "Run time (h)", number(t.durationSeconds() / 3600, 3));
        row(h, "CPU time (h)", number(t.cpuSeconds() / 3600, 3));
        row(h, "CPU energy (kWh)", number(t.cpuEnergyKwh(), 6));
        row(h, "Memory energy (kWh)", number(t.ramEnergyKwh(), 6));
        row(h, "Energy, PUE included (kWh)", number(t.energyKwh(), 6));
        row(h, "Emissions (g CO2e)", number(t.co2Grams(), 3));
        h.append("</table>\n");

        double kg = t.co2Grams() / 1000;
        h.append("<h2>Equivalences</h2>\n<ul>\n")
                .append("<li>").append(number(kg / carKgPerKm, 3)).append(" km driven by an average car (")
                .append(number(carKgPerKm * 1000, 1)).append(" g CO2e/km: the US EPA's 0.409 kg CO2e per mile, as ")
                .append("CodeCarbon's dashboard uses it)</li>\n")
                .append("</ul>\n");

        h.append("<h2>Energy methods</h2>\n<table>\n<tr><th>Method</th><th>Runs</th></tr>\n");
        byModel.methods().forEach((method, runs) -> row(h, method, Long.toString(runs)));
        h.append("</table>\n<p class=\"note\">rapl: the CPU packages' energy counters (whole packages, every process). ")
                .append("cpu-time: the process's CPU time &times; the TDP of its CPU model per hardware thread, 4 W per ")
                .append("thread for a model CodeCarbon's table lacks. Memory: 5 W per DIMM guessed from the ")
                .append("installed memory (CodeCarbon v3), for the run's duration. Runs nested in another ")
                .append("(a training inside a forecast issuance) are counted once, in their own line.</p>\n");

        h.append("<h2>Carbon intensity</h2>\n<table>\n<tr><th>Source</th><th>Runs</th></tr>\n");
        byModel.intensitySources().forEach((source, runs) -> row(h, source, Long.toString(runs)));
        h.append("</table>\n<p class=\"note\">measured: the French grid's measured intensity for the hour the run ")
                .append("started in (RTE &eacute;CO2mix <i>Taux de CO2</i>, as ingested). country-default: the ")
                .append("intensity the service's meter used, CodeCarbon's yearly figure for the country (France: ")
                .append("56.039 g CO2e/kWh), for hours the platform has no measured value of.</p>\n");

        groups(h, "Per model", "Model", byModel.groups());
        groups(h, "Per service", "Service", byService.groups());
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void groups(StringBuilder h, String title, String keyHeader, List<CarbonGroup> groups) {
        h.append("<h2>").append(title).append("</h2>\n<table>\n<tr><th>").append(keyHeader)
                .append("</th><th>Runs</th><th>Failed</th><th>Rows</th><th>CPU (s)</th><th>Energy (kWh)</th>")
                .append("<th>g CO2e</th><th>Method</th><th>Intensity</th></tr>\n");
        for (CarbonGroup g : groups) {
            CarbonFigures f = g.figures();
            h.append("<tr><td>").append(escape(g.key())).append("</td><td>").append(f.runs()).append("</td><td>")
                    .append(f.failedRuns()).append("</td><td>").append(f.rows()).append("</td><td>")
                    .append(number(f.cpuSeconds(), 1)).append("</td><td>").append(number(f.energyKwh(), 6))
                    .append("</td><td>").append(number(f.co2Grams(), 3)).append("</td><td>")
                    .append(escape(String.join(", ", g.methods()))).append("</td><td>")
                    .append(escape(String.join(", ", g.intensitySources()))).append("</td></tr>\n");
        }
        if (groups.isEmpty()) {
            h.append("<tr><td colspan=\"9\">No runs.</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void row(StringBuilder h, String name, String value) {
        h.append("<tr><td>").append(escape(name)).append("</td><td>").append(escape(value)).append("</td></tr>\n");
    }

    private static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    static String escape(String s) {
        var out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
