package org.epsnn.app.cli;

import org.epsnn.app.data.TrainingData;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.epsnn.model.data.BuiltInDatasets;
import org.epsnn.model.data.CsvTargetColumnException;
import org.epsnn.model.ep.EpNetwork;
import org.epsnn.model.ep.EpTrainer;
import org.epsnn.model.ep.InputEncoding;
import org.epsnn.model.network.NetworkSpec;
import org.epsnn.model.network.NeuronModel;
import org.epsnn.model.network.WeightPrior;
import org.epsnn.model.project.DataFiles;
import org.epsnn.model.project.DataReference;
import org.epsnn.model.project.Project;
import org.epsnn.model.project.ProjectFiles;
import org.epsnn.model.project.ProjectSetup;
import org.epsnn.model.training.PassSummary;
import org.epsnn.model.training.RunControl;
import org.epsnn.model.training.TrainingListener;
import org.epsnn.model.training.TrainingSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code epsnn train}: trains a network with EP on a built-in dataset, an MNIST folder or a CSV
 * file, and reports the accuracy (or, for regression, the error) after every pass.
 */
@Command(name = "train", sortOptions = false, mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = {"Trains a spiking network with Expectation-Propagation and prints the results of every pass.",
            "Progress goes to stderr, one line of results per pass to stdout."},
        footer = {"", "Examples:",
            "  epsnn train",
            "  epsnn train --dataset moons --layers auto-16-auto --passes 3",
            "  epsnn train --dataset ~/mnist --layers 784-500-10 --metrics mnist.csv",
            "  epsnn train --dataset data.csv --target price --test-fraction 0.25",
            "  epsnn train --dataset moons --passes 2 --save moons.epsnn",
            "  epsnn train --resume moons.epsnn --passes 3"})
public final class TrainCommand implements Callable<Integer> {

    /** Exit code of a run stopped with Ctrl+C: 128 plus the number of SIGINT, as shells report it. */
    static final int EXIT_INTERRUPTED = 130;

    private static final Logger LOG = LoggerFactory.getLogger(TrainCommand.class);

    /** How long the shutdown hook waits for the current batch and the metrics file after Ctrl+C. */
    private static final long SHUTDOWN_WAIT_SECONDS = 30;

    /** The neuron models of hidden and classification output layers. */
    enum NeuronChoice {
        HEAVISIDE, SIGMOID
    }

    /** The weight priors. */
    enum WeightChoice {
        GAUSSIAN, BINARY, TERNARY
    }

    @Spec
    private CommandSpec spec;

    @Option(names = "--dataset", paramLabel = "NAME|DIR|FILE", defaultValue = "strokes",
            description = {"A built-in dataset (${COMPLETION-CANDIDATES}), a folder with the four MNIST IDX files"
                    + " (optionally gzipped), or a .csv file. Default: ${DEFAULT-VALUE}."},
            completionCandidates = BuiltInNames.class)
    String dataset;

    @Option(names = "--target", paramLabel = "COLUMN",
            description = "CSV only: the target column, by header name or 0-based index. Default: the last column.")
    String target;

    @Option(names = "--missing-values", paramLabel = "POLICY",
            description = "CSV only: what to do with empty cells: reject (name the first one and stop), drop-rows, "
                    + "or impute-mean (replace a missing feature by its column's mean). Default: reject.")
    String missingValues;

    @Option(names = "--test-fraction", paramLabel = "FRACTION",
            description = "CSV only: share of the rows held out for testing, chosen at random from --seed. Default: 0.2.")
    Double testFraction;

    @Option(names = "--train-samples", paramLabel = "N",
            description = "Train on the first N training samples only. Default: all.")
    Integer trainSamples;

    @Option(names = "--layers", paramLabel = "SIZES", defaultValue = "auto-100-auto",
            description = {"Layer sizes from input to output, e.g. 784-500-10. 'auto' as the first or last size"
                    + " takes the dataset's feature or output count. Default: ${DEFAULT-VALUE}."})
    String layers;

    @Option(names = "--neuron", paramLabel = "MODEL", defaultValue = "heaviside",
            description = "Neuron model of the spiking layers: heaviside or sigmoid. Default: ${DEFAULT-VALUE}.")
    String neuronName;

    @Option(names = "--temperature", paramLabel = "T",
            description = "Temperature of the sigmoid neuron, which spikes with probability sigmoid(u / T). Default: 1.")
    Double temperature;

