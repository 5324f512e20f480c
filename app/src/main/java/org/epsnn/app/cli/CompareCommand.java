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
            "EP passes run first, then the baseline's; progress goes to stderr, the table to stdout."},
        footer = {"", "Examples:",
            "  epsnn compare --dataset strokes --passes 3",
            "  epsnn compare --dataset ~/mnist --layers 784-500-10 --passes 3 --csv compare.csv"})
public final class CompareCommand implements Callable<Integer> {

    /** The header of the table and of the CSV file, in column order. */
    static final List<String> COLUMNS = List.of("pass", "ep_test_accuracy", "ep_seconds", "baseline_test_accuracy",
            "baseline_seconds");

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

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the table's rows to FILE as CSV.")
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

        List<PassSummary> epPasses = trainEp(network, encoding, data, threadCount, out, err);
        List<double[]> baselinePasses = trainBaseline(network, encoding, data, threadCount, out, err);

        List<Row> rows = new ArrayList<>();
        double epTotal = 0;
        double baselineTotal = 0;
        for (int p = 0; p < passes; p++) {
            epTotal += epPasses.get(p).seconds();
            baselineTotal += baselinePasses.get(p)[1];
            rows.add(new Row(p + 1, epPasses.get(p).test().bayesian().accuracy(), epTotal,
                    baselinePasses.get(p)[0], baselineTotal));
        }
        out.println();
        out.print(table(rows));
        if (csv != null) {
            writeCsv(csv, rows);
            out.println("Rows written to " + csv.toAbsolutePath());
        }
        out.flush();
        return 0;
    }

    private List<PassSummary> trainEp(NetworkSpec network, InputEncoding encoding, TrainingData data, int threadCount,
                                      PrintWriter out, PrintWriter err) throws InterruptedException {
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
            RunControl control = new RunControl();
            // A new control starts with a snapshot requested, and nothing here shows snapshots.
            control.takeSnapshotRequest();
            TrainingListener progress = new TrainingListener() {
                @Override
                public void passCompleted(PassSummary summary) {
                    err.println("EP pass " + summary.pass() + ": test accuracy "
                            + Formats.percent(summary.test().bayesian().accuracy()) + ", "
                            + Formats.fixed(summary.seconds(), 1) + " s");
                    err.flush();
                }
            };
            return trainer.train(data.test(), progress, control);
        }
    }

    /** Returns, per pass, the baseline's test accuracy and the pass's training seconds. */
    private List<double[]> trainBaseline(NetworkSpec network, InputEncoding encoding, TrainingData data, int threadCount,
                                         PrintWriter out, PrintWriter err) {
        SurrogateGradientSettings settings = SurrogateGradientSettings.defaults()
                .withLearningRate(learningRate)
                .withSlope(slope)
                .withBatchSize(batch)
                .withPasses(passes)
                .withSeed(seed)
                .withThreads(threadCount);
        out.println("Baseline: " + settings);
        out.flush();
        List<double[]> results = new ArrayList<>();
        try (SurrogateGradientTrainer trainer = new SurrogateGradientTrainer(network, encoding, data.train(), settings)) {
            for (int p = 0; p < passes; p++) {
                SurrogateGradientTrainer.PassResult pass = trainer.trainPass();
                ClassificationMetrics test = trainer.evaluate(data.test());
                err.println("Baseline pass " + pass.pass() + ": test accuracy " + Formats.percent(test.accuracy()) + ", "
                        + Formats.fixed(pass.seconds(), 1) + " s");
                err.flush();
                results.add(new double[] {test.accuracy(), pass.seconds()});
            }
        }
        return results;
    }

    /** Formats the rows as an aligned text table with accuracies in percent and seconds with one decimal. */
    static String table(List<Row> rows) {
        String format = "%4s  %14s  %10s  %20s  %16s%n";
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, format, "pass", "EP accuracy", "EP s",
                "baseline accuracy", "baseline s"));
        for (Row row : rows) {
            text.append(String.format(Locale.ROOT, format, row.pass(), Formats.percent(row.epAccuracy()),
                    Formats.fixed(row.epSeconds(), 1), Formats.percent(row.baselineAccuracy()),
                    Formats.fixed(row.baselineSeconds(), 1)));
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
