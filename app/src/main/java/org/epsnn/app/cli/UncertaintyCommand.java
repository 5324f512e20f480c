package org.epsnn.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.epsnn.app.data.TrainingData;
import org.epsnn.model.data.Dataset;
import org.epsnn.model.data.ShiftedInputs;
import org.epsnn.model.ep.EpNetwork;
import org.epsnn.model.ep.EpTrainer;
import org.epsnn.model.ep.InputEncoding;
import org.epsnn.model.ep.Prediction;
import org.epsnn.model.network.NetworkSpec;
import org.epsnn.model.network.NeuronModel;
import org.epsnn.model.network.WeightPrior;
import org.epsnn.model.training.PassSummary;
import org.epsnn.model.training.PredictiveEntropy;
import org.epsnn.model.training.ReliabilityDiagram;
import org.epsnn.model.training.RunControl;
import org.epsnn.model.training.TrainingListener;
import org.epsnn.model.training.TrainingSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code epsnn uncertainty}: trains a network on image data, then prints the mean predictive
 * entropy of the Bayesian prediction on the test images and on the same images moved off the
 * training distribution (rotated, inverted, replaced by uniform noise).
 */
@Command(name = "uncertainty", sortOptions = false, mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = {"Trains a network on image data, then prints the mean predictive entropy (in nats) of the"
                + " Bayesian prediction on the test images and on shifted copies: rotated, grey levels inverted, and"
                + " uniform noise of the same size.",
            "A network that knows what it does not know has a higher entropy on the shifted inputs."},
        footer = {"", "Examples:",
            "  epsnn uncertainty --dataset strokes",
            "  epsnn uncertainty --dataset ~/mnist --layers 784-500-10 --passes 1 --seed 1"})
public final class UncertaintyCommand implements Callable<Integer> {

    /** One row of the table: an input set and what the network predicts on it. */
    record Row(String inputs, double meanEntropy, double accuracy) {
    }

    @Spec
    private CommandSpec spec;

    @Option(names = "--dataset", paramLabel = "NAME|DIR", defaultValue = "strokes",
            description = {"The built-in image dataset strokes, or a folder with the four MNIST IDX files (optionally"
                    + " gzipped). Default: ${DEFAULT-VALUE}."})
    String dataset;

    @Option(names = "--layers", paramLabel = "SIZES", defaultValue = "auto-100-auto",
            description = {"Layer sizes from input to output, e.g. 784-500-10. 'auto' as the first or last size"
                    + " takes the dataset's feature or class count. Default: ${DEFAULT-VALUE}."})
    String layers;

    @Option(names = "--passes", paramLabel = "N", defaultValue = "1",
            description = "Passes over the training data. Default: ${DEFAULT-VALUE}.")
    int passes;

