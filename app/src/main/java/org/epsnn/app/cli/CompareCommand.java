package org.epsnn.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.epsnn.app.data.TrainingData;
import org.epsnn.model.baseline.SurrogateGradientSettings;
import org.epsnn.model.baseline.SurrogateGradientTrainer;
import org.epsnn.model.ep.EpNetwork;
import org.epsnn.model.ep.EpTrainer;
import org.epsnn.model.ep.InputEncoding;
import org.epsnn.model.network.NetworkSpec;
import org.epsnn.model.network.NeuronModel;
import org.epsnn.model.network.WeightPrior;
import org.epsnn.model.training.ClassificationMetrics;
import org.epsnn.model.training.PassSummary;
import org.epsnn.model.training.RunControl;
import org.epsnn.model.training.TrainingListener;
import org.epsnn.model.training.TrainingSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code epsnn compare}: trains the same Heaviside network on the same data with EP and with the
 * surrogate-gradient baseline, and prints the test accuracy and cumulative training time of both
 * after every pass.
 */
@Command(name = "compare", sortOptions = false, mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = {"Trains a network with EP and with surrogate gradient and Adam, and prints a table of the test"
                + " accuracy and cumulative training seconds of both after every pass.",
            "EP accuracy is that of the Bayesian prediction; seconds count training only, not evaluation.",
            "EP passes run first, then the baseline's; progress goes to stderr, the tables to stdout.",
            "Ctrl+C stops after the current pass, prints the passes done so far and exits with 130."},
        footer = {"", "Examples:",
            "  epsnn compare --dataset strokes --passes 3",
            "  epsnn compare --dataset ~/mnist --layers 784-500-10 --passes 3 --csv compare.csv"})
public final class CompareCommand implements Callable<Integer> {

    /** The header of the table and of the CSV file, in column order. */
    static final List<String> COLUMNS = List.of("pass", "ep_test_accuracy", "ep_seconds", "baseline_test_accuracy",
            "baseline_seconds");

    /** The passes whose ends the table against seconds lists, besides the last pass. */
    static final java.util.Set<Integer> SUMMARY_PASSES = java.util.Set.of(1, 2, 3, 5);

    /** How long the shutdown hook waits after Ctrl+C for the current pass and the CSV file. */
    private static final long SHUTDOWN_WAIT_SECONDS = 30;

    /** The weight kinds both trainers support. */
    enum WeightChoice {
        GAUSSIAN, BINARY
    }

    @Spec
    private CommandSpec spec;

    @Option(names = "--dataset", paramLabel = "NAME|DIR|FILE", defaultValue = "strokes",
            description = {"A built-in classification dataset (${COMPLETION-CANDIDATES}), a folder with the four MNIST"
                    + " IDX files (optionally gzipped), or a .csv file whose last column is the class. Default:"
                    + " ${DEFAULT-VALUE}."},
            completionCandidates = TrainCommand.BuiltInNames.class)
    String dataset;

    @Option(names = "--train-samples", paramLabel = "N",
            description = "Train on the first N training samples only. Default: all.")
    Integer trainSamples;

    @Option(names = "--layers", paramLabel = "SIZES", defaultValue = "auto-100-auto",
            description = {"Layer sizes from input to output, e.g. 784-500-10. 'auto' as the first or last size"
                    + " takes the dataset's feature or class count. Default: ${DEFAULT-VALUE}."})
    String layers;

    @Option(names = "--weights", paramLabel = "KIND", defaultValue = "gaussian",
            description = "Weights: gaussian or binary (-1, +1). Default: ${DEFAULT-VALUE}.")
    WeightChoice weights;

    @Option(names = "--passes", paramLabel = "N", defaultValue = "1",
            description = "Passes over the training data, for both trainers. Default: ${DEFAULT-VALUE}.")
    int passes;

