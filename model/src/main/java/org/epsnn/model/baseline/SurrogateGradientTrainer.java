package org.epsnn.model.baseline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import org.epsnn.model.data.Dataset;
import org.epsnn.model.ep.InputEncoding;
import org.epsnn.model.linalg.BlasProducts;
import org.epsnn.model.linalg.MatrixProducts;
import org.epsnn.model.linalg.ParallelRunner;
import org.epsnn.model.network.LayerSpec;
import org.epsnn.model.network.NetworkSpec;
import org.epsnn.model.network.NeuronModel;
import org.epsnn.model.network.WeightPrior;
import org.epsnn.model.training.ClassificationMetrics;
import org.epsnn.model.training.NumericalGuardException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the deterministic Heaviside network of a {@link NetworkSpec} by surrogate gradient, as a
 * baseline for EP: the forward pass spikes when {@code u >= 0}, the backward pass replaces the
 * step's derivative by {@code k s(k u) (1 - s(k u))} with {@code s} the logistic sigmoid and
 * {@code k} the slope. The loss is the softmax cross-entropy of the output layer's potentials and
 * the optimiser is Adam. Binary weights train through the straight-through estimator on latent
 * weights clipped to [-1, 1].
 *
 * <p>Weights start from {@code Normal(0, 1 / fan-in)} drawn from the seed, and every pass visits
 * the samples in an order that depends only on the seed and the pass number, so the same seed and
 * data give the same weights. A batch whose loss is not finite stops the run with a
 * {@link NumericalGuardException}.
 *
 * <p>An instance owns worker threads; {@link #close()} it when done. It is used from one thread at
 * a time.
 */
public final class SurrogateGradientTrainer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SurrogateGradientTrainer.class);

    /** Rows per chunk when evaluating. */
    private static final int EVALUATION_CHUNK = 500;

    /**
     * The result of one pass over the training data.
     *
     * @param pass 1-based pass number
     * @param seconds training time of the pass
     * @param meanLoss mean cross-entropy of the batches as they were trained
     * @param runningAccuracy accuracy of the batches' forward passes before their updates
     */
    public record PassResult(int pass, double seconds, double meanLoss, double runningAccuracy) {
    }

    private final NetworkSpec spec;
    private final Dataset train;
    private final SurrogateGradientSettings settings;
    private final ParallelRunner runner;
    private final SurrogateNetwork network;
    private final AdamOptimizer optimizer;
    private int completedPasses;

    /**
     * @param spec a classification network whose spiking layers are Heaviside, with Gaussian or
     *     binary weights (only the kind of the prior matters, not its variance)
     * @param encoding how features become the first layer's inputs, as for the EP network
     * @param train training data matching the network's input size and classes
     * @throws IllegalArgumentException naming the layer or dataset that does not fit
     */
    public SurrogateGradientTrainer(NetworkSpec spec, InputEncoding encoding, Dataset train,
                                    SurrogateGradientSettings settings) {
        this(spec, encoding, train, settings, null);
    }

    /** @param products the matrix products to use, or null for BLAS split over {@code settings.threads()} */
    public SurrogateGradientTrainer(NetworkSpec spec, InputEncoding encoding, Dataset train,
                                    SurrogateGradientSettings settings, MatrixProducts products) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.train = Objects.requireNonNull(train, "train");
        this.settings = Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(encoding, "encoding");
        checkNetwork(spec);
        checkData(spec, train, "Training data");
        this.runner = new ParallelRunner(settings.threads());
        MatrixProducts chosen = products != null ? products : new BlasProducts(runner);
        int capacity = Math.max(Math.min(settings.batchSize(), Math.max(1, train.rows())), EVALUATION_CHUNK);
        this.network = new SurrogateNetwork(spec, encoding, chosen, settings.slope(), capacity, settings.seed());
        int[] sizes = new int[spec.depth()];
        for (int l = 0; l < sizes.length; l++) {
            sizes[l] = network.latentWeights[l].length;
        }
        this.optimizer = new AdamOptimizer(settings, sizes);
    }

    /**
     * Checks that the baseline can train {@code spec}: a classification network of Heaviside
     * neurons with Gaussian or binary weights.
     *
     * @throws IllegalArgumentException naming the layer and what it has
     */
    public static void checkNetwork(NetworkSpec spec) {
        if (spec.task() != NetworkSpec.Task.CLASSIFICATION) {
            throw new IllegalArgumentException("The surrogate-gradient baseline trains classification networks only, got "
                    + spec.task().name().toLowerCase(Locale.ROOT));
        }
        for (int l = 0; l < spec.depth(); l++) {
            LayerSpec layer = spec.layer(l);
            if (!layer.neuron().equals(NeuronModel.HEAVISIDE)) {
                throw new IllegalArgumentException("Layer " + (l + 1) + ": the surrogate-gradient baseline needs Heaviside"
                        + " neurons, got " + layer.neuron());
            }
            WeightPrior.Kind kind = layer.prior().kind();
            if (kind != WeightPrior.Kind.GAUSSIAN && kind != WeightPrior.Kind.BINARY) {
                throw new IllegalArgumentException("Layer " + (l + 1) + ": the surrogate-gradient baseline supports gaussian"
                        + " and binary weights, got " + kind.name().toLowerCase(Locale.ROOT));
            }
        }
    }

    private static void checkData(NetworkSpec spec, Dataset data, String role) {
        if (data.task() != Dataset.Task.CLASSIFICATION) {
            throw new IllegalArgumentException(role + " '" + data.name() + "' is a regression dataset, but the"
                    + " surrogate-gradient baseline needs class labels");
        }
        if (data.columns() != spec.inputSize()) {
            throw new IllegalArgumentException(role + " '" + data.name() + "' has " + data.columns()
                    + " features but the network's input layer has " + spec.inputSize());
        }
        if (data.classCount() != spec.outputSize()) {
            throw new IllegalArgumentException(role + " '" + data.name() + "' has " + data.classCount()
                    + " classes but the output layer has " + spec.outputSize() + " neurons");
        }
    }

    public SurrogateGradientSettings settings() {
        return settings;
    }

    public int completedPasses() {
        return completedPasses;
    }

    /** Number of Adam steps taken so far, one per batch. */
    public long steps() {
        return optimizer.steps();
    }

    /**
     * Runs {@code settings.passes()} passes after the ones already completed.
     *
     * @return the result of each pass, in order
     * @throws NumericalGuardException when a batch's loss is NaN or infinite
     */
    public List<PassResult> train() {
        List<PassResult> results = new ArrayList<>();
        for (int pass = 0; pass < settings.passes(); pass++) {
            results.add(trainPass());
        }
        return results;
    }

    /**
     * Runs one pass over the training data in this pass's seeded order.
     *
     * @throws NumericalGuardException when a batch's loss is NaN or infinite
     */
    public PassResult trainPass() {
        int pass = completedPasses + 1;
        if (pass == 1) {
            LOG.info("Surrogate-gradient training of {} on {}: {}", spec.sizesText(), train, settings);
        }
        long start = System.nanoTime();
        int samples = train.rows();
        int[] order = permutation(samples, settings.seed(), pass);
        int[] labels = train.labels();
        int classes = spec.outputSize();
        double lossSum = 0;
        int correct = 0;
        int batch = 0;

        for (int from = 0; from < samples; from += settings.batchSize()) {
            int size = Math.min(settings.batchSize(), samples - from);
            batch++;
            network.loadInputs(train, order, from, size);
            network.forward(size);
            double loss = network.loss(size, labels, order, from);
            if (!Double.isFinite(loss)) {
                throw new NumericalGuardException(0, pass, batch, "the batch's cross-entropy", loss,
                        "Lower the learning rate or the surrogate slope.");
            }
            for (int b = 0; b < size; b++) {
                if (ClassificationMetrics.argmax(network.probabilities, b * classes, classes) == labels[order[from + b]]) {
                    correct++;
                }
            }
            lossSum += loss * size;

            network.backward(size, labels, order, from);
            optimizer.beginStep();
            for (int l = 0; l < network.depth(); l++) {
                optimizer.update(l, network.latentWeights[l], network.gradients[l]);
            }
            network.refreshForwardWeights();
        }

        completedPasses = pass;
        double seconds = (System.nanoTime() - start) / 1e9;
        PassResult result = new PassResult(pass, seconds, samples == 0 ? Double.NaN : lossSum / samples,
                samples == 0 ? Double.NaN : (double) correct / samples);
        LOG.info("Surrogate-gradient pass {} done in {} s: mean loss {}, running accuracy {}", pass,
                String.format(Locale.ROOT, "%.1f", seconds), result.meanLoss(), result.runningAccuracy());
        return result;
    }

    /** Computes the accuracy, NLL and calibration error of the softmax of the output potentials on every row of {@code data}. */
    public ClassificationMetrics evaluate(Dataset data) {
        checkData(spec, data, "Evaluation data");
        int rows = data.rows();
        int classes = spec.outputSize();
        double[] probabilities = new double[rows * classes];
        int[] order = new int[rows];
        Arrays.setAll(order, i -> i);
        for (int from = 0; from < rows; from += network.capacity()) {
            int size = Math.min(network.capacity(), rows - from);
            network.loadInputs(data, order, from, size);
            network.forward(size);
            System.arraycopy(network.probabilities, 0, probabilities, from * classes, size * classes);
        }
        return ClassificationMetrics.of(probabilities, classes, data.labels(), rows);
    }

    /** Returns a copy of the forward-pass weights of layer {@code layer} (0-based), {@code D_l x F_l}, bias last. */
    public double[] weights(int layer) {
        return network.weightsOf(layer);
    }

    /** Returns a copy of the latent real weights of layer {@code layer}; the forward weights for Gaussian layers. */
    public double[] latentWeights(int layer) {
        return network.latentWeights[layer].clone();
    }

    /** Returns the network's buffers and weights, for gradient checks. */
    SurrogateNetwork network() {
        return network;
    }

    /** Returns a permutation of {@code [0, samples)} that depends only on the seed and the pass (Fisher-Yates). */
    static int[] permutation(int samples, long seed, int pass) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + pass);
        int[] order = new int[samples];
        Arrays.setAll(order, i -> i);
        for (int i = samples - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    @Override
    public void close() {
        runner.close();
    }
}
