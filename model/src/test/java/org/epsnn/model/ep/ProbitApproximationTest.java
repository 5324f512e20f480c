package org.epsnn.model.ep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.epsnn.model.network.NeuronModel;
import org.junit.jupiter.api.Test;

/** The probit approximation behind the sigmoid neuron: {@code E sigmoid(u / T) ~ Phi(mu / sqrt(V + 8 T^2 / pi))}. */
class ProbitApproximationTest {

    @Test
    void sigmoidSpikeProbabilityMatchesMonteCarlo() {
        SplittableRandom random = new SplittableRandom(5);
        int draws = 400_000;
        double worst = 0;
        for (double temperature : new double[] {0.5, 1.0, 8.0}) {
            double noise = NeuronModel.sigmoid(temperature).noiseVariance();
            for (double meanOverT = -3; meanOverT <= 3.0001; meanOverT += 1.5) {
                for (double varianceOverT2 : new double[] {0.0, 1.0, 4.0, 10.0}) {
                    double mean = meanOverT * temperature;
                    double standardDeviation = Math.sqrt(varianceOverT2) * temperature;
                    double total = 0;
                    for (int draw = 0; draw < draws; draw++) {
                        double potential = mean + standardDeviation * TestNetworks.gaussian(random);
                        total += 1.0 / (1.0 + Math.exp(-potential / temperature));
                    }
                    double exact = total / draws;
                    double approximate = SpecialFunctions.normalCdf(mean / Math.sqrt(standardDeviation * standardDeviation + noise));
                    double error = Math.abs(exact - approximate);
                    worst = Math.max(worst, error);
                    double bound = varianceOverT2 >= 4 ? 0.01 : 0.02;
                    assertThat(error).as("T=%s, mu/T=%s, V/T^2=%s", temperature, meanOverT, varianceOverT2).isLessThan(bound);
                }
            }
        }
        assertThat(worst).as("largest error over the grid").isGreaterThan(0.0);
    }
}
