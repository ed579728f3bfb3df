package io.energywatch.analytics.nab;

/** A labelled anomaly window as the inclusive row range it covers in its series. */
public record NabWindow(int first, int last) {

    public NabWindow {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("bad window rows " + first + ".." + last);
        }
    }

    public int width() {
        return last - first + 1;
    }
}
