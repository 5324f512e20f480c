package org.epsnn.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.epsnn.app.data.TrainingData;
import org.epsnn.model.data.Dataset;
import org.epsnn.model.ep.EpNetwork;
import org.epsnn.model.ep.EpTrainer;
import org.epsnn.model.project.AtomicFiles;
import org.epsnn.model.project.DataFiles;
import org.epsnn.model.project.DataReference;
import org.epsnn.model.project.PosteriorState;
import org.epsnn.model.project.Project;
import org.epsnn.model.project.ProjectFiles;
import org.epsnn.model.project.ProjectSetup;
import org.epsnn.model.training.Evaluation;
import org.epsnn.model.training.MetricsCsv;
import org.epsnn.model.training.TrainingSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code epsnn evaluate}: evaluates the trained posterior of a saved project on its training and
 * test data, or on another dataset, and prints the metrics.
 */
@Command(name = "evaluate", sortOptions = false, mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = {"Evaluates the trained network of a saved project on its training and test data and prints the metrics."},
        footer = {"", "Examples:",
            "  epsnn evaluate moons.epsnn",
            "  epsnn evaluate mnist.epsnn --dataset ~/mnist --metrics mnist-eval.csv"})
public final class EvaluateCommand implements Callable<Integer> {

    /** The columns of the {@code --metrics} file, one row per dataset split. */
    static final List<String> COLUMNS = List.of("split", "samples", "accuracy", "accuracy_deterministic", "nll", "ece",
            "rmse", "rmse_deterministic", "log_likelihood");

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The project file (.epsnn).")
    Path projectFile;

    @Option(names = "--dataset", paramLabel = "NAME|DIR|FILE",
            description = {"Evaluate on this data instead of the project's: a built-in dataset, an MNIST folder or a"
                    + " .csv file (read with the project's target column, split and missing-value policy)."},
            completionCandidates = TrainCommand.BuiltInNames.class)
    String dataset;

    @Option(names = "--metrics", paramLabel = "FILE",
            description = "Also write the metrics as CSV to FILE: one row for the training and one for the test data.")
    Path metrics;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads for the matrix products. Default: the number of processors.")
    Integer threads;

