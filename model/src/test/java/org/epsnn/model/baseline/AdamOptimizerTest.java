package org.epsnn.model.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The Adam update against its definition. */
class AdamOptimizerTest {

    @Test
    void firstStepMovesByLearningRate() {
        // After one step m_hat = g and v_hat = g^2, so the step is lr * g / (|g| + eps).
        AdamOptimizer optimizer = new AdamOptimizer(SurrogateGradientSettings.defaults().withLearningRate(0.01), new int[] {2});
        double[] parameters = {1.0, -1.0};

        optimizer.beginStep();
        optimizer.update(0, parameters, new double[] {3.0, -0.2});

        assertThat(parameters[0]).isCloseTo(0.99, within(1e-9));
        assertThat(parameters[1]).isCloseTo(-0.99, within(1e-9));
    }
}
