package org.epsnn.model.ep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.epsnn.model.network.LayerSpec;
import org.epsnn.model.network.NeuronModel;
import org.epsnn.model.network.WeightPrior;
import org.junit.jupiter.api.Test;

/** Posterior moments of discrete weights from their natural parameters. */
class DiscreteWeightTest {

    private static LayerPosterior layerWith(WeightPrior prior, double shift, double precision, double count) {
        LayerSpec spec = new LayerSpec(1, NeuronModel.HEAVISIDE, prior, false, 1.0);
        int levels = prior.levelCount();
        double[] logPrior = new double[levels];
        double[] probabilities = prior.levelProbabilities();
        for (int k = 0; k < levels; k++) {
            logPrior[k] = Math.log(probabilities[k]);
        }
        return LayerPosterior.restore(spec, 1, logPrior, new double[] {shift}, new double[] {precision}, count);
    }

    @Test
    void levelProbabilitiesStayValidForExtremeParameters() {
        double[] extremes = {-1e300, -1e6, -700, -1, 0, 1, 700, 1e6, 1e300};
        for (WeightPrior prior : new WeightPrior[] {WeightPrior.binary(), WeightPrior.ternary(),
            WeightPrior.discrete(new double[] {-2, -0.5, 0.5, 2}, new double[] {1, 2, 2, 1})}) {
            for (double shift : extremes) {
                for (double precision : extremes) {
                    double[] q = layerWith(prior, shift, precision, 60_000).levelProbabilities();
                    double total = 0;
                    for (double value : q) {
                        assertThat(value).as("%s at h=%s, lambda=%s", prior, shift, precision).isBetween(0.0, 1.0);
                        total += value;
                    }
                    assertThat(total).as("%s at h=%s, lambda=%s", prior, shift, precision).isCloseTo(1.0, within(1e-12));
                }
            }
        }
    }

    @Test
    void levelProbabilitiesStrictlyInsideForModerateParameters() {
        double[] q = layerWith(WeightPrior.ternary(), 0.01, 0.02, 10_000).levelProbabilities();
        for (double value : q) {
            assertThat(value).isStrictlyBetween(0.0, 1.0);
        }
    }

    @Test
    void binaryMeanEqualsTanhOfHalfLogOdds() {
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 100; trial++) {
            double shift = 0.01 * TestNetworks.gaussian(random);
            double precision = random.nextDouble();
            double count = 1 + random.nextInt(1000);
            LayerPosterior layer = layerWith(WeightPrior.binary(), shift, precision, count);
            double[] moments = new double[2];
            layer.computeMoments(layer.siteShiftArray(), layer.sitePrecisionArray(), count, moments, null, TestNetworks.SINGLE_THREAD);
            // log-odds of +1 against -1: the lambda terms cancel because both levels square to 1.
            double logOdds = 2 * count * shift;
            assertThat(moments[0]).isCloseTo(Math.tanh(logOdds / 2), within(1e-12));
            assertThat(moments[1]).isCloseTo(1 - moments[0] * moments[0], within(1e-12));
        }
    }
}