    @Option(names = "--first-batch", paramLabel = "B1", defaultValue = "10",
            description = "Batch size of the first pass. Default: ${DEFAULT-VALUE}.")
    int firstBatch;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "100",
            description = "Batch size of later passes. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--angle", paramLabel = "DEGREES", defaultValue = "90",
            description = "Counter-clockwise rotation of the rotated test images, in degrees. Default: ${DEFAULT-VALUE}.")
    double angle;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1",
            description = "Seed of the generated data, the initial weights, the sample order and the noise images."
                    + " Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads for the matrix products. Default: the number of processors.")
    Integer threads;

    @Override
    public Integer call() throws IOException, InterruptedException {
        validateOptions();
        TrainingData data = loadData();
        NetworkSpec network = networkSpec(data);
        InputEncoding encoding = data.defaultEncoding();
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        TrainingSettings settings = TrainingSettings.defaults()
                .withFirstBatchSize(firstBatch)
                .withBatchSize(batch)
                .withPasses(passes)
                .withSeed(seed)
                .withThreads(threadCount)
                .withTrainEvaluationSamples(0);

        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        out.println("Data:     " + data.train().name() + ", " + data.summary() + ", inputs " + encoding);
        out.println("Network:  " + network.sizesText() + ", heaviside neurons, gaussian weights");
        out.println("Training: " + settings);
        out.flush();

        EpNetwork model = EpNetwork.create(network, encoding, seed);
        List<Row> rows = new ArrayList<>();
        try (EpTrainer trainer = new EpTrainer(model, data.train(), settings)) {
            RunControl control = new RunControl();
            // A new control starts with a snapshot requested, and nothing here shows snapshots.
            control.takeSnapshotRequest();
            trainer.train(null, progressPrinter(err), control);

            Dataset test = data.test();
            Dataset rotated = ShiftedInputs.rotated(test, angle);
            Dataset inverted = ShiftedInputs.inverted(test);
            Dataset noise = ShiftedInputs.noise(test, seed);
            rows.add(row("test", trainer, test, out));
            rows.add(row("rotated " + Formats.fixed(angle, 0) + " degrees", trainer, rotated, out));
            rows.add(row("inverted", trainer, inverted, out));
            rows.add(row("uniform noise", trainer, noise, out));
        }

        out.println();
        out.print(table(rows, data.train().classCount()));
        out.flush();
        return 0;
    }

    private static TrainingListener progressPrinter(PrintWriter err) {
        return new TrainingListener() {
            @Override
            public void passCompleted(PassSummary summary) {
                err.println("Pass " + summary.pass() + " done in " + Formats.fixed(summary.seconds(), 1) + " s");
                err.flush();
            }
        };
    }

    /** Predicts every row of {@code inputs} and prints the test set's calibration error when it is the test set. */
    private static Row row(String name, EpTrainer trainer, Dataset inputs, PrintWriter out) {
        Prediction prediction = trainer.predict(inputs);
        double[] entropies = PredictiveEntropy.ofRows(prediction.probabilities(), prediction.outputs());
        int correct = 0;
        for (int s = 0; s < inputs.rows(); s++) {
            if (prediction.predictedClass(s) == inputs.labels()[s]) {
                correct++;
            }
        }
        if (name.equals("test")) {
            ReliabilityDiagram reliability = ReliabilityDiagram.of(prediction.probabilities(), prediction.outputs(),
                    inputs.labels(), inputs.rows(), org.epsnn.model.training.ClassificationMetrics.CALIBRATION_BINS);
            out.println("Test:     expected calibration error " + Formats.fixed(reliability.calibrationError(), 4)
                    + " over " + reliability.bins() + " confidence bins");
        }
        return new Row(name, PredictiveEntropy.mean(entropies), (double) correct / inputs.rows());
    }

    /**
     * Formats the rows as a table: the input set, the mean entropy in nats, the entropy as a
     * fraction of its maximum {@code ln classes}, and the accuracy against the original labels.
     */
    static String table(List<Row> rows, int classes) {
        String format = "%-22s  %20s  %12s  %20s%n";
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, format, "inputs", "mean entropy (nats)",
                "of ln " + classes, "accuracy vs labels"));
        for (Row row : rows) {
            text.append(String.format(Locale.ROOT, format, row.inputs(), Formats.fixed(row.meanEntropy(), 4),
                    Formats.fixed(row.meanEntropy() / Math.log(classes), 3), Formats.percent(row.accuracy())));
        }
        return text.toString();
    }

    private void validateOptions() {
        require(passes >= 1, "--passes", "must be at least 1, got " + passes);
        require(firstBatch >= 1, "--first-batch", "must be at least 1, got " + firstBatch);
        require(batch >= 1, "--batch", "must be at least 1, got " + batch);
        require(Double.isFinite(angle), "--angle", "must be a finite number of degrees, got " + angle);
        if (threads != null) {
            require(threads >= 1, "--threads", "must be at least 1, got " + threads);
        }
    }

    private TrainingData loadData() throws IOException {
        TrainingData data = switch (DatasetArgument.sourceOf(dataset, this::usageError)) {
            case BUILT_IN -> TrainingData.builtIn(dataset, seed);
            case MNIST -> TrainingData.mnist(Path.of(dataset));
            case CSV -> throw usageError("--dataset", "'" + dataset + "' is a CSV file; uncertainty needs image data"
                    + " (strokes or an MNIST folder) to rotate");
        };
        if (!data.classification() || !data.train().isImage()) {
            throw usageError("--dataset", "'" + dataset + "' is not image classification data; use strokes or an MNIST folder");
        }
        return data;
    }

    private NetworkSpec networkSpec(TrainingData data) {
        String datasetText = "dataset " + data.train().name() + " (" + data.outputsText() + ")";
        try {
            int[] sizes = LayerSizes.resolve(layers, data.train().columns(), data.train().outputCount(), datasetText);
            return NetworkSpec.of(sizes, NeuronModel.HEAVISIDE, WeightPrior.gaussian(1.0), NetworkSpec.Task.CLASSIFICATION);
        } catch (IllegalArgumentException e) {
            throw usageError("--layers", e.getMessage());
        }
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
