package org.epsnn.model.baseline;

/**
 * The Adam optimiser over a fixed list of parameter arrays. Per parameter it keeps running means
 * of the gradient and of its square, corrects their bias and steps by
 * {@code lr * m_hat / (sqrt(v_hat) + epsilon)}.
 */
final class AdamOptimizer {

    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double[][] firstMoments;
    private final double[][] secondMoments;
    private long steps;

    /** @param sizes the length of each parameter array, in the order {@link #update} takes them */
    AdamOptimizer(SurrogateGradientSettings settings, int[] sizes) {
        this.learningRate = settings.learningRate();
        this.beta1 = settings.beta1();
        this.beta2 = settings.beta2();
        this.epsilon = settings.epsilon();
        firstMoments = new double[sizes.length][];
        secondMoments = new double[sizes.length][];
        for (int i = 0; i < sizes.length; i++) {
            firstMoments[i] = new double[sizes[i]];
            secondMoments[i] = new double[sizes[i]];
        }
    }

    /** Starts a step: call once per batch, before the {@link #update} calls of that batch. */
    void beginStep() {
        steps++;
    }

    /**
     * Moves {@code parameters} (modified) against {@code gradient} (not modified).
     *
     * @param index which parameter array this is, as in the constructor's {@code sizes}
     */
    void update(int index, double[] parameters, double[] gradient) {
        double[] first = firstMoments[index];
        double[] second = secondMoments[index];
        if (parameters.length != first.length || gradient.length < first.length) {
            throw new IllegalArgumentException("Adam parameter array " + index + ": expected " + first.length
                    + " values, got " + parameters.length + " parameters and " + gradient.length + " gradients");
        }
        // The bias corrections 1 - beta^t fold into the step size.
        double firstCorrection = 1 - Math.pow(beta1, steps);
        double secondCorrection = 1 - Math.pow(beta2, steps);
        double step = learningRate * Math.sqrt(secondCorrection) / firstCorrection;
        double scaledEpsilon = epsilon * Math.sqrt(secondCorrection);
        for (int p = 0; p < first.length; p++) {
            double g = gradient[p];
            first[p] = beta1 * first[p] + (1 - beta1) * g;
            second[p] = beta2 * second[p] + (1 - beta2) * g * g;
            parameters[p] -= step * first[p] / (Math.sqrt(second[p]) + scaledEpsilon);
        }
    }

    long steps() {
        return steps;
    }
}
