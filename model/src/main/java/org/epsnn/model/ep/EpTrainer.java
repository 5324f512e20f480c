package org.epsnn.model.ep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.epsnn.model.data.Dataset;
import org.epsnn.model.linalg.BlasProducts;
import org.epsnn.model.linalg.MatrixProducts;
import org.epsnn.model.linalg.ParallelRunner;
import org.epsnn.model.network.NetworkSpec;
import org.epsnn.model.training.BatchStatistics;
import org.epsnn.model.training.ClassificationMetrics;
import org.epsnn.model.training.Evaluation;
import org.epsnn.model.training.NumericalGuardException;
import org.epsnn.model.training.PassSummary;
import org.epsnn.model.training.RegressionMetrics;
import org.epsnn.model.training.RunControl;
import org.epsnn.model.training.TrainingListener;
import org.epsnn.model.training.TrainingSettings;
import org.epsnn.model.training.TrainingSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains an {@link EpNetwork} with Expectation-Propagation: a first pass of assumed density
 * filtering at a small batch size, then stochastic-EP passes with damping (Li, Hernandez-Lobato
 * and Turner, "Stochastic Expectation Propagation", NIPS 2015), applied to spiking networks as in
 * Yao, McLaughlin and Altmann, "Training of Spiking Neural Networks with Expectation-Propagation",
 * arXiv:2506.23757, 2025. No learning rate is involved: every update is a moment match.
 *
 * <p>Samples are visited in a seeded random order that depends only on the seed and the pass
 * number, so a run continued from a saved position takes the same batches as an uninterrupted one.
 * A batch whose log evidence, sites or moments are not finite stops the run with a
 * {@link NumericalGuardException} and leaves the posterior of the previous batch in place.
 *
 * <p>An instance owns worker threads; {@link #close()} it when done. It is used from one thread
 * at a time; {@link RunControl} steers it from others.
 */
public final class EpTrainer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EpTrainer.class);

    /** Rows per chunk when evaluating or predicting. */
    private static final int EVALUATION_CHUNK = 500;

    private final EpNetwork network;
    private final Dataset train;
    private final TrainingSettings settings;
    private final ParallelRunner runner;
    private final MatrixProducts products;
    private final BatchPropagation workspace;
    private final double[][] moments;
    private final double[][] meanSquared;
    private final double[][] spareShift;
    private final double[][] sparePrecision;
    private final double[] standardisedTargets;
    private final long[] clippedInLastBatch;
    /** The site count the current {@link #moments} were computed for; NaN when they are stale. */
    private double momentsCount = Double.NaN;
    private boolean useBinaryInputKernel = true;
    private KernelProfile kernelProfile;
    private Predictor predictor;

    private volatile int[] snapshotSamples = new int[0];
    private volatile Dataset snapshotData;
    private volatile double[] probePoints = new double[0];
    private volatile Dataset lastTest;

    /**
     * @param network the network to train; changed in place
     * @param train training data matching the network's input size and outputs
     */
    public EpTrainer(EpNetwork network, Dataset train, TrainingSettings settings) {
        this(network, train, settings, null);
    }

    /**
     * @param products the matrix products to use, or null for BLAS split over {@code settings.threads()}
     */
    public EpTrainer(EpNetwork network, Dataset train, TrainingSettings settings, MatrixProducts products) {
        this.network = Objects.requireNonNull(network, "network");
        this.train = Objects.requireNonNull(train, "train");
        this.settings = Objects.requireNonNull(settings, "settings");
        checkData(network, train, "Training data");
        this.runner = new ParallelRunner(settings.threads());
        this.products = products != null ? products : new BlasProducts(runner);
        int capacity = Math.max(settings.firstBatchSize(), settings.batchSize());
        this.workspace = new BatchPropagation(network, this.products, runner, Math.min(capacity, Math.max(1, train.rows())));
        int depth = network.depth();
        moments = new double[depth][];
        meanSquared = new double[depth][];
        spareShift = new double[depth][];
        sparePrecision = new double[depth][];
        for (int l = 0; l < depth; l++) {
            int weights = network.layer(l).weightCount();
            moments[l] = new double[2 * weights];
            meanSquared[l] = network.needsMeanSquared(l) ? new double[weights] : null;
            spareShift[l] = new double[weights];
            sparePrecision[l] = new double[weights];
        }
        clippedInLastBatch = new long[depth];
        standardisedTargets = network.spec().task() == NetworkSpec.Task.REGRESSION ? standardise(network, train) : null;
    }

    /**
     * Checks that a dataset fits the network.
     *
     * @throws IllegalArgumentException naming the dataset, the mismatch and the fix
     */
    public static void checkData(EpNetwork network, Dataset data, String role) {
        NetworkSpec spec = network.spec();
        if (data.columns() != spec.inputSize()) {
            throw new IllegalArgumentException(role + " '" + data.name() + "' has " + data.columns()
                    + " features but the network's input layer has " + spec.inputSize() + "; set the input size to " + data.columns());
        }
        boolean classification = spec.task() == NetworkSpec.Task.CLASSIFICATION;
        if (classification != (data.task() == Dataset.Task.CLASSIFICATION)) {
            throw new IllegalArgumentException(role + " '" + data.name() + "' is a " + data.task().name().toLowerCase(java.util.Locale.ROOT)
                    + " dataset but the network does " + spec.task().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (data.outputCount() != spec.outputSize()) {
            throw new IllegalArgumentException(role + " '" + data.name() + "' has " + data.outputCount()
                    + (classification ? " classes" : " targets") + " but the output layer has " + spec.outputSize()
                    + " neurons; set the output size to " + data.outputCount());
        }
        double[] features = data.features();
        for (int x = 0; x < features.length; x++) {
            if (!Double.isFinite(features[x])) {
                throw new IllegalArgumentException(role + " '" + data.name() + "': row " + (x / data.columns() + 1) + ", column "
                        + (x % data.columns() + 1) + " is " + features[x] + "; remove or impute missing values first");
            }
        }
    }

    private static double[] standardise(EpNetwork network, Dataset data) {
        int targets = data.targetCount();
        double[] values = data.targets();
        double[] result = new double[values.length];
        for (int x = 0; x < values.length; x++) {
            int t = x % targets;
            result[x] = (values[x] - network.targetMeanAt(t)) / network.targetScaleAt(t);
        }
        return result;
    }

    public EpNetwork network() {
        return network;
    }

    public TrainingSettings settings() {
        return settings;
    }

    /**
     * Chooses between the fused kernel (the default) and matrix products for a first layer on
     * binary or Bernoulli inputs; both compute the same update. Call between runs.
     */
    public void setUseBinaryInputKernel(boolean use) {
        this.useBinaryInputKernel = use;
    }

    /** Records the time of the fused first-layer kernel into {@code profile}, or stops recording when null. Call between runs. */
    public void setKernelProfile(KernelProfile profile) {
        this.kernelProfile = profile;
    }

    /** A description of the matrix products in use, for logs and benchmarks. */
    public String productsName() {
        return products.name();
    }

    /**
     * Chooses the rows of {@code data} whose spike probabilities later snapshots include. Safe to
     * call from any thread.
     */
    public void setSnapshotSamples(Dataset data, int[] rows) {
        this.snapshotData = data;
        this.snapshotSamples = rows.clone();
    }

    /**
     * Sets the probe points that later snapshots predict on, {@code points x inputSize} row-major
     * (for example a grid over the plane of a 2-D dataset). Safe to call from any thread.
     */
    public void setProbePoints(double[] points) {
        if (points.length % network.spec().inputSize() != 0) {
            throw new IllegalArgumentException("Probe points: " + points.length + " values are not a whole number of "
                    + network.spec().inputSize() + "-feature rows");
        }
        this.probePoints = points.clone();
    }

    /**
     * Runs {@code settings.passes()} passes from the network's current position (a pass interrupted
     * earlier is finished first and counts as one).
     *
     * @param test evaluated after every pass and every evaluation interval; may be null
     * @param listener receives progress on this thread
     * @param control checked between batches; a cancelled run returns early, keeping the posterior of its last batch
     * @return the summaries of the passes completed
     * @throws NumericalGuardException when a batch produced NaN or infinity
     * @throws InterruptedException when the thread was interrupted while paused
     */
    public List<PassSummary> train(Dataset test, TrainingListener listener, RunControl control) throws InterruptedException {
        if (test != null) {
            checkData(network, test, "Test data");
        }
        lastTest = test;
        List<PassSummary> summaries = new ArrayList<>();
        int samples = train.rows();
        if (samples == 0) {
            throw new IllegalArgumentException("Training data '" + train.name() + "' has no samples");
        }
        LOG.info("Training {} on {} ({} samples), test {}; {}; products {}", network.spec(), train.name(), samples,
                test == null ? "none" : test.name() + " (" + test.rows() + " samples)", settings, products.name());
        listener.runStarted(settings, samples, test == null ? 0 : test.rows());

        for (int run = 0; run < settings.passes(); run++) {
            int pass = network.completedPasses() + 1;
            int[] order = permutation(samples, settings.seed(), pass);
            int batchesInPass = countBatches(pass, samples);
            int position = network.samplesIntoPass();
            int batch = countBatchesBefore(pass, position);
            long passNanos = 0;
            long clippedInPass = 0;
            int correctInPass = 0;
            int seenInPass = 0;

            while (position < samples) {
                if (!control.awaitTurn()) {
                    LOG.info("Training cancelled in pass {} after {} of {} samples", pass, position, samples);
                    return summaries;
                }
                int size = Math.min(batchSizeAt(pass, position), samples - position);
                long start = System.nanoTime();
                BatchResult result = runBatch(pass, batch + 1, order, position, size);
                passNanos += System.nanoTime() - start;

                position += size;
                batch++;
                network.setPosition(network.completedPasses(), position == samples ? 0 : position, network.samplesSeen() + size);
                clippedInPass += result.clipped;
                correctInPass += result.correct;
                seenInPass += size;
                double seconds = passNanos / 1e9;
                listener.batchCompleted(new BatchStatistics(pass, batch, batchesInPass, size, network.samplesSeen(),
                        position, samples, result.logEvidence / size, isClassification() ? (double) result.correct / size : Double.NaN,
                        clippedFractions(), result.clipped, seconds, seenInPass / Math.max(seconds, 1e-9)));

                if (test != null && settings.evaluationInterval() > 0 && batch % settings.evaluationInterval() == 0 && position < samples) {
                    Evaluation evaluation = evaluate(test, -1);
                    listener.evaluated(network.samplesSeen(), pass, (double) correctInPass / seenInPass, evaluation);
                }
                if (control.takeSnapshotRequest()) {
                    listener.snapshotTaken(snapshot(pass, batch));
                }
            }

            network.setPosition(pass, 0, network.samplesSeen());
            long evaluationStart = System.nanoTime();
            Evaluation trainEvaluation = settings.trainEvaluationSamples() == 0 ? Evaluation.NONE
                    : evaluate(train, settings.trainEvaluationSamples());
            Evaluation testEvaluation = test == null ? Evaluation.NONE : evaluate(test, -1);
            double evaluationSeconds = (System.nanoTime() - evaluationStart) / 1e9;
            double seconds = passNanos / 1e9;
            double running = seenInPass == 0 ? Double.NaN : (double) correctInPass / seenInPass;
            PassSummary summary = new PassSummary(pass, seconds, evaluationSeconds, network.samplesSeen(), running,
                    trainEvaluation, testEvaluation, clippedInPass, seenInPass / Math.max(seconds, 1e-9));
            summaries.add(summary);
            LOG.info("Pass {} done in {} s ({} samples/s): test accuracy {} (deterministic {}), test NLL {}, clipped {}",
                    pass, String.format(java.util.Locale.ROOT, "%.1f", seconds), Math.round(summary.samplesPerSecond()),
                    testEvaluation.bayesian().accuracy(), testEvaluation.deterministicAccuracy(),
                    testEvaluation.bayesian().negativeLogLikelihood(), clippedInPass);
            if (test != null) {
                listener.evaluated(network.samplesSeen(), pass, running, testEvaluation);
            }
            listener.passCompleted(summary);
            if (control.takeSnapshotRequest()) {
                listener.snapshotTaken(snapshot(pass, batch));
            }
        }
        return summaries;
    }

    private boolean isClassification() {
        return network.spec().task() == NetworkSpec.Task.CLASSIFICATION;
    }

    private double[] clippedFractions() {
        double[] fractions = new double[network.depth()];
        for (int l = 0; l < fractions.length; l++) {
            fractions[l] = (double) clippedInLastBatch[l] / network.layer(l).weightCount();
        }
        return fractions;
    }

    /** Batch size at {@code position} of pass {@code pass}: {@code B1} in the first pass (up to the warm-up length), else {@code B}. */
    int batchSizeAt(int pass, int position) {
        if (pass == 1 && (settings.warmupSamples() < 0 || position < settings.warmupSamples())) {
            return settings.firstBatchSize();
        }
        return settings.batchSize();
    }

    private int countBatches(int pass, int samples) {
        return countBatchesBefore(pass, samples);
    }

    private int countBatchesBefore(int pass, int position) {
        int count = 0;
        int at = 0;
        while (at < position) {
            at += batchSizeAt(pass, at);
            count++;
        }
        return count;
    }

    /** A permutation of {@code [0, samples)} that depends only on the seed and the pass (Fisher-Yates). */
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

    private record BatchResult(double logEvidence, int correct, long clipped) {
    }

    private BatchResult runBatch(int pass, int batch, int[] order, int position, int size) {
        int samples = train.rows();
        boolean firstPass = pass == 1;
        double count = network.count();
        double cavityCount = firstPass ? count : samples - size;
        ensureMoments(cavityCount, pass, batch);

        workspace.loadInputs(train, order, position, size);
        workspace.forward(size, moments, meanSquared);
        int[] labels = null;
        double[] targets = null;
        if (isClassification()) {
            labels = new int[size];
            int[] all = train.labels();
            for (int b = 0; b < size; b++) {
                labels[b] = all[order[position + b]];
            }
        } else {
            int outputs = network.spec().outputSize();
            targets = new double[size * outputs];
            for (int b = 0; b < size; b++) {
                System.arraycopy(standardisedTargets, order[position + b] * outputs, targets, b * outputs, outputs);
            }
        }
        double logEvidence = workspace.backward(size, moments, meanSquared, labels, targets);
        if (!Double.isFinite(logEvidence)) {
            throw new NumericalGuardException(0, pass, batch, "the batch's log evidence log Z", logEvidence,
                    "Check the inputs for extreme values, or lower the prior variance or the batch size.");
        }
        int correct = 0;
        if (labels != null) {
            int classes = network.spec().outputSize();
            for (int b = 0; b < size; b++) {
                if (ClassificationMetrics.argmax(workspace.output, b * classes, classes) == labels[b]) {
                    correct++;
                }
            }
        }

        double newCount = firstPass ? count + size : samples;
        double step = firstPass ? size / newCount : settings.dampingForPass(pass) * size / samples;
        double nextCount = nextCavityCount(pass, position + size, newCount);
        long clipped = 0;
        for (int l = 0; l < network.depth(); l++) {
            LayerPosterior layer = network.layer(l);
            SiteUpdate.Outcome outcome;
            if (usesBinaryInputKernel(l)) {
                long kernelStart = kernelProfile == null ? 0 : System.nanoTime();
                outcome = BinaryInputKernel.apply(layer, workspace.messages[l], workspace.input[l], network.encoding().stochastic(),
                        size, moments[l], meanSquared[l], step, settings.adaptiveDamping(), nextCount, spareShift[l],
                        sparePrecision[l], runner, kernelProfile);
                if (kernelProfile != null) {
                    kernelProfile.addWall(System.nanoTime() - kernelStart);
                }
            } else {
                workspace.batchStatistics(l, size);
                outcome = SiteUpdate.apply(layer, workspace.statistics[l], workspace.statisticsHaveVarianceBlocks(l),
                        moments[l], size, step, settings.adaptiveDamping(), spareShift[l], sparePrecision[l], runner);
            }
            if (!outcome.finite()) {
                momentsCount = Double.NaN;
                throw new NumericalGuardException(l + 1, pass, batch, outcome.nonFiniteQuantity(), outcome.nonFiniteValue(),
                        "Lower the batch size or the damping, or enable adaptive damping.");
            }
            clippedInLastBatch[l] = outcome.clipped();
            clipped += outcome.clipped();
        }

        for (int l = 0; l < network.depth(); l++) {
            if (usesBinaryInputKernel(l)) {
                continue;
            }
            int bad = network.layer(l).computeMoments(spareShift[l], sparePrecision[l], nextCount, moments[l], meanSquared[l], runner);
            if (bad >= 0) {
                momentsCount = Double.NaN;
                int weights = network.layer(l).weightCount();
                double value = Double.isFinite(moments[l][bad]) ? moments[l][weights + bad] : moments[l][bad];
                throw new NumericalGuardException(l + 1, pass, batch, "posterior moment of weight "
                        + SiteUpdate.describe(bad, network.layer(l).inputs()), value,
                        "Lower the batch size or the damping, or enable adaptive damping.");
            }
        }

        for (int l = 0; l < network.depth(); l++) {
            LayerPosterior layer = network.layer(l);
            double[] oldShift = layer.siteShiftArray();
            double[] oldPrecision = layer.sitePrecisionArray();
            layer.replaceSites(spareShift[l], sparePrecision[l]);
            layer.setCount(newCount);
            spareShift[l] = oldShift;
            sparePrecision[l] = oldPrecision;
        }
        momentsCount = nextCount;
        return new BatchResult(logEvidence, correct, clipped);
    }

    /**
     * The site count of the next batch's cavity: the new posterior's count during the first pass,
     * {@code N - B_next} in later passes.
     */
    private double nextCavityCount(int pass, int nextPosition, double newCount) {
        int samples = train.rows();
        if (pass == 1 && nextPosition < samples) {
            return newCount;
        }
        int nextSize = nextPosition < samples
                ? Math.min(batchSizeAt(pass, nextPosition), samples - nextPosition)
                : Math.min(settings.batchSize(), samples);
        return samples - nextSize;
    }

    /** Whether layer {@code l} is updated by the fused kernel for binary or Bernoulli inputs. */
    private boolean usesBinaryInputKernel(int l) {
        return l == 0 && (network.encoding().binary() || network.encoding().stochastic()) && useBinaryInputKernel;
    }

    private void ensureMoments(double count, int pass, int batch) {
        if (momentsCount == count) {
            return;
        }
        for (int l = 0; l < network.depth(); l++) {
            LayerPosterior layer = network.layer(l);
            int bad = layer.computeMoments(layer.siteShiftArray(), layer.sitePrecisionArray(), count, moments[l], meanSquared[l], runner);
            if (bad >= 0) {
                momentsCount = Double.NaN;
                throw new NumericalGuardException(l + 1, pass, batch, "cavity moment of weight "
                        + SiteUpdate.describe(bad, layer.inputs()), moments[l][bad],
                        "The saved posterior is damaged; reset the posterior and train again.");
            }
        }
        momentsCount = count;
    }

    /**
     * Evaluates the Bayesian prediction and the deterministic network.
     *
     * @param maxSamples evaluate a seeded random subset of this many rows; negative means all
     */
    public Evaluation evaluate(Dataset data, int maxSamples) {
        checkData(network, data, "Evaluation data");
        int[] rows = evaluationRows(data.rows(), maxSamples);
        Prediction prediction = predict(data, rows);
        if (isClassification()) {
            int[] labels = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                labels[i] = data.labels()[rows[i]];
            }
            ClassificationMetrics bayesian = ClassificationMetrics.of(prediction.probabilities(), prediction.outputs(), labels, rows.length);
            int correct = 0;
            for (int i = 0; i < rows.length; i++) {
                if (prediction.deterministicClass()[i] == labels[i]) {
                    correct++;
                }
            }
            return new Evaluation(bayesian, rows.length == 0 ? Double.NaN : (double) correct / rows.length, RegressionMetrics.NONE, Double.NaN);
        }
        int outputs = prediction.outputs();
        double[] targets = new double[rows.length * outputs];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(data.targets(), rows[i] * outputs, targets, i * outputs, outputs);
        }
        RegressionMetrics bayesian = RegressionMetrics.of(prediction.means(), prediction.variances(), targets, targets.length);
        double squared = 0;
        for (int x = 0; x < targets.length; x++) {
            double residual = targets[x] - prediction.deterministicValues()[x];
            squared += residual * residual;
        }
        return new Evaluation(ClassificationMetrics.NONE, Double.NaN, bayesian,
                targets.length == 0 ? Double.NaN : Math.sqrt(squared / targets.length));
    }

    private int[] evaluationRows(int available, int maxSamples) {
        if (maxSamples < 0 || maxSamples >= available) {
            int[] all = new int[available];
            Arrays.setAll(all, i -> i);
            return all;
        }
        int[] shuffled = permutation(available, settings.seed(), 0);
        int[] subset = Arrays.copyOf(shuffled, maxSamples);
        Arrays.sort(subset);
        return subset;
    }

    /** Predicts every row of {@code data} with the current posterior. */
    public Prediction predict(Dataset data) {
        int[] rows = new int[data.rows()];
        Arrays.setAll(rows, i -> i);
        return predict(data, rows);
    }

    /** Predicts the given rows of {@code data} with the current posterior, in that order. */
    public Prediction predict(Dataset data, int[] rows) {
        return predictor().predict(data, rows);
    }

    /** The predictor for the current posterior, reused between calls so that it allocates its buffers once. */
    private Predictor predictor() {
        if (predictor == null) {
            predictor = new Predictor(network, products, runner, EVALUATION_CHUNK);
        } else {
            predictor.refresh();
        }
        return predictor;
    }

    /** Builds a snapshot now, from the calling thread; for use between runs. */
    public TrainingSnapshot snapshot() {
        return snapshot(network.completedPasses() + (network.samplesIntoPass() > 0 ? 1 : 0), 0);
    }

    private TrainingSnapshot snapshot(int pass, int batch) {
        double[] clipped = new double[network.depth()];
        for (int l = 0; l < clipped.length; l++) {
            clipped[l] = (double) clippedInLastBatch[l] / network.layer(l).weightCount();
        }
        Dataset samplesData = snapshotData != null ? snapshotData : lastTest;
        return snapshot(network, predictor(), pass, batch, clipped, samplesData, snapshotSamples, probePoints);
    }

    /**
     * Builds a snapshot of a posterior that no run holds, such as one just opened, on the calling
     * thread. Unlike a trainer it allocates no training buffers, only what prediction needs.
     *
     * @param samples the data of {@code rows}, or null for no spike probabilities
     * @param rows rows of {@code samples} whose spike probabilities the snapshot carries
     * @param probePoints inputs of a 1-D or 2-D probe grid, or an empty array
     */
    public static TrainingSnapshot snapshotOf(EpNetwork network, Dataset samples, int[] rows, double[] probePoints) {
        if (probePoints.length % network.spec().inputSize() != 0) {
            throw new IllegalArgumentException("Probe points: " + probePoints.length + " values are not a whole number of "
                    + network.spec().inputSize() + "-feature rows");
        }
        try (ParallelRunner single = new ParallelRunner(1)) {
            Predictor predictor = new Predictor(network, new BlasProducts(single), single, EVALUATION_CHUNK);
            int pass = network.completedPasses() + (network.samplesIntoPass() > 0 ? 1 : 0);
            return snapshot(network, predictor, pass, 0, new double[network.depth()], samples, rows, probePoints);
        }
    }

    private static TrainingSnapshot snapshot(EpNetwork network, Predictor predictor, int pass, int batch, double[] clippedFractions,
                                             Dataset samplesData, int[] rows, double[] probePoints) {
        List<TrainingSnapshot.LayerSnapshot> layers = new ArrayList<>();
        for (int l = 0; l < network.depth(); l++) {
            LayerPosterior layer = network.layer(l);
            double[] posterior = predictor.moments(l);
            int weights = layer.weightCount();
            layers.add(new TrainingSnapshot.LayerSnapshot(layer.outputs(), layer.inputs(), layer.spec().bias(),
                    Arrays.copyOf(posterior, weights), Arrays.copyOfRange(posterior, weights, 2 * weights),
                    layer.levels(), layer.levelProbabilities(), clippedFractions[l]));
        }
        double[][][] spikes = new double[0][][];
        double[][] classes = new double[0][];
        if (samplesData != null && rows.length > 0 && samplesData.columns() == network.spec().inputSize()) {
            Predictor.Trace trace = predictor.trace(samplesData, rows);
            spikes = trace.spikeProbabilities();
            classes = trace.outputs();
        }
        double[] probe = probePoints.length == 0 ? new double[0] : predictor.probe(probePoints);
        return new TrainingSnapshot(pass, batch, network.samplesSeen(), List.copyOf(layers), rows.clone(), spikes, classes, probe);
    }

    @Override
    public void close() {
        runner.close();
    }
}
