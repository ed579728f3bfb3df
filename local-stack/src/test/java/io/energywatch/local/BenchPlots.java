package io.energywatch.local;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** PNG line charts of the platform benches (XChart), written into docs/images of the checkout. */
final class BenchPlots {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 520;

    private BenchPlots() {
    }

    /** One line per entry of {@code series}, over {@code x}; returns the file written. */
    static Path lines(Path file, String title, String xTitle, String yTitle, double[] x, Map<String, double[]> series,
                      boolean logarithmic) {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        chart.getStyler().setXAxisLogarithmic(logarithmic).setYAxisLogarithmic(logarithmic)
                .setChartBackgroundColor(java.awt.Color.WHITE).setMarkerSize(6);
        series.forEach((name, y) -> chart.addSeries(name, x, y));
        try {
            Files.createDirectories(file.getParent());
            String name = file.getFileName().toString();
            Path withoutExtension = file.resolveSibling(name.endsWith(".png") ? name.substring(0, name.length() - 4)
                    : name);
            BitmapEncoder.saveBitmap(chart, withoutExtension.toString(), BitmapEncoder.BitmapFormat.PNG);
            return file;
        } catch (IOException e) {
            throw new StackException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
