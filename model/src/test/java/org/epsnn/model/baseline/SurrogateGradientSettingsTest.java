package org.epsnn.model.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Validation of the surrogate-gradient settings. */
class SurrogateGradientSettingsTest {

    @Test
    void defaultsUseUsualAdamRates() {
        SurrogateGradientSettings settings = SurrogateGradientSettings.defaults();

        assertThat(settings.beta1()).isEqualTo(0.9);
        assertThat(settings.beta2()).isEqualTo(0.999);
        assertThat(settings.epsilon()).isEqualTo(1e-8);
    }

    @Test
    void rejectsNonPositiveLearningRate() {
        assertThatThrownBy(() -> SurrogateGradientSettings.defaults().withLearningRate(-0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Learning rate must be positive and finite, got -0.5");
    }

    @Test
    void rejectsNonPositiveSlope() {
        assertThatThrownBy(() -> SurrogateGradientSettings.defaults().withSlope(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slope").hasMessageContaining("0.0");
    }

    @Test
    void rejectsBetaOfOne() {
        assertThatThrownBy(() -> SurrogateGradientSettings.defaults().withAdam(0.9, 1.0, 1e-8))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Adam beta2 must lie in [0, 1), got 1.0");
    }
}
