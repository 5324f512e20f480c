package org.epsnn.model.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class StandardiserTest {

    /** Columns: 1, 2, 3, 4 (mean 2.5), a constant 0.1, and 10, 20, 30, 40; targets 2, 4, 6, 8. */
    private static Dataset regression() {
        double[] features = {
            1, 0.1, 10,
            2, 0.1, 20,
            3, 0.1, 30,
            4, 0.1, 40,
        };
        return Dataset.regression("train", 4, 3, features, new double[] {2, 4, 6, 8}, List.of("y")).build();
    }

    @Test
    void fitsPopulationMeanAndDeviation() {
        Standardiser standardiser = Standardiser.fit(regression());

        assertThat(standardiser.featureMeans()).containsExactly(new double[] {2.5, 0.1, 25}, within(1e-12));
        // Population variance of 1..4 is 1.25.
        assertThat(standardiser.featureStandardDeviations()[0]).isCloseTo(Math.sqrt(1.25), within(1e-12));
        assertThat(standardiser.featureStandardDeviations()[2]).isCloseTo(10 * Math.sqrt(1.25), within(1e-12));
    }

    @Test
    void constantColumnGetsUnitDeviation() {
        Standardiser standardiser = Standardiser.fit(regression());

        Dataset standardised = standardiser.apply(regression());

        assertThat(standardiser.featureStandardDeviations()[1]).isEqualTo(1.0);
        for (int row = 0; row < 4; row++) {
            assertThat(standardised.feature(row, 1)).isCloseTo(0.0, within(1e-12));
        }
    }

    @Test
    void standardisedTrainingSetHasZeroMeanUnitDeviation() {
        Dataset standardised = Standardiser.fit(regression()).apply(regression());

        Standardiser refit = Standardiser.fit(standardised);

        assertThat(refit.featureMeans()).containsExactly(new double[] {0, 0, 0}, within(1e-12));
        assertThat(refit.featureStandardDeviations()[0]).isCloseTo(1.0, within(1e-12));
        assertThat(refit.featureStandardDeviations()[2]).isCloseTo(1.0, within(1e-12));
        assertThat(refit.targetMeans()).containsExactly(new double[] {0}, within(1e-12));
        assertThat(refit.targetStandardDeviations()).containsExactly(new double[] {1}, within(1e-12));
    }

    @Test
    void appliesTrainingStatisticsToOtherData() {
        Standardiser standardiser = Standardiser.fit(regression());
        Dataset test = Dataset.regression("test", 1, 3, new double[] {2.5, 5, 25}, new double[] {5}, List.of("y"))
                .build();

        Dataset standardised = standardiser.apply(test);

        assertThat(standardised.features()).containsExactly(new double[] {0, 4.9, 0}, within(1e-12));
        assertThat(standardised.targets()).containsExactly(new double[] {0}, within(1e-12));
        assertThat(standardised.name()).isEqualTo("test");
    }

    @Test
    void inverseRestoresTargets() {
        Standardiser standardiser = Standardiser.fit(regression());
        Dataset standardised = standardiser.apply(regression());

        double[] restored = standardiser.inverseTargets(standardised.targets());

        assertThat(restored).containsExactly(new double[] {2, 4, 6, 8}, within(1e-12));
    }

    @Test
    void inverseScalesSpreadWithoutShift() {
        Standardiser standardiser = Standardiser.fit(regression());

        double spread = standardiser.inverseTargetScale(0.5, 0);

        assertThat(spread).isCloseTo(0.5 * 2 * Math.sqrt(1.25), within(1e-12));
    }

    @Test
    void classificationKeepsLabels() {
        Dataset dataset = Dataset.classification("c", 2, 1, new double[] {1, 3}, new int[] {1, 0}, List.of("a", "b"))
                .build();
        Standardiser standardiser = Standardiser.fit(dataset);

        Dataset standardised = standardiser.apply(dataset);

        assertThat(standardised.features()).containsExactly(-1, 1);
        assertThat(standardised.labels()).containsExactly(1, 0);
        assertThat(standardiser.hasTargetStatistics()).isFalse();
    }

    @Test
    void rejectsOtherColumnCount() {
        Standardiser standardiser = Standardiser.fit(regression());
        Dataset other = Dataset.regression("other", 1, 2, new double[] {1, 2}, new double[] {1}, List.of("y")).build();

        assertThatThrownBy(() -> standardiser.apply(other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has 2 columns, but the standardiser was fitted on 3");
    }

    @Test
    void rejectsEmptyTrainingSet() {
        Dataset empty = Dataset.regression("empty", 0, 1, new double[0], new double[0], List.of("y")).build();

        assertThatThrownBy(() -> Standardiser.fit(empty))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no rows");
    }
}