    @Option(names = "--first-batch", paramLabel = "B1", defaultValue = "10",
            description = "EP only: batch size of the first pass. Default: ${DEFAULT-VALUE}.")
    int firstBatch;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "100",
            description = "Batch size of EP's later passes and of every baseline pass. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--learning-rate", paramLabel = "RATE", defaultValue = "1e-3",
            description = "Baseline only: Adam learning rate. Default: ${DEFAULT-VALUE}.")
    double learningRate;

    @Option(names = "--slope", paramLabel = "K", defaultValue = "5",
            description = "Baseline only: slope k of the surrogate sigmoid s(k u) whose derivative replaces the"
                    + " step's derivative. Default: ${DEFAULT-VALUE}.")
    double slope;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1",
            description = "Seed of the generated data, the CSV split, the initial weights and the sample order."
                    + " Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads for the matrix products. Default: the number of processors.")
    Integer threads;

    @Option(names = "--csv", paramLabel = "FILE",
            description = {"Also write the table's rows to FILE as CSV, rewritten after every pass through a temporary"
                    + " file, so FILE is always complete; passes not run yet hold NaN."})
    Path csv;

    /** One row of the table: both trainers' state after a pass. */
    record Row(int pass, double epAccuracy, double epSeconds, double baselineAccuracy, double baselineSeconds) {
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        validateOptions();
        TrainingData data = loadData();
        if (!data.classification()) {
            throw usageError("--dataset", "'" + dataset + "' is a regression dataset; compare needs class labels");
        }
        InputEncoding encoding = data.defaultEncoding();
        NetworkSpec network = networkSpec(data);
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;

        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        out.println("Data:     " + data.train().name() + ", " + data.summary() + ", inputs " + encoding);
        out.println("Network:  " + network.sizesText() + ", heaviside neurons, " + weights.name().toLowerCase(Locale.ROOT)
                + " weights, " + network.weightCount() + " weights");
        out.flush();

        Results results = new Results(passes);
        RunControl control = new RunControl();
        // A new control starts with a snapshot requested, and nothing here shows snapshots.
        control.takeSnapshotRequest();
        AtomicBoolean stopRequested = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        Thread shutdownHook = new Thread(() -> {
            stopRequested.set(true);
            control.cancel();
            try {
                finished.await(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "epsnn-compare-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);

        try {
            trainEp(network, encoding, data, threadCount, control, results, out, err);
            if (!stopRequested.get()) {
                trainBaseline(network, encoding, data, threadCount, stopRequested, results, out, err);
            }

            List<Row> rows = results.rows();
            out.println();
            out.print(table(rows));
            out.println();
            out.println("Test accuracy after the last pass finished within the training seconds, at the ends of passes"
                    + " 1, 2, 3, 5 and the last:");
            out.print(secondsTable(rows));
            if (csv != null) {
                out.println("Rows written to " + csv.toAbsolutePath());
            }
            if (stopRequested.get()) {
                out.println("Stopped with Ctrl+C after " + results.epPasses() + " EP and " + results.baselinePasses()
                        + " baseline passes; the table shows the complete passes.");
                out.flush();
                return TrainCommand.EXIT_INTERRUPTED;
            }
            out.flush();
            return 0;
        } finally {
            finished.countDown();
            removeShutdownHook(shutdownHook);
        }
    }

    /**
     * Test accuracy and cumulative training seconds of both trainers, NaN where a pass has not
     * run yet. The CSV file is rewritten after every pass, so Ctrl+C leaves the passes done so far.
     */
    private final class Results {
        private final double[] epAccuracy;
        private final double[] epSeconds;
        private final double[] baselineAccuracy;
        private final double[] baselineSeconds;
        private int epPasses;
        private int baselinePasses;

        Results(int passCount) {
            epAccuracy = nans(passCount);
            epSeconds = nans(passCount);
            baselineAccuracy = nans(passCount);
            baselineSeconds = nans(passCount);
        }

        synchronized void addEp(double accuracy, double seconds) throws IOException {
            epAccuracy[epPasses] = accuracy;
            epSeconds[epPasses] = (epPasses == 0 ? 0 : epSeconds[epPasses - 1]) + seconds;
            epPasses++;
            save();
        }

        synchronized void addBaseline(double accuracy, double seconds) throws IOException {
            baselineAccuracy[baselinePasses] = accuracy;
            baselineSeconds[baselinePasses] = (baselinePasses == 0 ? 0 : baselineSeconds[baselinePasses - 1]) + seconds;
            baselinePasses++;
            save();
        }

        synchronized int epPasses() {
            return epPasses;
        }

        synchronized int baselinePasses() {
            return baselinePasses;
        }

        /** Returns one row per pass that either trainer completed. */
        synchronized List<Row> rows() {
            List<Row> rows = new ArrayList<>();
            for (int p = 0; p < Math.max(epPasses, baselinePasses); p++) {
                rows.add(new Row(p + 1, epAccuracy[p], epSeconds[p], baselineAccuracy[p], baselineSeconds[p]));
            }
            return rows;
        }

        private void save() throws IOException {
            if (csv != null) {
                writeCsv(csv, rows());
            }
        }

        private static double[] nans(int length) {
            double[] values = new double[length];
            java.util.Arrays.fill(values, Double.NaN);
            return values;
        }
    }

    private void trainEp(NetworkSpec network, InputEncoding encoding, TrainingData data, int threadCount, RunControl control,
                         Results results, PrintWriter out, PrintWriter err) throws InterruptedException, IOException {
        TrainingSettings settings = TrainingSettings.defaults()
                .withFirstBatchSize(firstBatch)
                .withBatchSize(batch)
                .withPasses(passes)
                .withSeed(seed)
                .withThreads(threadCount)
                .withTrainEvaluationSamples(0);
        EpNetwork model = EpNetwork.create(network, encoding, seed, data.targetMean(), data.targetScale());
        try (EpTrainer trainer = new EpTrainer(model, data.train(), settings)) {
            out.println("EP:       " + settings + "; " + trainer.productsName());
            out.flush();
            IOException[] writeError = new IOException[1];
            TrainingListener progress = new TrainingListener() {
                @Override
                public void passCompleted(PassSummary summary) {
                    double accuracy = summary.test().bayesian().accuracy();
                    err.println("EP pass " + summary.pass() + ": test accuracy " + Formats.percent(accuracy) + ", "
                            + Formats.seconds(summary.seconds()) + " s");
                    err.flush();
                    try {
                        results.addEp(accuracy, summary.seconds());
                    } catch (IOException e) {
                        writeError[0] = e;
                        control.cancel();
                    }
                }
            };
            trainer.train(data.test(), progress, control);
            if (writeError[0] != null) {
                throw writeError[0];
            }
        }
    }

    private void trainBaseline(NetworkSpec network, InputEncoding encoding, TrainingData data, int threadCount,
                               AtomicBoolean stopRequested, Results results, PrintWriter out, PrintWriter err)
            throws IOException {
        SurrogateGradientSettings settings = SurrogateGradientSettings.defaults()
                .withLearningRate(learningRate)
                .withSlope(slope)
                .withBatchSize(batch)
                .withPasses(passes)
                .withSeed(seed)
                .withThreads(threadCount);
        out.println("Baseline: " + settings);
        out.flush();
        try (SurrogateGradientTrainer trainer = new SurrogateGradientTrainer(network, encoding, data.train(), settings)) {
            // NOTE: Ctrl+C stops the baseline after its current pass (about 4 s for 784-500-10 on MNIST).
            for (int p = 0; p < passes && !stopRequested.get(); p++) {
                SurrogateGradientTrainer.PassResult pass = trainer.trainPass();
                ClassificationMetrics test = trainer.evaluate(data.test());
                err.println("Baseline pass " + pass.pass() + ": test accuracy " + Formats.percent(test.accuracy()) + ", "
                        + Formats.seconds(pass.seconds()) + " s");
                err.flush();
                results.addBaseline(test.accuracy(), pass.seconds());
            }
        }
    }

    private static void removeShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is shutting down, because of Ctrl+C, and the hook has run or is running.
        }
    }

    /**
     * Formats, at the end of passes {@link #SUMMARY_PASSES} and the last pass of either trainer,
     * each trainer's test accuracy after its last pass finished within those training seconds,
     * and how many passes that was.
     */
    static String secondsTable(List<Row> rows) {
        java.util.TreeSet<Double> marks = new java.util.TreeSet<>();
        for (Row row : rows) {
            if (!SUMMARY_PASSES.contains(row.pass()) && row.pass() != rows.size()) {
                continue;
            }
            if (!Double.isNaN(row.epSeconds())) {
                marks.add(row.epSeconds());
            }
            if (!Double.isNaN(row.baselineSeconds())) {
                marks.add(row.baselineSeconds());
            }
        }
        String format = "%9s  %14s  %9s  %20s  %15s%n";
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, format, "seconds", "EP accuracy", "EP passes",
                "baseline accuracy", "baseline passes"));
        for (double mark : marks) {
            int epPass = 0;
            int baselinePass = 0;
            for (Row row : rows) {
                if (row.epSeconds() <= mark) {
                    epPass = row.pass();
                }
                if (row.baselineSeconds() <= mark) {
                    baselinePass = row.pass();
                }
            }
            text.append(String.format(Locale.ROOT, format, Formats.seconds(mark),
                    epPass == 0 ? "-" : Formats.percent(rows.get(epPass - 1).epAccuracy()), epPass,
                    baselinePass == 0 ? "-" : Formats.percent(rows.get(baselinePass - 1).baselineAccuracy()), baselinePass));
        }
        return text.toString();
    }

    /** Formats the rows as an aligned text table with accuracies in percent and seconds as {@link Formats#seconds} gives them. */
    static String table(List<Row> rows) {
        String format = "%4s  %14s  %10s  %20s  %16s%n";
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, format, "pass", "EP accuracy", "EP s",
                "baseline accuracy", "baseline s"));
        for (Row row : rows) {
            text.append(String.format(Locale.ROOT, format, row.pass(), Formats.percent(row.epAccuracy()),
                    Formats.seconds(row.epSeconds()), Formats.percent(row.baselineAccuracy()),
                    Formats.seconds(row.baselineSeconds())));
        }
        return text.toString();
    }

    /**
     * Writes the header and rows to {@code path} through a temporary file in the same folder, so
     * the file is either absent, the old one or complete. Accuracies are fractions in [0, 1].
     */
    static void writeCsv(Path path, List<Row> rows) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", COLUMNS));
        for (Row row : rows) {
            lines.add(String.format(Locale.ROOT, "%d,%.6f,%.3f,%.6f,%.3f", row.pass(), row.epAccuracy(), row.epSeconds(),
                    row.baselineAccuracy(), row.baselineSeconds()));
        }
        Path target = path.toAbsolutePath();
        Path temporary = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.write(temporary, lines, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private void validateOptions() {
        require(passes >= 1, "--passes", "must be at least 1, got " + passes);
        require(firstBatch >= 1, "--first-batch", "must be at least 1, got " + firstBatch);
        require(batch >= 1, "--batch", "must be at least 1, got " + batch);
        require(learningRate > 0 && Double.isFinite(learningRate), "--learning-rate",
                "must be positive, got " + learningRate);
        require(slope > 0 && Double.isFinite(slope), "--slope", "must be positive, got " + slope);
        if (threads != null) {
            require(threads >= 1, "--threads", "must be at least 1, got " + threads);
        }
        if (trainSamples != null) {
            require(trainSamples >= 1, "--train-samples", "must be at least 1, got " + trainSamples);
        }
        if (csv != null) {
            Path folder = csv.toAbsolutePath().getParent();
            require(folder != null && Files.isDirectory(folder), "--csv",
                    "folder " + folder + " does not exist; create it or choose another path");
            require(!Files.isDirectory(csv), "--csv", csv + " is a folder; give a file name such as compare.csv");
        }
    }

    /**
     * Loads the data that {@code --dataset} names, as {@code epsnn train} does with its defaults:
     * a CSV file is split 80/20 from the seed with its last column as the class.
     *
     * <p>NOTE: compare offers none of train's CSV options (--target, --test-fraction,
     * --missing-values), so a CSV file whose class is not the last column, or that has empty
     * cells, cannot be compared yet.
     */
    private TrainingData loadData() throws IOException {
        TrainingData data = switch (DatasetArgument.sourceOf(dataset, this::usageError)) {
            case BUILT_IN -> TrainingData.builtIn(dataset, seed);
            case MNIST -> TrainingData.mnist(Path.of(dataset));
            case CSV -> TrainingData.csv(Path.of(dataset), null, 0.2, seed);
        };
        if (trainSamples != null && trainSamples < data.train().rows()) {
            data = data.withTrainingSamples(trainSamples);
        }
        return data;
    }

    private NetworkSpec networkSpec(TrainingData data) {
        String datasetText = "dataset " + data.train().name() + " (" + data.outputsText() + ")";
        int[] sizes;
        try {
            sizes = LayerSizes.resolve(layers, data.train().columns(), data.train().outputCount(), datasetText);
        } catch (IllegalArgumentException e) {
            throw usageError("--layers", e.getMessage());
        }
        WeightPrior prior = weights == WeightChoice.BINARY ? WeightPrior.binary() : WeightPrior.gaussian(1.0);
        return NetworkSpec.of(sizes, NeuronModel.HEAVISIDE, prior, NetworkSpec.Task.CLASSIFICATION);
    }

    private void require(boolean condition, String option, String problem) {
        if (!condition) {
            throw usageError(option, problem);
        }
    }

    private ParameterException usageError(String option, String problem) {
        return new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': " + problem);
    }
}
