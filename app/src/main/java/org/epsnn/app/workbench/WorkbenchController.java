package org.epsnn.app.workbench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import org.epsnn.app.data.TrainingData;
import org.epsnn.model.ep.EpNetwork;
import org.epsnn.model.ep.InputEncoding;
import org.epsnn.model.network.LayerSpec;
import org.epsnn.model.network.NetworkSpec;
import org.epsnn.model.network.NeuronModel;
import org.epsnn.model.network.WeightPrior;
import org.epsnn.model.training.AccuracyDrop;
import org.epsnn.model.training.BatchStatistics;
import org.epsnn.model.training.PassSummary;
import org.epsnn.model.training.RunControl;
import org.epsnn.model.training.TrainingSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workbench state and the commands that change it: the network under edit, the data, the
 * training settings and the background run. Views bind to the read-only properties and call the
 * commands; only this class writes the state. Used on the FX thread.
 */
public final class WorkbenchController {

    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchController.class);

    /** The stage of the workbench: loading, idle, running or paused. */
    public enum RunState {
        /** No data loaded yet, or data loading. */
        LOADING,
        /** Ready to train. */
        IDLE,
        RUNNING,
        PAUSED
    }

    /** Test evaluations every this many batches, so the accuracy chart shows test points within a pass. */
    static final int DEFAULT_EVALUATION_INTERVAL = 250;

    /**
     * Time between two drains of the feed: 5 per second. Each drain changes the status bar, so it
     * costs a layout and a frame. At 20 per second the FX thread and the renderer used 15 to 30 %
     * more CPU in the window benchmark on 2 cores (docs/benchmarks.md).
     */
    private static final long DRAIN_INTERVAL_NANOS = 200_000_000L;
    /**
     * Shortest time between two snapshot requests: a snapshot copies every posterior and the plots
     * redraw from it, so large networks get fewer, to leave the cores to training.
     */
    private static final long SNAPSHOT_INTERVAL_NANOS = 200_000_000L;
    // NOTE: with these rates and the refresh budget, the window trained 5 passes of MNIST on 2 cores
    // at 91 to 100 % of the command line's speed in 7 of 9 runs. Single passes fell to 65 to 90 % in
    // some, and the FX thread still waited over 50 ms in 7 of 9 runs (docs/benchmarks.md).
    private static final long LARGE_SNAPSHOT_INTERVAL_NANOS = 1_000_000_000L;
    /**
     * Whether a large network's plot refresh follows the {@link RefreshBudget}; the system property
     * {@code epsnn.refreshBudget=false} keeps the fixed rates, to compare the two in the window benchmark.
     */
    private static final boolean REFRESH_BUDGET = !"false".equals(System.getProperty("epsnn.refreshBudget"));
    /** Networks with more weights than this count as large for the snapshot rate. */
    private static final long LARGE_NETWORK_WEIGHTS = 100_000L;
    /** Plot updates slower than this are logged at debug level, to find what blocks the FX thread. */
    private static final long SLOW_DRAIN_MILLIS = 30;
    /** Test samples whose spike probabilities the snapshots carry. */
    static final int SNAPSHOT_SAMPLES = 16;
    /** Probe grid side for 2-D decision maps, and probe count for 1-D regression bands. */
    static final int PROBE_GRID = 60;
    static final int PROBE_LINE = 200;

    private final EditHistory history = new EditHistory(defaultNetwork(196, 10));
    private final ObjectProperty<TrainingSettings> settings = new SimpleObjectProperty<>(this, "settings", defaultSettings());
    private final ObjectProperty<InputEncoding> encoding = new SimpleObjectProperty<>(this, "encoding", InputEncoding.THRESHOLD_HALF);
    private final ReadOnlyObjectWrapper<DataChoice> dataChoice = new ReadOnlyObjectWrapper<>(this, "dataChoice");
    private final ReadOnlyObjectWrapper<TrainingData> data = new ReadOnlyObjectWrapper<>(this, "data");
    private final ReadOnlyObjectWrapper<EpNetwork> posterior = new ReadOnlyObjectWrapper<>(this, "posterior");
    private final ReadOnlyObjectWrapper<RunState> runState = new ReadOnlyObjectWrapper<>(this, "runState", RunState.LOADING);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyBooleanWrapper hasPosterior = new ReadOnlyBooleanWrapper(this, "hasPosterior");
    /** Check of each pass of the current posterior for a fall in test accuracy. */
    private AccuracyDrop accuracyDrops = new AccuracyDrop();
    /** The last warning of the run about a pass that lost test accuracy, or null. */
    private String accuracyDropWarning;
    /** Message when the user kept the trained posterior rather than edit the network. */
    static final String EDIT_CANCELLED = "Edit cancelled; the network and its trained posterior stay as they were.";
    private java.util.function.Predicate<String> posteriorDiscardApproval = edit -> true;
    private final TrainingService service = new TrainingService();
    private final GradientComparison comparison = new GradientComparison();
    /** Whether the baseline starts when the EP run that the comparison started completes. */
    private boolean compareAfterRun;
    private final List<Consumer<LiveFeed.Drained>> feedConsumers = new ArrayList<>();
    private final List<Runnable> resetListeners = new ArrayList<>();
    private final List<Consumer<Optional<EpNetwork>>> pendingCopies = new ArrayList<>();
    private LiveFeed feed;
    private RunControl control;
    private long lastSnapshotRequest;
    private long runStartNanos;
    /** Time the run spent paused, not counted as elapsed; and when the current pause began, or 0. */
    private long pausedNanos;
    private long pausedSince;
    private int runFirstPass;
    /** Statistics of the last batch shown in the status bar, or null before the first. */
    private BatchStatistics lastStatistics;
    /** Drains the feed on the FX thread at a fixed rate, without making the scene pulse in between. */
    private final FxTicker pump = new FxTicker(() -> tick(System.nanoTime()));
    /** Stretches the plot refresh of a large network while the window's drawing takes too much CPU. */
    private final RefreshBudget refreshBudget = new RefreshBudget();
    /**
     * Counts the data loads started. A load that finishes after a newer one started is dropped, so
     * that the data a user asked for last stays (a project opened while other data loaded).
     */
    private long loadGeneration;
    /** Starts the training thread of a run (see {@link #setLauncher}). */
    private Consumer<Runnable> launcher = Runnable::run;
    /** Factor applied to the plot refresh intervals now; 1 unless the budget stretched them. */
    private int plotStretch = 1;
    private long lastPlotDrain;

    public WorkbenchController() {
        service.setOnSucceeded(event -> finishRun(service.getValue()));
        service.setOnFailed(event -> {
            Throwable error = service.getException();
            LOG.error("Training failed", error);
            drainFeed(System.nanoTime());
            pump.stop();
            runState.set(RunState.IDLE);
            servePendingCopies();
            message.set("Training failed: " + (error == null ? "unknown error" : error.getMessage()));
        });
        history.networkProperty().addListener((observable, before, after) -> discardPosterior("network changed"));
        feedConsumers.add(drained -> drained.passes().forEach(comparison::recordEpPass));
        feedConsumers.add(drained -> drained.passes().forEach(this::checkAccuracyDrop));
        // The comparison sets its status before it clears running, so the status bar gets the final line.
        comparison.runningProperty().addListener((observable, before, after) -> {
            if (!after) {
                message.set(comparison.statusProperty().get());
            }
        });
    }

    private static TrainingSettings defaultSettings() {
        return TrainingSettings.defaults().withPasses(3).withThreads(Math.max(1, Runtime.getRuntime().availableProcessors()))
                .withEvaluationInterval(DEFAULT_EVALUATION_INTERVAL).withTrainEvaluationSamples(2000);
    }

    /** A network of {@code inputs}-100-{@code outputs} with Heaviside neurons and Gaussian weights of prior variance 1. */
    static NetworkSpec defaultNetwork(int inputs, int outputs) {
        return NetworkSpec.of(new int[] {inputs, 100, outputs}, NeuronModel.HEAVISIDE, WeightPrior.gaussian(1),
                NetworkSpec.Task.CLASSIFICATION);
    }

    public EditHistory history() {
        return history;
    }

    public ReadOnlyObjectProperty<TrainingData> dataProperty() {
        return data.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DataChoice> dataChoiceProperty() {
        return dataChoice.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<EpNetwork> posteriorProperty() {
        return posterior.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RunState> runStateProperty() {
        return runState.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasPosteriorProperty() {
        return hasPosterior.getReadOnlyProperty();
    }

    /** EP beside the gradient baseline: the curves and the baseline's progress. */
    public GradientComparison comparison() {
        return comparison;
    }

    public TrainingSettings settings() {
        return settings.get();
    }

    public ObjectProperty<TrainingSettings> settingsProperty() {
        return settings;
    }

    public InputEncoding encoding() {
        return encoding.get();
    }

    public ReadOnlyObjectProperty<InputEncoding> encodingProperty() {
        return encoding;
    }

    /** Receives every drain of the live feed on the FX thread. */
    public void addFeedConsumer(Consumer<LiveFeed.Drained> consumer) {
        feedConsumers.add(consumer);
    }

    /** Called when the posterior is discarded, so plots can clear their histories. */
    public void addResetListener(Runnable listener) {
        resetListeners.add(listener);
    }

    /** Shows a message in the status bar. */
    public void showMessage(String text) {
        message.set(text);
    }

    // ---- data ----

    /**
     * Loads the chosen data in the background; on success the network's input and output layers
     * follow the data and the posterior is reset. On failure the previous data stays.
     */
    public void loadData(DataChoice choice, Consumer<Throwable> onError) {
        loadData(choice, onError, null);
    }

    /**
     * Loads data as {@link #loadData(DataChoice, Consumer)} does, then runs {@code onLoaded} on the
     * FX thread (for example to apply a project's network and settings).
     */
    public void loadData(DataChoice choice, Consumer<Throwable> onError, Runnable onLoaded) {
        if (isTraining()) {
            message.set("Stop training before changing the data.");
            return;
        }
        RunState before = runState.get() == RunState.LOADING ? RunState.LOADING : RunState.IDLE;
        long generation = ++loadGeneration;
        runState.set(RunState.LOADING);
        message.set("Loading " + choice.describe() + " ...");
        Task<TrainingData> task = new Task<>() {
            @Override
            protected TrainingData call() throws Exception {
                TrainingData loaded = choice.load();
                // Scanned here, so that checking an encoding later does not scan MNIST on the FX thread.
                loaded.train().featureRange();
                return loaded;
            }
        };
        task.setOnSucceeded(event -> {
            if (generation != loadGeneration) {
                LOG.debug("Dropped {}: other data was requested while it loaded", choice.describe());
                return;
            }
            TrainingData loaded = task.getValue();
            dataChoice.set(choice);
            data.set(loaded);
            encoding.set(loaded.defaultEncoding());
            adaptNetworkTo(loaded);
            discardPosterior(null);
            Runnable finish = () -> {
                if (generation != loadGeneration) {
                    // A newer load started in between. Its data replaces this one, so what came with this one is not applied.
                    return;
                }
                runState.set(RunState.IDLE);
                message.set("Loaded " + choice.describe() + ": " + loaded.summary() + ".");
                if (onLoaded != null) {
                    onLoaded.run();
                }
            };
            if (onLoaded == null) {
                finish.run();
            } else {
                // A separate task, so that the FX thread can run other work between showing the
                // data and applying what comes with it (a project's network and posterior).
                Platform.runLater(finish);
            }
        });
        task.setOnFailed(event -> {
            Throwable error = task.getException();
            if (generation != loadGeneration) {
                LOG.debug("Ignored the failed load of {}, which other data replaced: {}", choice.describe(), error.toString());
                return;
            }
            runState.set(data.get() == null ? before : RunState.IDLE);
            LOG.warn("Could not load {}: {}", choice.describe(), error.getMessage());
            message.set("Could not load " + choice.describe() + ": " + error.getMessage());
            onError.accept(error);
        });
        Thread thread = new Thread(task, "data-loader");
        thread.setDaemon(true);
        thread.start();
    }

    private void adaptNetworkTo(TrainingData loaded) {
        NetworkSpec current = history.network();
        int inputs = loaded.train().columns();
        int outputs = loaded.train().outputCount();
        NetworkSpec.Task task = loaded.classification() ? NetworkSpec.Task.CLASSIFICATION : NetworkSpec.Task.REGRESSION;
        List<LayerSpec> layers = new ArrayList<>(current.layers());
        LayerSpec last = layers.get(layers.size() - 1);
        NeuronModel outputNeuron = task == NetworkSpec.Task.REGRESSION ? NeuronModel.LINEAR
                : last.neuron().spiking() ? last.neuron() : NeuronModel.HEAVISIDE;
        layers.set(layers.size() - 1, last.withSize(outputs).withNeuron(outputNeuron));
        history.reset(new NetworkSpec(inputs, layers, task, current.noiseVariance()));
    }

    // ---- projects ----

    /**
     * Opens a saved project: loads its data, then applies its network, input encoding, settings
     * and, when it fits the network, its trained posterior, and runs {@code onOpened}. When the
     * data cannot be loaded, {@code onError} runs and the open project stays as it was.
     *
     * @param data where to load from, already resolved (a moved data file located by the user)
     */
    public void openProject(ProjectState state, DataChoice data, Consumer<Throwable> onError, Runnable onOpened) {
        org.epsnn.model.project.ProjectSetup setup = state.setup();
        // In turns: the network editor redraws the new network before the posterior's plots start to.
        loadData(data, onError, () -> FxTurns.run(
                () -> applySetup(setup, data),
                () -> {
                    EpNetwork trained = state.posterior().orElse(null);
                    if (trained != null && (isTraining() || service.isRunning())) {
                        // A run started from the prior between the two turns, so it keeps its own posterior.
                        message.set("Training started before the project's posterior was applied; the run goes on from the prior.");
                    } else if (trained != null && history.network().equals(trained.spec()) && encoding.get().equals(trained.encoding())) {
                        posterior.set(trained);
                        hasPosterior.set(true);
                        message.set("Opened the project: " + setup.network().sizesText() + " on " + data.describe()
                                + ", trained for " + passes(trained.completedPasses()) + ".");
                        showPosterior(trained);
                        // The EP-versus-gradient chart starts from the passes that trained the posterior.
                        state.metrics().passes().forEach(comparison::recordEpPass);
                    } else if (trained != null) {
                        message.set("The project's posterior does not fit its network " + setup.network().sizesText()
                                + " and was not loaded; training starts from the prior.");
                    }
                },
                onOpened));
    }

    /** Applies a setup's network, encoding and settings to freshly loaded data. */
    private void applySetup(org.epsnn.model.project.ProjectSetup setup, DataChoice data) {
        TrainingData loaded = this.data.get();
        NetworkSpec network = setup.network();
        if (network.inputSize() != loaded.train().columns() || network.outputSize() != loaded.train().outputCount()) {
            message.set("The project's network " + network.sizesText() + " does not fit the data (" + loaded.summary()
                    + "); the input and output layers follow the data.");
            return;
        }
        history.reset(network);
        encoding.set(setup.encoding());
        settings.set(setup.settings());
        discardPosterior(null);
        message.set("Opened the project: " + network.sizesText() + " on " + data.describe() + ".");
    }

    /**
     * Draws a posterior that did not come from a run here, such as a loaded one: its snapshot is
     * built on a background thread and handed to the feed consumers like a snapshot of a run.
     */
    private void showPosterior(EpNetwork trained) {
        TrainingData loaded = data.get();
        showSnapshot(() -> org.epsnn.model.ep.EpTrainer.snapshotOf(trained, loaded.test(), snapshotRows(loaded), probePoints(loaded)),
                () -> posterior.get() == trained, "the loaded posterior");
    }

    /**
     * Draws the prior that the next run starts from, after a reset, so that the plots show where
     * training will begin instead of nothing. It is drawn with the run's seed, so it is the same prior.
     */
    private void showPrior() {
        TrainingData loaded = data.get();
        if (loaded == null) {
            return;
        }
        NetworkSpec spec = history.network();
        InputEncoding inputs = encoding.get();
        Supplier<EpNetwork> prior = priorOf(loaded, problem -> { });
        if (prior == null) {
            return;
        }
        showSnapshot(() -> org.epsnn.model.ep.EpTrainer.snapshotOf(prior.get(), loaded.test(), snapshotRows(loaded),
                        probePoints(loaded)),
                () -> posterior.get() == null && !isTraining() && !service.isRunning() && data.get() == loaded
                        && history.network().equals(spec) && encoding.get().equals(inputs),
                "the prior");
    }

    /**
     * Returns what draws the prior of the current network, encoding and seed for {@code loaded},
     * or null after passing the reason to {@code onProblem} when that network cannot be built.
     */
    private Supplier<EpNetwork> priorOf(TrainingData loaded, Consumer<String> onProblem) {
        NetworkSpec spec = history.network();
        InputEncoding inputs = encoding.get();
        long seed = settings.get().seed();
        try {
            EpNetwork.checkCanCreate(spec, inputs, loaded.targetMean(), loaded.targetScale());
        } catch (IllegalArgumentException e) {
            onProblem.accept(e.getMessage());
            return null;
        }
        return () -> EpNetwork.create(spec, inputs, seed, loaded.targetMean(), loaded.targetScale());
    }

    /**
     * Builds a snapshot on a background thread and hands it to the feed consumers like a snapshot
     * of a run. {@code stillWanted} runs on the FX thread first, and returns false when the window
     * has moved on.
     */
    private void showSnapshot(java.util.concurrent.Callable<org.epsnn.model.training.TrainingSnapshot> build,
                              java.util.function.BooleanSupplier stillWanted, String what) {
        Task<org.epsnn.model.training.TrainingSnapshot> task = new Task<>() {
            @Override
            protected org.epsnn.model.training.TrainingSnapshot call() throws Exception {
                return build.call();
            }
        };
        task.setOnSucceeded(event -> {
            if (!stillWanted.getAsBoolean()) {
                return;
            }
            LiveFeed.Drained drained = new LiveFeed.Drained(null, List.of(), task.getValue(), null, List.of(), List.of());
            feedConsumers.forEach(consumer -> consumer.accept(drained));
        });
        task.setOnFailed(event -> LOG.warn("Drawing {} failed", what, task.getException()));
        Thread thread = new Thread(task, "posterior-snapshot");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Hands a copy of the trained posterior to {@code receiver} on the FX thread, or an empty value
     * when there is none. During a run the training thread copies it between two batches, also
     * while paused; otherwise the copy is made at once.
     */
    public void requestPosteriorCopy(Consumer<Optional<EpNetwork>> receiver) {
        EpNetwork network = posterior.get();
        if (network == null) {
            receiver.accept(Optional.empty());
            return;
        }
        if (!isTraining() && !service.isRunning()) {
            receiver.accept(Optional.of(NetworkCopies.copyOf(network)));
            return;
        }
        pendingCopies.add(receiver);
        control.runBetweenBatches(() -> {
            EpNetwork copy = NetworkCopies.copyOf(network);
            Platform.runLater(() -> {
                if (pendingCopies.remove(receiver)) {
                    receiver.accept(Optional.of(copy));
                }
            });
        });
    }

    /** Serves the copies that a run ended before taking: the network is no longer changing. */
    private void servePendingCopies() {
        List<Consumer<Optional<EpNetwork>>> waiting = new ArrayList<>(pendingCopies);
        pendingCopies.clear();
        EpNetwork network = posterior.get();
        for (Consumer<Optional<EpNetwork>> receiver : waiting) {
            receiver.accept(network == null ? Optional.empty() : Optional.of(NetworkCopies.copyOf(network)));
        }
    }

    /** Returns the settings, network and encoding to their defaults and discards the posterior; the data stays. */
    public void resetToDefaults() {
        if (refuseWhileTraining()) {
            return;
        }
        settings.set(defaultSettings());
        TrainingData loaded = data.get();
        NetworkSpec fresh = defaultNetwork(history.network().inputSize(), history.network().outputSize());
        history.reset(fresh);
        if (loaded != null) {
            encoding.set(loaded.defaultEncoding());
            adaptNetworkTo(loaded);
        }
        discardPosterior(null);
    }

    /** The current setup as a project, or null before data is loaded. */
    public org.epsnn.model.project.ProjectSetup currentSetup(String description) {
        DataChoice chosen = dataChoice.get();
        if (chosen == null) {
            return null;
        }
        DataChoice choice = DataChoice.baseOf(chosen);
        org.epsnn.model.project.DataReference reference;
        if (choice instanceof DataChoice.BuiltIn builtIn) {
            reference = org.epsnn.model.project.DataReference.builtIn(builtIn.name(), builtIn.trainSamples(),
                    builtIn.testSamples(), builtIn.noise(), builtIn.seed());
        } else if (choice instanceof DataChoice.Mnist mnist) {
            reference = org.epsnn.model.project.DataReference.mnist(mnist.folder().toString());
        } else {
            DataChoice.Csv csv = (DataChoice.Csv) choice;
            reference = org.epsnn.model.project.DataReference.csv(csv.file().toString(), csv.target(), csv.testFraction(), csv.seed())
                    .withMissingValues(csv.missingValues());
        }
        reference = reference.withTrainingLimit(DataChoice.trainingLimitOf(chosen));
        return new org.epsnn.model.project.ProjectSetup(description, reference, history.network(), encoding.get(), settings.get());
    }

    // ---- network edits ----

    /** Inserts a hidden layer after position {@code index} (0 = after the input), copying its neighbour's settings. */
    public void addLayerAfter(int index) {
        if (refuseWhileTraining()) {
            return;
        }
        NetworkSpec spec = history.network();
        int position = Math.max(0, Math.min(index, spec.depth() - 1));
        LayerSpec template = spec.layer(Math.min(position, spec.depth() - 1));
        if (!template.neuron().spiking()) {
            template = template.withNeuron(NeuronModel.HEAVISIDE);
        }
        List<LayerSpec> layers = new ArrayList<>(spec.layers());
        layers.add(position, template.withSize(Math.min(100, Math.max(template.size(), 16))).withTemper(1.0));
        applyEdit("Add layer", spec.withLayers(layers));
    }

    /** Removes hidden layer {@code index} (0-based among weight layers); the output layer stays. */
    public void removeLayer(int index) {
        if (refuseWhileTraining()) {
            return;
        }
        NetworkSpec spec = history.network();
        if (index < 0 || index >= spec.depth() - 1) {
            message.set("Select a hidden layer to remove; the output layer follows the data.");
            return;
        }
        List<LayerSpec> layers = new ArrayList<>(spec.layers());
        layers.remove(index);
        applyEdit("Remove layer " + (index + 1), spec.withLayers(layers));
    }

    /** Moves hidden layer {@code index} by {@code delta} among the hidden layers. */
    public void moveLayer(int index, int delta) {
        if (refuseWhileTraining()) {
            return;
        }
        NetworkSpec spec = history.network();
        int target = index + delta;
        if (index < 0 || index >= spec.depth() - 1 || target < 0 || target >= spec.depth() - 1) {
            return;
        }
        List<LayerSpec> layers = new ArrayList<>(spec.layers());
        LayerSpec moved = layers.remove(index);
        layers.add(target, moved);
        applyEdit("Move layer " + (index + 1), spec.withLayers(layers));
    }

    /**
     * Replaces layer {@code index} with an edited copy.
     *
     * @return null when accepted, else a message naming the field and the fix
     */
    public String editLayer(int index, String what, java.util.function.UnaryOperator<LayerSpec> edit) {
        if (isTraining()) {
            return "Stop training before editing the network.";
        }
        NetworkSpec spec = history.network();
        try {
            LayerSpec edited = edit.apply(spec.layer(index));
            return applyEdit(what + " of layer " + (index + 1), spec.withLayer(index, edited)) ? null : EDIT_CANCELLED;
        } catch (IllegalArgumentException e) {
            String problem = e.getMessage();
            return problem.startsWith("Layer ") ? problem.replaceFirst("^Layer ", "Layer " + (index + 1) + ": ")
                    : "Layer " + (index + 1) + ": " + problem;
        }
    }

    public void undo() {
        if (!refuseWhileTraining()) {
            if (history.canUndoProperty().get() && !approveDiscard("Undo")) {
                message.set(EDIT_CANCELLED);
                return;
            }
            String what = history.undo();
            message.set(what == null ? "Nothing to undo." : "Undid: " + what + ".");
        }
    }

    public void redo() {
        if (!refuseWhileTraining()) {
            if (history.canRedoProperty().get() && !approveDiscard("Redo")) {
                message.set(EDIT_CANCELLED);
                return;
            }
            String what = history.redo();
            message.set(what == null ? "Nothing to redo." : "Redid: " + what + ".");
        }
    }

    /**
     * Changes the training settings.
     *
     * @return null when accepted, else the validation message
     */
    public String editSettings(java.util.function.UnaryOperator<TrainingSettings> edit) {
        if (isTraining()) {
            return "Stop training before changing the settings.";
        }
        try {
            settings.set(edit.apply(settings.get()));
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /**
     * Changes the input encoding; the posterior is reset because it was learnt on other inputs.
     *
     * @return null when accepted, else the validation message
     */
    public String editEncoding(String text) {
        if (isTraining()) {
            return "Stop training before changing the input encoding.";
        }
        try {
            InputEncoding parsed = InputEncoding.parse(text);
            if (!parsed.equals(encoding.get())) {
                boolean trained = posterior.get() != null;
                encoding.set(parsed);
                discardPosterior("input encoding changed");
                String warning = constantInputs(parsed, data.get());
                if (warning != null) {
                    message.set(warning + (trained ? " The posterior was reset." : ""));
                } else if (!trained) {
                    message.set("Input encoding set to " + parsed + ".");
                }
            }
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /**
     * Describes a threshold that puts every training feature on the same side, so that every input
     * is the same and the network has nothing to learn from. Returns null for any other encoding.
     */
    static String constantInputs(InputEncoding encoding, TrainingData loaded) {
        if (loaded == null || encoding.kind() != InputEncoding.Kind.THRESHOLD) {
            return null;
        }
        double[] range = loaded.train().featureRange();
        double low = range[0];
        double high = range[1];
        if (high < encoding.level() || low >= encoding.level()) {
            return String.format(Locale.ROOT, "Input encoding %s: the training features range from %s to %s, so every"
                    + " input is %d and the network has nothing to learn from. Choose a threshold inside that range.",
                    encoding, low, high, high < encoding.level() ? 0 : 1);
        }
        return null;
    }

    /**
     * Sets the check that a network edit may discard the trained posterior, usually a question to the
     * user. It gets the edit's description and returns true to go ahead. Without one, edits go ahead.
     */
    public void setPosteriorDiscardApproval(java.util.function.Predicate<String> approval) {
        posteriorDiscardApproval = java.util.Objects.requireNonNull(approval, "approval");
    }

    /** Tells whether an edit described by {@code what} may go ahead: without a trained posterior it always may. */
    private boolean approveDiscard(String what) {
        return !hasPosterior.get() || posteriorDiscardApproval.test(what);
    }

    /** Applies a network edit that changes the network, after approval when it discards a trained posterior. */
    private boolean applyEdit(String what, NetworkSpec next) {
        if (next.equals(history.network())) {
            return true;
        }
        if (!approveDiscard(what)) {
            message.set(EDIT_CANCELLED);
            return false;
        }
        history.apply(what, next);
        return true;
    }

    private boolean refuseWhileTraining() {
        if (isTraining()) {
            message.set("Stop training before editing the network.");
            return true;
        }
        return false;
    }

    // ---- training ----

    public boolean isTraining() {
        return runState.get() == RunState.RUNNING || runState.get() == RunState.PAUSED;
    }

    /** Starts (or continues) training the current posterior for the configured passes. */
    public void start() {
        start(false);
    }

    /** Starts paused and runs a single batch, for stepping from idle. */
    public void startStepping() {
        start(true);
    }

    private void start(boolean stepping) {
        TrainingData loaded = data.get();
        if (loaded == null || runState.get() == RunState.LOADING) {
            message.set("Load data before training.");
            return;
        }
        if (isTraining()) {
            return;
        }
        if (comparison.runningProperty().get()) {
            message.set("The gradient baseline is training; wait for it or stop it before training EP.");
            return;
        }
        EpNetwork existing = posterior.get();
        Supplier<EpNetwork> network;
        if (existing == null) {
            // Drawing the prior takes about 20 ms for 784-500-10 (measured), so the training thread does it.
            network = priorOf(loaded, problem -> message.set("Cannot build the network: " + problem));
            if (network == null) {
                return;
            }
        } else {
            network = () -> existing;
        }
        feed = new LiveFeed(Math.max(1, loaded.train().rows() / settings.get().batchSize() / 200));
        control = new RunControl();
        if (stepping) {
            control.step();
        }
        RunControl runControl = control;
        Consumer<EpNetwork> networkReady = built -> {
            if (control == runControl && posterior.get() == null) {
                posterior.set(built);
                hasPosterior.set(true);
            }
        };
        service.setRequest(new TrainingService.Request(network, networkReady, loaded, settings.get(), feed, control,
                snapshotRows(loaded), probePoints(loaded)));
        runState.set(stepping ? RunState.PAUSED : RunState.RUNNING);
        message.set(stepping ? "Paused after one batch; press Step for another or Resume." : "Training " + history.network().sizesText() + " ...");
        runStartNanos = System.nanoTime();
        accuracyDropWarning = null;
        pausedNanos = 0;
        pausedSince = stepping ? runStartNanos : 0;
        lastStatistics = null;
        runFirstPass = existing == null ? 1 : existing.completedPasses() + 1;
        lastSnapshotRequest = 0;
        lastPlotDrain = 0;
        plotStretch = 1;
        launcher.accept(() -> {
            refreshBudget.start(System.nanoTime());
            service.restart();
            pump.start(DRAIN_INTERVAL_NANOS);
        });
    }

    /**
     * Sets what starts a run's training thread once the controls show the run. The window defers
     * it to its next layout pulse (see {@link MainWindow}). Without a window it starts at once.
     */
    void setLauncher(Consumer<Runnable> launcher) {
        this.launcher = java.util.Objects.requireNonNull(launcher, "launcher");
    }

    /** Holds the run before its next batch. */
    public void pause() {
        if (runState.get() == RunState.RUNNING) {
            control.pause();
            // The snapshot after the batch in progress shows the posterior the run holds, and a later step compares with it.
            control.requestSnapshot();
            runState.set(RunState.PAUSED);
            pausedSince = System.nanoTime();
            message.set("Paused. Space resumes, Step runs one batch.");
        }
    }

    public void resume() {
        if (runState.get() == RunState.PAUSED) {
            control.resume();
            runState.set(RunState.RUNNING);
            if (pausedSince != 0) {
                pausedNanos += System.nanoTime() - pausedSince;
                pausedSince = 0;
            }
            message.set("Training ...");
        }
    }

    public void togglePause() {
        if (runState.get() == RunState.RUNNING) {
            pause();
        } else if (runState.get() == RunState.PAUSED) {
            resume();
        }
    }

    /** Runs exactly one batch, then holds; from idle it starts a run that way. */
    public void step() {
        if (runState.get() == RunState.IDLE) {
            startStepping();
            return;
        }
        if (isTraining()) {
            control.step();
            control.requestSnapshot();
            runState.set(RunState.PAUSED);
            message.set("Stepped one batch.");
        }
    }

    /** Stops the run after its current batch; the posterior of that batch stays. */
    public void stop() {
        if (isTraining()) {
            control.cancel();
            message.set("Stopping after the current batch ...");
        }
    }

    /** Discards the posterior, so the next start begins from the prior. */
    public void resetPosterior() {
        if (refuseWhileTraining()) {
            return;
        }
        discardPosterior(null);
        message.set("Posterior reset to the prior.");
        showPrior();
    }

    /** Warns in the status bar when a pass lost much of the test accuracy of the passes before it. */
    private void checkAccuracyDrop(PassSummary pass) {
        TrainingData loaded = data.get();
        if (loaded == null) {
            return;
        }
        TrainingSettings used = settings.get();
        accuracyDrops.check(pass, used.dampingForPass(pass.pass()), used.batchSize(), loaded.train().rows())
                .ifPresent(warning -> {
                    LOG.warn(warning);
                    accuracyDropWarning = warning;
                    message.set(warning);
                });
    }

    private void discardPosterior(String reason) {
        if (posterior.get() == null) {
            return;
        }
        comparison.clear();
        posterior.set(null);
        hasPosterior.set(false);
        accuracyDrops = new AccuracyDrop();
        progress.set(0);
        progressText.set("");
        resetListeners.forEach(Runnable::run);
        if (reason != null) {
            message.set("Posterior reset: " + reason + ".");
        }
    }

    private void finishRun(TrainingService.Outcome outcome) {
        drainFeed(System.nanoTime());
        pump.stop();
        runState.set(RunState.IDLE);
        if (lastStatistics != null) {
            // A stopped run has no remaining time, and the last estimate would read as one.
            progressText.set(progressText(lastStatistics, false));
        }
        servePendingCopies();
        switch (outcome.ending()) {
            case COMPLETED -> message.set("Training finished: " + passes(outcome.passes().size()) + "."
                    + (accuracyDropWarning == null ? "" : " " + accuracyDropWarning));
            case CANCELLED -> message.set("Training stopped; the posterior of the last batch is kept.");
            case STOPPED_BY_GUARD -> message.set(outcome.message());
        }
        if (compareAfterRun) {
            compareAfterRun = false;
            if (outcome.ending() == TrainingService.Ending.COMPLETED) {
                startBaseline();
            } else {
                comparison.showStatus("The comparison needs a completed EP run; train EP, then compare again.");
            }
        }
    }

    // ---- comparison with gradient training ----

    /**
     * Trains the surrogate-gradient baseline on the same data and network, for as many passes as
     * EP has run on the current posterior. Without an EP pass yet, it first trains EP with the
     * current settings, and the baseline follows when that run completes.
     */
    public void compareWithGradient() {
        TrainingData loaded = data.get();
        if (loaded == null || runState.get() == RunState.LOADING) {
            message.set("Load data before comparing.");
            return;
        }
        if (isTraining() || comparison.runningProperty().get()) {
            return;
        }
        String problem = GradientComparison.problemWith(history.network(), loaded);
        if (problem != null) {
            comparison.showStatus(problem);
            message.set("Cannot compare: " + problem);
            return;
        }
        if (comparison.epCurve().isEmpty()) {
            compareAfterRun = true;
            comparison.showStatus("Training EP first; the gradient baseline follows.");
            start();
            return;
        }
        startBaseline();
    }

    /** Stops the baseline after its current pass. */
    public void cancelComparison() {
        comparison.cancel();
    }

    private void startBaseline() {
        comparison.startBaseline(history.network(), encoding.get(), data.get(), settings.get());
        message.set("Training the gradient baseline for " + comparison.epCurve().size() + " passes ...");
    }

    /**
     * Drains the feed at the pump's rate, or, while the refresh budget stretches the plot refresh,
     * only updates the status bar between two drains.
     */
    private void tick(long now) {
        EpNetwork network = posterior.get();
        boolean budgeted = REFRESH_BUDGET && runState.get() == RunState.RUNNING && network != null
                && network.spec().weightCount() > LARGE_NETWORK_WEIGHTS;
        plotStretch = budgeted ? refreshBudget.stretch(now) : 1;
        if (plotStretch > 1 && now - lastPlotDrain < DRAIN_INTERVAL_NANOS * plotStretch && feed != null) {
            BatchStatistics latest = feed.latestBatch();
            if (latest != null) {
                showProgress(latest);
            }
            return;
        }
        lastPlotDrain = now;
        drainFeed(now);
    }

    private void drainFeed(long now) {
        if (feed == null) {
            return;
        }
        LiveFeed.Drained drained = feed.drain();
        if (drained.latestBatch() != null) {
            showProgress(drained.latestBatch());
        }
        EpNetwork network = posterior.get();
        long interval = plotStretch * (network != null && network.spec().weightCount() > LARGE_NETWORK_WEIGHTS
                ? LARGE_SNAPSHOT_INTERVAL_NANOS : SNAPSHOT_INTERVAL_NANOS);
        if (control != null && now - lastSnapshotRequest >= interval) {
            control.requestSnapshot();
            lastSnapshotRequest = now;
        }
        if (!drained.isEmpty()) {
            long start = System.nanoTime();
            for (Consumer<LiveFeed.Drained> consumer : feedConsumers) {
                consumer.accept(drained);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (millis > SLOW_DRAIN_MILLIS) {
                LOG.debug("Updating the plots took {} ms (snapshot: {})", millis, drained.snapshot() != null);
            }
        }
    }

    private void showProgress(BatchStatistics statistics) {
        lastStatistics = statistics;
        progressText.set(progressText(statistics, true));
    }

    /** Describes the run at {@code statistics}; the remaining time only while {@code running}. */
    private String progressText(BatchStatistics statistics, boolean running) {
        int passes = service.request().settings().passes();
        double passesDone = statistics.pass() - runFirstPass + statistics.passProgress();
        progress.set(Math.min(1.0, passesDone / Math.max(1, passes)));
        long now = System.nanoTime();
        // Pauses do not count: elapsed is the time the run spent training.
        double elapsed = (now - runStartNanos - pausedNanos - (pausedSince == 0 ? 0 : now - pausedSince)) / 1e9;
        double remainingSamples = (passes - passesDone) * statistics.passSamples();
        double remaining = statistics.samplesPerSecond() > 0 ? remainingSamples / statistics.samplesPerSecond() : Double.NaN;
        int passInRun = statistics.pass() - runFirstPass + 1;
        // A run that continues a trained posterior names the pass as the accuracy chart's markers do.
        String pass = runFirstPass == 1 ? String.format(Locale.ROOT, "pass %d of %d", passInRun, passes)
                : String.format(Locale.ROOT, "pass %d (%d of %d in this run)", statistics.pass(), passInRun, passes);
        // The plots refresh less often while the window's drawing would slow training down; the status bar shows the interval.
        String plots = running && plotStretch > 1
                ? String.format(Locale.ROOT, " | plots every %d s", plotStretch * LARGE_SNAPSHOT_INTERVAL_NANOS / 1_000_000_000L)
                : "";
        return String.format(Locale.ROOT, "%s, %.0f %% | %,.0f samples/s | elapsed %s%s | clipped %.1f %% of weights%s",
                pass, 100 * statistics.passProgress(), statistics.samplesPerSecond(), duration(elapsed),
                running ? " | remaining " + duration(remaining) : "", 100 * meanOf(statistics.clippedFraction()), plots);
    }

    private static double meanOf(double[] values) {
        double total = 0;
        for (double value : values) {
            total += value;
        }
        return values.length == 0 ? 0 : total / values.length;
    }

    /** Names a count of passes: "1 pass", "3 passes". */
    static String passes(int count) {
        return count + (count == 1 ? " pass" : " passes");
    }

    static String duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "-";
        }
        long whole = Math.round(seconds);
        return whole >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60)
                : String.format(Locale.ROOT, "%d:%02d", whole / 60, whole % 60);
    }

    private static int[] snapshotRows(TrainingData loaded) {
        int count = Math.min(SNAPSHOT_SAMPLES, loaded.test().rows());
        int[] rows = new int[count];
        for (int i = 0; i < count; i++) {
            rows[i] = i;
        }
        return rows;
    }

    /**
     * A grid over the plane of 2-D data (row-major, row 0 at the lowest second feature), or a line
     * over 1-D data, for the decision map and the regression band.
     */
    static double[] probePoints(TrainingData loaded) {
        int columns = loaded.train().columns();
        if (columns > 2) {
            return new double[0];
        }
        double[] features = loaded.train().features();
        double[] low = new double[columns];
        double[] high = new double[columns];
        java.util.Arrays.fill(low, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(high, Double.NEGATIVE_INFINITY);
        for (int x = 0; x < features.length; x++) {
            low[x % columns] = Math.min(low[x % columns], features[x]);
            high[x % columns] = Math.max(high[x % columns], features[x]);
        }
        for (int c = 0; c < columns; c++) {
            double margin = 0.1 * (high[c] - low[c] + 1e-9);
            low[c] -= margin;
            high[c] += margin;
        }
        if (columns == 1) {
            double[] line = new double[PROBE_LINE];
            for (int i = 0; i < PROBE_LINE; i++) {
                line[i] = low[0] + (high[0] - low[0]) * i / (PROBE_LINE - 1);
            }
            return line;
        }
        double[] grid = new double[PROBE_GRID * PROBE_GRID * 2];
        for (int row = 0; row < PROBE_GRID; row++) {
            for (int column = 0; column < PROBE_GRID; column++) {
                int at = 2 * (row * PROBE_GRID + column);
                grid[at] = low[0] + (high[0] - low[0]) * (column + 0.5) / PROBE_GRID;
                grid[at + 1] = low[1] + (high[1] - low[1]) * (row + 0.5) / PROBE_GRID;
            }
        }
        return grid;
    }

    /** The background service, for tests that wait for it. */
    Worker<TrainingService.Outcome> worker() {
        return service;
    }
}
