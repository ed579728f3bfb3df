package io.energywatch.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RidgeRegressorTest {

    private static final List<String> X = List.of("x");

    @Test
    void withoutPenaltyALineIsRecoveredExactly() {
        var model = new RidgeRegressor(0).fit(X, new double[][] {{1}, {2}, {3}}, new double[] {3, 5, 7}, 1);

        assertThat(model.coefficients()[0]).isCloseTo(2.0, within(1e-6));
        assertThat(model.intercept()).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void aPenaltyEqualToTheRowCountHalvesTheSlopeAroundTheMeans() {
        // Standardised x is (-√1.5, 0, √1.5), so ZᵀZ = 3 = n; with λ = 3 the standardised slope is halved:
        // slope 1 instead of 2, and the line still passes through the means (2, 5).
        var model = new RidgeRegressor(3).fit(X, new double[][] {{1}, {2}, {3}}, new double[] {3, 5, 7}, 1);

        assertThat(model.coefficients()[0]).isCloseTo(1.0, within(1e-6));
        assertThat(model.predict(new double[] {2})).isCloseTo(5.0, within(1e-6));
        assertThat(model.predict(new double[] {4})).isCloseTo(7.0, within(1e-6));
    }

    @Test
    void aConstantColumnGetsNoWeightAndDoesNotBreakTheSolve() {
        var model = new RidgeRegressor(0).fit(List.of("x", "one"), new double[][] {{1, 1}, {2, 1}, {3, 1}},
                new double[] {3, 5, 7}, 1);

        assertThat(model.coefficients()[1]).isZero();
        assertThat(model.predict(new double[] {10, 1})).isCloseTo(21.0, within(1e-6));
    }

    @Test
    void choleskySolvesASmallSymmetricSystem() {
        // [[4, 2], [2, 3]]·x = [10, 8] has the solution (1.75, 1.5).
        double[] x = Cholesky.solve(new double[][] {{4, 2}, {2, 3}}, new double[] {10, 8});

        assertThat(x[0]).isCloseTo(1.75, within(1e-12));
        assertThat(x[1]).isCloseTo(1.5, within(1e-12));
    }
}