    @Override
    public Integer call() throws IOException {
        if (threads != null && threads < 1) {
            throw usageError("--threads", "must be at least 1, got " + threads);
        }
        if (metrics != null) {
            Path folder = metrics.toAbsolutePath().getParent();
            if (folder == null || !Files.isDirectory(folder)) {
                throw usageError("--metrics", "folder " + folder + " does not exist; create it or choose another path");
            }
        }
        Project project = ProjectFiles.load(projectFile);
        PosteriorState posterior = project.trainedPosterior().orElseThrow(() -> new IllegalArgumentException(
                "Project " + projectFile + " has no trained network yet. Train it first, for example with"
                        + " 'epsnn train --resume " + projectFile + " --passes 1 --save trained.epsnn'."));
        ProjectSetup setup = project.setup();
        TrainingData data = loadData(project);
        EpNetwork network = posterior.toNetwork(setup.network(), setup.encoding());
        TrainingSettings settings = setup.settings().withThreads(threads == null ? Runtime.getRuntime().availableProcessors() : threads);

        PrintWriter out = spec.commandLine().getOut();
        out.println("Project:  " + projectFile + ", " + setup.network().sizesText() + ", "
                + posterior.completedPasses() + (posterior.completedPasses() == 1 ? " pass" : " passes")
                + (posterior.samplesIntoPass() > 0 ? " and " + posterior.samplesIntoPass() + " samples" : "") + " trained");
        out.println("Data:     " + data.train().name() + ", " + data.summary());
        List<String> rows = new ArrayList<>();
        try (EpTrainer trainer = new EpTrainer(network, data.train(), settings)) {
            rows.add(report(out, "Train", trainer.evaluate(data.train(), -1), data.train(), data.classification()));
            rows.add(report(out, "Test", trainer.evaluate(data.test(), -1), data.test(), data.classification()));
        }
        out.flush();
        if (metrics != null) {
            List<String> lines = new ArrayList<>();
            lines.add(String.join(",", COLUMNS));
            lines.addAll(rows);
            AtomicFiles.write(metrics, stream -> stream.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)));
            out.println("Metrics in " + metrics.toAbsolutePath());
            out.flush();
        }
        return 0;
    }

    /** Loads the project's data after checking its files, or the data of {@code --dataset}. */
    private TrainingData loadData(Project project) throws IOException {
        DataReference reference = project.setup().data();
        if (dataset == null) {
            if (reference.kind() == DataReference.Kind.MNIST && reference.path() == null) {
                throw usageError("--dataset", "the project " + projectFile + " has no MNIST folder; give it with --dataset DIR");
            }
            DataFiles.verify(reference, project.dataChecksums(), projectFile);
            return TrainingData.of(reference, DataFiles.resolve(reference, projectFile));
        }
        long seed = reference.kind() == DataReference.Kind.BUILT_IN ? reference.seed() : project.setup().settings().seed();
        TrainingData.Source source = DatasetArgument.sourceOf(dataset, this::usageError);
        DataReference other = switch (source) {
            case BUILT_IN -> DataReference.builtIn(dataset.toLowerCase(Locale.ROOT), seed);
            case MNIST -> DataReference.mnist(Path.of(dataset).toAbsolutePath().toString());
            case CSV -> DataReference.csv(Path.of(dataset).toAbsolutePath().toString(),
                    reference.kind() == DataReference.Kind.CSV ? reference.target() : null,
                    reference.kind() == DataReference.Kind.CSV ? reference.testFraction() : 0.2, seed)
                    .withMissingValues(reference.missingValues());
        };
        return TrainingData.of(other, DataFiles.resolve(other, null));
    }

    /** Prints one line of metrics and returns the same numbers as a CSV row. */
    private static String report(PrintWriter out, String split, Evaluation evaluation, Dataset data, boolean classification) {
        String label = (split + ":").concat(" ".repeat(Math.max(1, 10 - split.length() - 1)));
        if (classification) {
            out.println(label + "accuracy " + Formats.percent(evaluation.bayesian().accuracy()) + " (deterministic "
                    + Formats.percent(evaluation.deterministicAccuracy()) + "), NLL "
                    + Formats.significant(evaluation.bayesian().negativeLogLikelihood(), 4) + ", ECE "
                    + Formats.significant(evaluation.bayesian().calibrationError(), 3) + ", " + data.rows() + " samples");
        } else {
            out.println(label + "RMSE " + Formats.significant(evaluation.bayesianRegression().rootMeanSquaredError(), 4)
                    + " (deterministic " + Formats.significant(evaluation.deterministicRootMeanSquaredError(), 4)
                    + "), log-likelihood " + Formats.significant(evaluation.bayesianRegression().logLikelihood(), 4)
                    + ", " + data.rows() + " samples");
        }
        return String.join(",", split.toLowerCase(Locale.ROOT), Integer.toString(data.rows()),
                MetricsCsv.number("%.6f", evaluation.bayesian().accuracy()),
                MetricsCsv.number("%.6f", evaluation.deterministicAccuracy()),
                MetricsCsv.number("%.6g", evaluation.bayesian().negativeLogLikelihood()),
                MetricsCsv.number("%.6g", evaluation.bayesian().calibrationError()),
                MetricsCsv.number("%.6g", evaluation.bayesianRegression().rootMeanSquaredError()),
                MetricsCsv.number("%.6g", evaluation.deterministicRootMeanSquaredError()),
                MetricsCsv.number("%.6g", evaluation.bayesianRegression().logLikelihood()));
    }

    private ParameterException usageError(String option, String problem) {
        return new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': " + problem);
    }
}
