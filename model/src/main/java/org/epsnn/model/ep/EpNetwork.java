package org.epsnn.model.ep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.epsnn.model.network.NetworkSpec;

/**
 * A network description together with the posterior of every layer, the input encoding and, for
 * regression, the affine map between the targets' units and the standardised units the engine
 * works in. This is what training changes and what a saved project keeps.
 */
public final class EpNetwork {

    private final NetworkSpec spec;
    private final InputEncoding encoding;
    private final List<LayerPosterior> layers;
    private final double[] targetMean;
    private final double[] targetScale;
    private int completedPasses;
    private int samplesIntoPass;
    private long samplesSeen;

    private EpNetwork(NetworkSpec spec, InputEncoding encoding, List<LayerPosterior> layers,
                      double[] targetMean, double[] targetScale) {
        this.spec = spec;
        this.encoding = encoding;
        this.layers = Collections.unmodifiableList(layers);
        this.targetMean = targetMean;
        this.targetScale = targetScale;
    }

    /**
     * Creates a network at its prior; the symmetry-breaking prior draws come from {@code seed}, so
     * the same seed gives the same network.
     *
     * @param targetMean per-target mean used to standardise regression targets (empty for classification)
     * @param targetScale per-target standard deviation, positive (empty for classification)
     */
    public static EpNetwork create(NetworkSpec spec, InputEncoding encoding, long seed,
                                   double[] targetMean, double[] targetScale) {
        checkCanCreate(spec, encoding, targetMean, targetScale);
        SplittableRandom random = new SplittableRandom(seed);
        List<LayerPosterior> layers = new ArrayList<>();
        for (int l = 0; l < spec.depth(); l++) {
            layers.add(LayerPosterior.atPrior(spec.layer(l), spec.inputSizeOf(l), random.split()));
        }
        return new EpNetwork(spec, encoding, layers, targetMean.clone(), targetScale.clone());
    }

    /**
     * Checks what {@link #create(NetworkSpec, InputEncoding, long, double[], double[])} checks,
     * without drawing the prior, so that a caller can report a mistake at once and create the
     * network on another thread.
     *
     * @throws IllegalArgumentException with a message naming the mistake
     */
    public static void checkCanCreate(NetworkSpec spec, InputEncoding encoding, double[] targetMean, double[] targetScale) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(encoding, "encoding");
        checkTargetScaling(spec, targetMean, targetScale);
    }

    /** Creates a classification network at its prior. */
    public static EpNetwork create(NetworkSpec spec, InputEncoding encoding, long seed) {
        return create(spec, encoding, seed, new double[0], new double[0]);
    }

    /** Rebuilds a network from saved layers; the layers must match the description. */
    public static EpNetwork restore(NetworkSpec spec, InputEncoding encoding, List<LayerPosterior> layers,
                                    double[] targetMean, double[] targetScale) {
        if (layers.size() != spec.depth()) {
            throw new IllegalArgumentException("Saved posterior has " + layers.size() + " layers, the network has " + spec.depth());
        }
        checkTargetScaling(spec, targetMean, targetScale);
        return new EpNetwork(spec, encoding, new ArrayList<>(layers), targetMean.clone(), targetScale.clone());
    }

    private static void checkTargetScaling(NetworkSpec spec, double[] targetMean, double[] targetScale) {
        int expected = spec.task() == NetworkSpec.Task.REGRESSION ? spec.outputSize() : 0;
        if (targetMean.length != expected || targetScale.length != expected) {
            throw new IllegalArgumentException("Target scaling needs " + expected + " means and scales, got "
                    + targetMean.length + " and " + targetScale.length);
        }
        for (int t = 0; t < targetScale.length; t++) {
            if (!(targetScale[t] > 0) || !Double.isFinite(targetScale[t])) {
                throw new IllegalArgumentException("Target " + t + ": scale must be positive, got " + targetScale[t]);
            }
        }
    }

    public NetworkSpec spec() {
        return spec;
    }

    public InputEncoding encoding() {
        return encoding;
    }

    /** The layers' posteriors, first hidden layer first. */
    public List<LayerPosterior> layers() {
        return layers;
    }

    public LayerPosterior layer(int index) {
        return layers.get(index);
    }

    public int depth() {
        return layers.size();
    }

    /** Data points the sites stand for; the same in every layer. */
    public double count() {
        return layers.get(0).count();
    }

    /** Mean of each regression target in its own units; empty for classification. */
    public double[] targetMean() {
        return targetMean.clone();
    }

    /** Standard deviation of each regression target in its own units; empty for classification. */
    public double[] targetScale() {
        return targetScale.clone();
    }

    double targetMeanAt(int target) {
        return targetMean[target];
    }

    double targetScaleAt(int target) {
        return targetScale[target];
    }

    /** Passes over the training data completed so far. */
    public int completedPasses() {
        return completedPasses;
    }

    /** Samples of the pass in progress already absorbed; 0 at a pass boundary. */
    public int samplesIntoPass() {
        return samplesIntoPass;
    }

    /** Samples processed since the network was created, over all passes. */
    public long samplesSeen() {
        return samplesSeen;
    }

    /** Sets the training position, for a network restored from a saved run. */
    public void setPosition(int passes, int intoPass, long seen) {
        if (passes < 0 || intoPass < 0 || seen < 0) {
            throw new IllegalArgumentException("Training position must not be negative, got passes " + passes
                    + ", samples into pass " + intoPass + ", samples seen " + seen);
        }
        this.completedPasses = passes;
        this.samplesIntoPass = intoPass;
        this.samplesSeen = seen;
    }

    /** Whether the first layer's input moments carry a variance matrix {@code R}. */
    boolean inputHasVariance(int layer) {
        return layer > 0 || encoding.stochastic();
    }

    /** Whether the layer needs the squared weight means for its products: when its inputs have a variance. */
    boolean needsMeanSquared(int layer) {
        return inputHasVariance(layer);
    }
}
