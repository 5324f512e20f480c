package org.epsnn.model.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class SpikeEncodingTest {

    private static Dataset pixels(double... values) {
        return Dataset.classification("pixels", 1, values.length, values, new int[] {0}, List.of("a", "b")).build();
    }

    @Test
    void thresholdSpikesAtAndAboveLevel() {
        Dataset dataset = pixels(0.0, 0.49, 0.5, 0.51, 1.0);

        Dataset spikes = SpikeEncoding.threshold(dataset, 0.5);

        assertThat(spikes.features()).containsExactly(0, 0, 1, 1, 1);
    }

    @Test
    void thresholdKeepsLabelsAndImageSize() {
        double[] values = new double[4];
        Dataset image = Dataset.classification("image", 1, 4, values, new int[] {1}, List.of("a", "b"))
                .image(2, 2).build();

        Dataset spikes = SpikeEncoding.threshold(image, 0.5);

        assertThat(spikes.labels()).containsExactly(1);
        assertThat(spikes.imageWidth()).isEqualTo(2);
        assertThat(spikes.features()).isNotSameAs(values);
    }

    @Test
    void thresholdRejectsNanLevel() {
        assertThatThrownBy(() -> SpikeEncoding.threshold(pixels(0.5), Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
    }

    @Test
    void bernoulliIsDeterministicBySeed() {
        Dataset dataset = pixels(new double[1000]).withFeatures(filled(1000, 0.5));

        Dataset first = SpikeEncoding.bernoulli(dataset, 42);
        Dataset second = SpikeEncoding.bernoulli(dataset, 42);
        Dataset other = SpikeEncoding.bernoulli(dataset, 43);

        assertThat(first.features()).isEqualTo(second.features());
        assertThat(first.features()).isNotEqualTo(other.features());
    }

    @Test
    void bernoulliRateMatchesProbability() {
        int count = 100_000;
        Dataset dataset = pixels(new double[count]).withFeatures(filled(count, 0.3));

        double[] spikes = SpikeEncoding.bernoulli(dataset, 7).features();

        double rate = 0;
        for (double spike : spikes) {
            assertThat(spike).isIn(0.0, 1.0);
            rate += spike / count;
        }
        // The standard error of the rate is sqrt(0.3 * 0.7 / 100000), about 0.0015.
        assertThat(rate).isCloseTo(0.3, within(0.01));
    }

    @Test
    void bernoulliNeverFiresAtZeroAlwaysAtOne() {
        double[] probabilities = new double[200];
        for (int i = 100; i < 200; i++) {
            probabilities[i] = 1.0;
        }
        double[] spikes = new double[200];

        SpikeEncoding.bernoulli(probabilities, spikes, new Random(1));

        for (int i = 0; i < 200; i++) {
            assertThat(spikes[i]).as("spike %d", i).isEqualTo(i < 100 ? 0.0 : 1.0);
        }
    }

    @Test
    void bernoulliRejectsValueOutsideUnitInterval() {
        Dataset dataset = pixels(0.2, 1.5);

        assertThatThrownBy(() -> SpikeEncoding.bernoulli(dataset, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("feature 1 of row 0 is 1.5")
                .hasMessageContaining("[0, 1]");
    }

    private static double[] filled(int count, double value) {
        double[] values = new double[count];
        Arrays.fill(values, value);
        return values;
    }
}