    @Option(names = "--weights", paramLabel = "KIND", defaultValue = "gaussian",
            description = "Weight prior: gaussian, binary (-1, +1) or ternary (-1, 0, +1). Default: ${DEFAULT-VALUE}.")
    String weightsName;

    @Option(names = "--prior-variance", paramLabel = "VARIANCE",
            description = "Variance of the Gaussian weight prior. Default: 1.")
    Double priorVariance;

    @Option(names = "--temper", paramLabel = "FACTORS", split = ",",
            description = "Tempering factor of each layer with weights, first hidden layer first, e.g. 8,1."
                    + " Missing trailing layers get 1 (plain EP).")
    double[] temper;

    @Option(names = "--noise-variance", paramLabel = "VARIANCE",
            description = "Regression only: output noise variance in standardised target units. Default: 0.1.")
    Double noiseVariance;

    @Option(names = "--inputs", paramLabel = "ENCODING", converter = InputEncodingConverter.class,
            description = {"Input encoding: threshold (pixels at or above 0.5 spike), threshold:LEVEL, bernoulli"
                    + " (grey levels as spike probabilities) or real. Default: threshold for images, real otherwise."})
    InputEncoding inputs;

    @Option(names = "--first-batch", paramLabel = "B1", defaultValue = "10",
            description = "Batch size of the first pass. Default: ${DEFAULT-VALUE}.")
    int firstBatch;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "100",
            description = "Batch size of later passes. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--passes", paramLabel = "N", defaultValue = "1",
            description = "Passes over the training data. Default: ${DEFAULT-VALUE}.")
    int passes;

    @Option(names = "--damping", paramLabel = "D",
            description = "Damping of later passes, in (0, 1]. Default: min(1, 100 / B).")
    Double damping;

    @Option(names = "--damping-schedule", paramLabel = "VALUES", split = ",",
            description = "Damping of passes 2, 3, ... in order, e.g. 0.5,0.5,0.25; the last value repeats.")
    double[] dampingSchedule;

    @Option(names = "--adaptive-damping",
            description = "Scale each neuron's site update by how much the samples of a batch agree.")
    boolean adaptiveDamping;

    @Option(names = "--warmup", paramLabel = "N",
            description = "Train only the first N samples of the first pass at the first batch size, the rest at"
                    + " the later batch size. Default: the whole first pass.")
    Integer warmup;

    @Option(names = "--eval-interval", paramLabel = "N", defaultValue = "0",
            description = "Also evaluate on the test data every N batches inside a pass, as the window's accuracy"
                    + " chart does, and print each result; 0 evaluates after each pass only. Default: ${DEFAULT-VALUE}.")
    int evaluationInterval;

    @Option(names = "--train-eval", paramLabel = "N", defaultValue = "10000",
            description = "Training samples evaluated after each pass (a seeded subset); 0 skips, -1 takes all."
                    + " Default: ${DEFAULT-VALUE}.")
    int trainEvaluation;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1",
            description = "Seed of the generated data, the CSV split, the prior draws and the sample order."
                    + " Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads for the matrix products and element-wise work. Default: the number of processors.")
    Integer threads;

    @Option(names = "--metrics", paramLabel = "FILE",
            description = "Write one CSV row of metrics per pass to FILE, rewritten after every pass.")
    Path metrics;

    @Option(names = "--save", paramLabel = "FILE",
            description = {"Save the project (data reference, network, settings, trained posterior and metrics) to FILE"
                    + " after every pass and when the run stops, e.g. model.epsnn."})
    Path save;

    @Option(names = "--description", paramLabel = "TEXT",
            description = "With --save: a description that the window shows when the project opens.")
    String description;

    @Option(names = "--resume", paramLabel = "FILE",
            description = {"Continue training the project in FILE for --passes more passes and save it back to FILE"
                    + " (or to --save). The project fixes the data, network and settings; only --passes, --threads,"
                    + " --save, --metrics and --dataset (for data that moved) apply."})
    Path resume;

    /** The options that may accompany {@code --resume}; the project fixes every other one. */
    private static final List<String> RESUME_OPTIONS = List.of("--resume", "--passes", "--threads", "--save",
            "--metrics", "--dataset", "--verbose", "--help", "-h", "--version", "-V");

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (resume != null) {
            return resumeProject();
        }
        validateOptions();
        validateSaveOption();
        TrainingData data = loadData();
        InputEncoding encoding = inputs != null ? inputs : data.defaultEncoding();
        NetworkSpec network = networkSpec(data);
        TrainingSettings settings = trainingSettings();
        MetricsFile metricsFile = metrics == null ? null : new MetricsFile(metrics);

        PrintWriter out = spec.commandLine().getOut();
        out.println("Data:     " + data.train().name() + ", " + data.summary() + ", inputs " + encoding);
        out.println("Network:  " + describe(network));
        out.flush();

        EpNetwork model = EpNetwork.create(network, encoding, seed, data.targetMean(), data.targetScale());
        Project project = null;
        if (save != null) {
            DataReference reference = dataReference(data.source());
            project = Project.of(new ProjectSetup(description, reference, network, encoding, settings))
                    .withDataChecksums(DataFiles.checksums(reference, null));
        }
        try (EpTrainer trainer = new EpTrainer(model, data.train(), settings)) {
            out.println("Training: " + settings + "; " + trainer.productsName());
            out.flush();
            return run(trainer, data, metricsFile, save, project);
        }
    }

    /** Continues the project of {@code --resume} for {@code --passes} passes and saves it. */
    private int resumeProject() throws IOException, InterruptedException {
        for (String option : spec.commandLine().getParseResult().matchedOptions().stream().map(o -> o.longestName()).toList()) {
            require(RESUME_OPTIONS.contains(option), option, "cannot be combined with --resume, because the project fixes"
                    + " the data, network and settings; only --passes, --threads, --save, --metrics and --dataset apply");
        }
        validateScheduleOptions();
        validateSaveOption();
        if (metrics != null) {
            validateDataOptions();
        }
        Project project = ProjectFiles.load(resume);
        if (save == null) {
            require(!resume.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"), "--resume",
                    resume + " is a version 1 setup file; give --save FILE.epsnn for the trained project");
        }
        ProjectSetup setup = project.setup();
        DataReference reference = setup.data();
        if (spec.commandLine().getParseResult().hasMatchedOption("--dataset")) {
            require(reference.kind() != DataReference.Kind.BUILT_IN, "--dataset",
                    "the project uses the built-in dataset " + reference.name() + ", which needs no file");
            require(Files.exists(Path.of(dataset)), "--dataset", "'" + dataset + "' not found");
            reference = reference.withPath(Path.of(dataset).toAbsolutePath().toString());
        }
        if (reference.kind() == DataReference.Kind.MNIST && reference.path() == null) {
            throw usageError("--dataset", "the project " + resume + " has no MNIST folder; give the folder with --dataset DIR");
        }
        // The relocated file must be the one the project was trained on: the checksums are keyed by file name.
        DataFiles.verify(reference, project.dataChecksums(), resume);
        TrainingData data = TrainingData.of(reference, DataFiles.resolve(reference, resume));
        TrainingSettings settings = setup.settings().withPasses(passes)
                .withThreads(threads == null ? setup.settings().threads() : threads);
        EpNetwork model = project.posterior() != null
                ? project.posterior().toNetwork(setup.network(), setup.encoding())
                : EpNetwork.create(setup.network(), setup.encoding(), setup.settings().seed(), data.targetMean(), data.targetScale());
        MetricsFile metricsFile = metrics == null ? null : new MetricsFile(metrics, project.history());

        PrintWriter out = spec.commandLine().getOut();
        out.println("Project:  " + resume + ", " + position(model));
        out.println("Data:     " + data.train().name() + ", " + data.summary() + ", inputs " + setup.encoding());
        out.println("Network:  " + describe(setup.network()));
        out.flush();
        Project base = project.withSetup(new ProjectSetup(setup.description(), reference, setup.network(), setup.encoding(),
                setup.settings()));
        try (EpTrainer trainer = new EpTrainer(model, data.train(), settings)) {
            out.println("Training: " + settings + "; " + trainer.productsName());
            out.flush();
            return run(trainer, data, metricsFile, save != null ? save : resume, base);
        }
    }

    private static String position(EpNetwork network) {
        if (network.samplesSeen() == 0) {
            return "not trained yet";
        }
        String passesText = network.completedPasses() + (network.completedPasses() == 1 ? " pass" : " passes");
        return "trained " + passesText + (network.samplesIntoPass() > 0
                ? " and " + network.samplesIntoPass() + " samples of pass " + (network.completedPasses() + 1) : "");
    }

    private void validateSaveOption() {
        require(description == null || save != null, "--description", "applies with --save only");
        if (save != null) {
            Path folder = save.toAbsolutePath().getParent();
            require(folder != null && Files.isDirectory(folder), "--save",
                    "folder " + folder + " does not exist; create it or choose another path");
            require(!Files.isDirectory(save), "--save", save + " is a folder; give a file name such as model.epsnn");
        }
    }

    /** Returns the data reference that a saved project records for {@code --dataset} and the data options. */
    private DataReference dataReference(TrainingData.Source source) {
        DataReference reference = switch (source) {
            case BUILT_IN -> DataReference.builtIn(dataset.toLowerCase(Locale.ROOT), seed);
            case MNIST -> DataReference.mnist(Path.of(dataset).toAbsolutePath().toString());
            case CSV -> DataReference.csv(Path.of(dataset).toAbsolutePath().toString(), target,
                    testFraction == null ? 0.2 : testFraction, seed).withMissingValues(missingValuesPolicy());
        };
        return trainSamples == null ? reference : reference.withTrainingLimit(trainSamples);
    }

    /**
     * Trains until the last pass or until Ctrl+C. A shutdown hook cancels the run, so that the
     * current batch finishes, and waits for the metrics file and the project to be complete.
     *
     * @param projectFile where to save the project, or null
     * @param base the project to save with the trained state; null when {@code projectFile} is
     */
    private int run(EpTrainer trainer, TrainingData data, MetricsFile metricsFile, Path projectFile, Project base)
            throws InterruptedException, IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConsoleReporter console = new ConsoleReporter(out, err, System.console() != null, data.classification(),
                metricsFile, System::nanoTime);
        TrainingSettings settings = trainer.settings();
        org.epsnn.model.training.AccuracyDrop drops = new org.epsnn.model.training.AccuracyDrop();
        console.setPassCheck(summary -> drops.check(summary, settings.dampingForPass(summary.pass()), settings.batchSize(),
                data.train().rows()));
        ProjectSaver saver = projectFile == null ? null : new ProjectSaver(console, projectFile, base, trainer.network());
        TrainingListener reporter = saver == null ? console : saver;
        RunControl control = new RunControl();
        // The engine builds a snapshot for the window on request, and a new control starts with one requested.
        control.takeSnapshotRequest();

        CountDownLatch finished = new CountDownLatch(1);
        Thread shutdownHook = new Thread(() -> {
            control.cancel();
            try {
                finished.await(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "epsnn-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);

        long start = System.nanoTime();
        try {
            List<PassSummary> summaries = trainer.train(data.test(), reporter, control);
            console.clearBar();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (saver != null) {
                saver.save();
            }
            String projectText = saver == null ? "" : "; project in " + saver.file();
            if (control.isCancelled()) {
                String files = (metricsFile == null ? "" : "; metrics of the complete passes in " + metricsFile.path()) + projectText;
                out.println("Cancelled after " + summaries.size() + " complete "
                        + (summaries.size() == 1 ? "pass" : "passes") + (files.isEmpty() ? "." : files));
                out.flush();
                return EXIT_INTERRUPTED;
            }
            String files = (metricsFile == null ? "" : "; metrics in " + metricsFile.path()) + projectText;
            out.println("Finished " + summaries.size() + (summaries.size() == 1 ? " pass" : " passes") + " in "
                    + Formats.fixed(seconds, 1) + " s" + (files.isEmpty() ? "." : files));
            out.flush();
            return 0;
        } catch (RuntimeException | InterruptedException | IOException e) {
            console.clearBar();
            throw e;
        } finally {
            finished.countDown();
            removeShutdownHook(shutdownHook);
        }
    }

    private static void removeShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            LOG.debug("JVM is shutting down; the hook stays registered");
        }
    }

    private NeuronChoice neuron;
    private WeightChoice weights;

    /** Checks the options that need no data, and throws a usage error naming the first invalid one. */
    private void validateOptions() {
        validateNetworkOptions();
        validateScheduleOptions();
        validateDataOptions();
    }

    private void validateNetworkOptions() {
        neuron = choice("--neuron", neuronName, NeuronChoice.class);
        weights = choice("--weights", weightsName, WeightChoice.class);
        if (temperature != null) {
            require(neuron == NeuronChoice.SIGMOID, "--temperature", "applies to --neuron sigmoid only");
            require(temperature > 0 && Double.isFinite(temperature), "--temperature", "must be positive, got " + temperature);
        }
        if (priorVariance != null) {
            require(weights == WeightChoice.GAUSSIAN, "--prior-variance",
                    "applies to --weights gaussian only; binary and ternary priors are uniform over their levels");
            require(priorVariance > 0 && Double.isFinite(priorVariance), "--prior-variance",
                    "must be positive, got " + priorVariance);
        }
        if (noiseVariance != null) {
            require(noiseVariance > 0 && Double.isFinite(noiseVariance), "--noise-variance",
                    "must be positive, got " + noiseVariance);
        }
        if (temper != null) {
            for (int i = 0; i < temper.length; i++) {
                require(temper[i] > 0 && Double.isFinite(temper[i]), "--temper",
                        "factor " + (i + 1) + " must be positive, got " + temper[i]);
            }
        }
    }

    private void validateScheduleOptions() {
        require(firstBatch >= 1, "--first-batch", "must be at least 1, got " + firstBatch);
        require(batch >= 1, "--batch", "must be at least 1, got " + batch);
        require(passes >= 1, "--passes", "must be at least 1, got " + passes);
        if (damping != null) {
            require(damping > 0 && damping <= 1, "--damping", "must lie in (0, 1], got " + damping);
            require(dampingSchedule == null, "--damping", "conflicts with --damping-schedule; give one of them");
        }
        if (dampingSchedule != null) {
            for (int i = 0; i < dampingSchedule.length; i++) {
                double value = dampingSchedule[i];
                require(value > 0 && value <= 1, "--damping-schedule", "value " + (i + 1) + " must lie in (0, 1], got " + value);
            }
        }
        if (warmup != null) {
            require(warmup >= 0, "--warmup", "must be 0 or more samples, got " + warmup);
        }
        require(evaluationInterval >= 0, "--eval-interval", "must be 0 (after each pass only) or a batch count, got "
                + evaluationInterval);
        require(trainEvaluation >= -1, "--train-eval", "must be -1 (all), 0 (skip) or a sample count, got " + trainEvaluation);
        if (threads != null) {
            require(threads >= 1, "--threads", "must be at least 1, got " + threads);
        }
    }

    private void validateDataOptions() {
        if (testFraction != null) {
            require(testFraction > 0 && testFraction < 1, "--test-fraction", "must lie strictly between 0 and 1, got " + testFraction);
        }
        if (trainSamples != null) {
            require(trainSamples >= 1, "--train-samples", "must be at least 1, got " + trainSamples);
        }
        if (metrics != null) {
            Path folder = metrics.toAbsolutePath().getParent();
            require(folder != null && Files.isDirectory(folder), "--metrics",
                    "folder " + folder + " does not exist; create it or choose another path");
            require(!Files.isDirectory(metrics), "--metrics", metrics + " is a folder; give a file name such as metrics.csv");
        }
    }

    /** The policy that {@code --missing-values} names; reject when it is not given. */
    private org.epsnn.model.data.CsvOptions.MissingValues missingValuesPolicy() {
        if (missingValues == null) {
            return org.epsnn.model.data.CsvOptions.MissingValues.REJECT;
        }
        return switch (missingValues.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "reject" -> org.epsnn.model.data.CsvOptions.MissingValues.REJECT;
            case "drop-rows" -> org.epsnn.model.data.CsvOptions.MissingValues.DROP_ROWS;
            case "impute-mean" -> org.epsnn.model.data.CsvOptions.MissingValues.IMPUTE_MEAN;
            default -> {
                require(false, "--missing-values", "'" + missingValues + "' is not a policy; use reject, drop-rows or impute-mean");
                yield org.epsnn.model.data.CsvOptions.MissingValues.REJECT;
            }
        };
    }

    /** Loads the data that {@code --dataset} names, after checking that it exists. */
    private TrainingData loadData() throws IOException {
        TrainingData.Source source = DatasetArgument.sourceOf(dataset, this::usageError);
        if (source != TrainingData.Source.CSV) {
            require(target == null, "--target", "applies to CSV files only");
            require(testFraction == null, "--test-fraction",
                    "applies to CSV files only; built-in datasets and MNIST come with their own test set");
            require(missingValues == null, "--missing-values", "applies to CSV files only");
        }
        TrainingData data;
        try {
            data = switch (source) {
                case BUILT_IN -> TrainingData.builtIn(dataset, seed);
                case MNIST -> TrainingData.mnist(Path.of(dataset));
                case CSV -> TrainingData.csv(Path.of(dataset), target, testFraction == null ? 0.2 : testFraction, seed,
                        missingValuesPolicy());
            };
        } catch (CsvTargetColumnException e) {
            // The file is readable, so a target column that does not fit it is an invalid --target.
            throw usageError("--target", e.getMessage());
        }
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
        NeuronModel neuronModel = neuron == NeuronChoice.SIGMOID
                ? NeuronModel.sigmoid(temperature == null ? 1.0 : temperature)
                : NeuronModel.HEAVISIDE;
        WeightPrior prior = switch (weights) {
            case GAUSSIAN -> WeightPrior.gaussian(priorVariance == null ? 1.0 : priorVariance);
            case BINARY -> WeightPrior.binary();
            case TERNARY -> WeightPrior.ternary();
        };
        NetworkSpec.Task task = data.classification() ? NetworkSpec.Task.CLASSIFICATION : NetworkSpec.Task.REGRESSION;
        NetworkSpec network = NetworkSpec.of(sizes, neuronModel, prior, task);

        if (noiseVariance != null) {
            require(task == NetworkSpec.Task.REGRESSION, "--noise-variance",
                    "applies to regression only, and " + datasetText + " is a classification dataset");
            network = network.withNoiseVariance(noiseVariance);
        }
        if (temper != null) {
            require(temper.length <= network.depth(), "--temper", temper.length + " factors given, but the network "
                    + network.sizesText() + " has " + network.depth() + " layers with weights");
            for (int l = 0; l < temper.length; l++) {
                network = network.withLayer(l, network.layer(l).withTemper(temper[l]));
            }
        }
        return network;
    }

    private TrainingSettings trainingSettings() {
        return TrainingSettings.defaults()
                .withFirstBatchSize(firstBatch)
                .withBatchSize(batch)
                .withPasses(passes)
                .withDamping(damping == null ? Double.NaN : damping)
                .withDampingSchedule(dampingSchedule == null ? new double[0] : dampingSchedule)
                .withAdaptiveDamping(adaptiveDamping)
                .withSeed(seed)
                .withThreads(threads == null ? Runtime.getRuntime().availableProcessors() : threads)
                .withWarmupSamples(warmup == null ? -1 : warmup)
                .withEvaluationInterval(evaluationInterval)
                .withTrainEvaluationSamples(trainEvaluation);
    }

    private static String describe(NetworkSpec network) {
        StringBuilder text = new StringBuilder(network.toString())
                .append(", ").append(network.layer(0).neuron()).append(" neurons, ");
        WeightPrior prior = network.layer(0).prior();
        text.append(prior.kind().name().toLowerCase(Locale.ROOT)).append(" weights");
        if (prior.kind() == WeightPrior.Kind.GAUSSIAN) {
            text.append(" (prior variance ").append(prior.variance()).append(')');
        }
        if (network.task() == NetworkSpec.Task.REGRESSION) {
            text.append(", noise variance ").append(network.noiseVariance());
        }
        StringBuilder tempering = new StringBuilder();
        for (int l = 0; l < network.depth(); l++) {
            tempering.append(l == 0 ? "" : ",").append(network.layer(l).temper());
        }
        if (network.layers().stream().anyMatch(layer -> layer.temper() != 1.0)) {
            text.append(", tempering ").append(tempering);
        }
        return text.append(", ").append(network.weightCount()).append(" weights").toString();
    }

    /** Returns the constant of {@code type} named {@code value} in any letter case. */
    private <E extends Enum<E>> E choice(String option, String value, Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            String name = constant.name().toLowerCase(Locale.ROOT);
            if (name.equals(value.trim().toLowerCase(Locale.ROOT))) {
                return constant;
            }
            names.add(name);
        }
        throw usageError(option, "'" + value + "' is not one of " + String.join(", ", names));
    }

    private void require(boolean condition, String option, String problem) {
        if (!condition) {
            throw usageError(option, problem);
        }
    }

    private ParameterException usageError(String option, String problem) {
        return new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': " + problem);
    }

    /** The names of the built-in datasets, for the help text. */
    static final class BuiltInNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return BuiltInDatasets.names().iterator();
        }
    }
}
