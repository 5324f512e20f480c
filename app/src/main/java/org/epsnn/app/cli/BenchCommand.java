package org.epsnn.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.epsnn.app.Launcher;
import org.epsnn.model.data.Dataset;
import org.epsnn.model.data.IdxReader;
import org.epsnn.model.ep.EpNetwork;
import org.epsnn.model.ep.EpTrainer;
import org.epsnn.model.ep.InputEncoding;
import org.epsnn.model.linalg.BlasProducts;
import org.epsnn.model.linalg.EjmlProducts;
import org.epsnn.model.linalg.MatrixProducts;
import org.epsnn.model.linalg.ParallelRunner;
import org.epsnn.model.network.NetworkSpec;
import org.epsnn.model.network.NeuronModel;
import org.epsnn.model.network.WeightPrior;
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
 * {@code epsnn bench}: measures the matrix products on the shapes that a 784-500-10 network
 * trains with, and with {@code --mnist} the time of one EP pass over MNIST.
 */
@Command(name = "bench", sortOptions = false, mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = {"Measures GFLOP/s of the engine's matrix products (784-500-10 shapes) for netlib BLAS"
                + " and EJML, and with --mnist the seconds of one EP pass of 784-500-10 on MNIST, or with --sweep and"
                + " --memory where the time and the memory of a pass go."},
        footer = {"", "Examples:",
            "  epsnn bench",
            "  epsnn bench --mnist ~/mnist --skip-products --repeat 3",
            "  epsnn bench --mnist ~/mnist --skip-products --sweep --memory 100,250,500,1000,2000"})
public final class BenchCommand implements Callable<Integer> {

    /** Time each product runs before it is measured, so that the JIT has compiled it. */
    private static final long WARMUP_NANOS = 300_000_000L;
    /** Minimum length of one measured repetition. */
    private static final long REPETITION_NANOS = 100_000_000L;
    /** Repetitions per product; the median is reported. */
    static final int PRODUCT_REPETITIONS = 5;

    /**
     * A product the engine computes, {@code C (m x n) = op(A) (m x k) op(B) (k x n)}, with the
     * engine's transposes: forward potentials {@code P M^T}, backward messages {@code G M} and
     * the site sums {@code G^T P} of a 784-500-10 network (785 inputs with the bias, and
     * {@code 2 x 500} or {@code 3 x 500} stacked rows of moments or messages).
     */
    record Shape(String use, boolean transposeA, boolean transposeB, int m, int n, int k) {

        /** Returns the product with the shapes after transposition, e.g. "A^T 1500x100 * B 100x785". */
        String text() {
            return (transposeA ? "A^T " : "A ") + m + "x" + k + " * " + (transposeB ? "B^T " : "B ") + k + "x" + n;
        }

        double flops() {
            return 2.0 * m * n * k;
        }
    }

    static final List<Shape> SHAPES = List.of(
            new Shape("forward, batch 100", false, true, 100, 1000, 785),
            new Shape("backward, batch 100", false, false, 100, 785, 1000),
            new Shape("site sums, batch 100", true, false, 1500, 785, 100),
            new Shape("site sums, batch 10", true, false, 1500, 785, 10),
            new Shape("forward, batch 10", false, true, 10, 1000, 785));

    @Spec
    private CommandSpec spec;

    @Option(names = "--mnist", paramLabel = "DIR",
            description = "Also time one EP pass of 784-500-10 on the MNIST IDX files in DIR.")
    Path mnist;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "100",
            description = "Batch size of the timed later passes. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--first-pass",
            description = "Time first passes at batch --first-batch instead of later passes at --batch.")
    boolean firstPass;

    @Option(names = "--first-batch", paramLabel = "B1", defaultValue = "10",
            description = "Batch size of the first pass. Default: ${DEFAULT-VALUE}.")
    int firstBatch;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1",
            description = "Number of timed passes; the median is reported. Default: ${DEFAULT-VALUE}.")
    int repeat;

    @Option(names = "--train-samples", paramLabel = "N",
            description = "Time the pass over the first N training images only. Default: all.")
    Integer trainSamples;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads of the timed pass. Default: the number of processors.")
    Integer threads;

    @Option(names = "--skip-products", description = "Skip the matrix product measurements.")
    boolean skipProducts;

    @Option(names = "--project-file", paramLabel = "DIR",
            description = "Also time saving and opening a project of a 1000-1000-10 network in folder DIR"
                    + " (the file is deleted afterwards); --repeat sets the repetitions.")
    Path projectFolder;

    @Option(names = "--sweep",
            description = {"With --mnist: profile one later EP pass for every thread count, weight kind and batch size"
                    + " of the --sweep-* options (after one untimed first pass per weight kind), with the share of time in"
                    + " the matrix products and their GFLOP/s beside the same BLAS measured alone on the same shapes."})
    boolean sweep;

    @Option(names = "--sweep-threads", paramLabel = "N,...", split = ",", defaultValue = "1,2",
            description = "Thread counts of the sweep. Default: ${DEFAULT-VALUE}.")
    List<Integer> sweepThreads;

    @Option(names = "--sweep-batches", paramLabel = "B,...", split = ",", defaultValue = "10,100,1000",
            description = "Batch sizes of the sweep's later passes. Default: ${DEFAULT-VALUE}.")
    List<Integer> sweepBatches;

    @Option(names = "--sweep-weights", paramLabel = "KIND,...", split = ",", defaultValue = "gaussian,binary,ternary",
            description = "Weight kinds of the sweep: gaussian, binary, ternary. Default: ${DEFAULT-VALUE}.")
    List<PassProfiler.WeightKind> sweepWeights;

    @Option(names = "--hidden", paramLabel = "H", defaultValue = "500",
            description = "Hidden layer size of the sweep's 784-H-10 network. Default: ${DEFAULT-VALUE}.")
    int hidden;

    @Option(names = "--first-layer-gemm",
            description = {"In the sweep, form the first layer's site sums with BLAS products instead of the fused"
                    + " kernel (slower; shows what the products alone reach)."})
    boolean firstLayerGemm;

    @Option(names = "--memory", paramLabel = "H,...", split = ",",
            description = {"With --mnist: print the heap after garbage collection of an EP trainer of 784-H-10 for each"
                    + " hidden size H, e.g. 100,250,500,1000,2000."})
    List<Integer> memoryHidden;

    @Override
    public Integer call() throws IOException, InterruptedException {
        validateOptions();
        PrintWriter out = spec.commandLine().getOut();
        printHeader(out);
        if (!skipProducts) {
            measureProducts(out);
        }
        if (mnist != null && (sweep || memoryHidden != null)) {
            Dataset train = IdxReader.readMnist(mnist).train();
            if (trainSamples != null) {
                train = train.head(trainSamples);
            }
            PassProfiler profiler = new PassProfiler(out, train, hidden, firstBatch, firstLayerGemm);
            if (sweep) {
                profiler.sweep(sweepThreads, sweepWeights, sweepBatches);
            }
            if (memoryHidden != null) {
                profiler.memory(memoryHidden, batch);
            }
        } else if (mnist != null) {
            timeMnistPass(out);
        }
        if (projectFolder != null) {
            ProjectFileBenchmark.run(out, projectFolder, repeat);
        }
        return 0;
    }

    private void validateOptions() {
        require(batch >= 1, "--batch", "must be at least 1, got " + batch);
        require(firstBatch >= 1, "--first-batch", "must be at least 1, got " + firstBatch);
        require(repeat >= 1, "--repeat", "must be at least 1, got " + repeat);
        require(trainSamples == null || trainSamples >= 1, "--train-samples", "must be at least 1, got " + trainSamples);
        require(threads == null || threads >= 1, "--threads", "must be at least 1, got " + threads);
        require(projectFolder == null || java.nio.file.Files.isDirectory(projectFolder), "--project-file",
                "folder " + projectFolder + " does not exist; create it or choose another");
        require(mnist != null || !firstPass && trainSamples == null, "--first-pass and --train-samples",
                "apply to the MNIST pass only; add --mnist DIR");
        require(mnist != null || !sweep && memoryHidden == null, "--sweep and --memory", "need the MNIST images; add --mnist DIR");
        require(hidden >= 1, "--hidden", "must be at least 1, got " + hidden);
        for (int count : sweepThreads) {
            require(count >= 1, "--sweep-threads", "every thread count must be at least 1, got " + count);
        }
        for (int size : sweepBatches) {
            require(size >= 1, "--sweep-batches", "every batch size must be at least 1, got " + size);
        }
        if (memoryHidden != null) {
            for (int size : memoryHidden) {
                require(size >= 1, "--memory", "every hidden size must be at least 1, got " + size);
            }
        }
    }

    private static void printHeader(PrintWriter out) {
        String coreType = System.getenv("OPENBLAS_CORETYPE");
        try (ParallelRunner runner = new ParallelRunner(1)) {
            BlasProducts blas = new BlasProducts(runner);
            out.println("BLAS: " + blas.implementation() + (blas.isNative() ? " (native)" : " (Java)")
                    + ", OPENBLAS_CORETYPE=" + (coreType == null ? "(unset)" : coreType)
                    + ", module " + Launcher.VECTOR_MODULE + (Launcher.hasVectorModule() ? " present" : " missing"));
        }
        out.println("Java " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " processors, "
                + "max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, " + PassProfiler.loadAverage());
        out.flush();
    }

    private static void measureProducts(PrintWriter out) {
        out.println();
        out.println("GFLOP/s of C = op(A) op(B), median of " + PRODUCT_REPETITIONS + " repetitions after "
                + WARMUP_NANOS / 1_000_000 + " ms of warm-up; " + PassProfiler.loadAverage() + ":");
        String format = "%-22s %-26s %10s %10s %10s %10s%n";
        out.printf(Locale.ROOT, format, "use", "shape", "netlib x1", "netlib x2", "EJML", "EJML MT");
        out.flush();
        try (ParallelRunner one = new ParallelRunner(1); ParallelRunner two = new ParallelRunner(2)) {
            List<MatrixProducts> implementations = List.of(new BlasProducts(one), new BlasProducts(two),
                    new EjmlProducts(false), new EjmlProducts(true));
            for (Shape shape : SHAPES) {
                List<String> cells = new ArrayList<>();
                for (MatrixProducts products : implementations) {
                    cells.add(String.format(Locale.ROOT, "%.2f", measure(products, shape)));
                }
                out.printf(Locale.ROOT, format, shape.use(), shape.text(), cells.get(0), cells.get(1), cells.get(2),
                        cells.get(3));
                out.flush();
            }
        }
    }

    /** Returns the median GFLOP/s of {@code products} on {@code shape} over the repetitions. */
    static double measure(MatrixProducts products, Shape shape) {
        SplittableRandom random = new SplittableRandom(1);
        double[] a = random.doubles((long) shape.m() * shape.k(), -1, 1).toArray();
        double[] b = random.doubles((long) shape.k() * shape.n(), -1, 1).toArray();
        double[] c = new double[shape.m() * shape.n()];
        Runnable product = () -> products.gemm(shape.transposeA(), shape.transposeB(), shape.m(), shape.n(), shape.k(),
                1.0, a, 0, shape.transposeA() ? shape.m() : shape.k(), b, 0, shape.transposeB() ? shape.k() : shape.n(),
                0.0, c, 0, shape.n());

        long warmupStart = System.nanoTime();
        int warmupCalls = 0;
        while (System.nanoTime() - warmupStart < WARMUP_NANOS || warmupCalls < 3) {
            product.run();
            warmupCalls++;
        }
        double nanosPerCall = (double) (System.nanoTime() - warmupStart) / warmupCalls;
        int callsPerRepetition = (int) Math.max(1, Math.ceil(REPETITION_NANOS / nanosPerCall));

        double[] rates = new double[PRODUCT_REPETITIONS];
        for (int repetition = 0; repetition < rates.length; repetition++) {
            long start = System.nanoTime();
            for (int call = 0; call < callsPerRepetition; call++) {
                product.run();
            }
            long elapsed = System.nanoTime() - start;
            rates[repetition] = shape.flops() * callsPerRepetition / elapsed;
        }
        return median(rates);
    }

    /**
     * Times EP passes of 784-500-10 on MNIST. A later pass reuses the cavity moments between
     * batches, because its site count stays the same, so it is cheaper than a first pass at the
     * same batch size. Later passes are therefore timed after one first pass on the same network.
     */
    private void timeMnistPass(PrintWriter out) throws IOException, InterruptedException {
        Dataset train = IdxReader.readMnist(mnist).train();
        if (trainSamples != null) {
            train = train.head(trainSamples);
        }
        int hidden = 500;
        NetworkSpec network = NetworkSpec.of(new int[] {train.columns(), hidden, train.classCount()},
                NeuronModel.HEAVISIDE, WeightPrior.gaussian(1), NetworkSpec.Task.CLASSIFICATION);
        TrainingSettings settings = TrainingSettings.defaults()
                .withFirstBatchSize(firstBatch)
                .withBatchSize(batch)
                .withThreads(threads == null ? Runtime.getRuntime().availableProcessors() : threads)
                .withTrainEvaluationSamples(0);

        out.println();
        out.println("EP passes of " + network.sizesText() + " on " + train.rows() + " MNIST images, "
                + (firstPass ? "first passes at batch " + firstBatch : "later passes at batch " + batch
                + " after one first pass at batch " + firstBatch) + ", " + settings.threads() + " threads:");
        out.flush();
        double[] seconds = new double[repeat];
        if (firstPass) {
            for (int run = 0; run < repeat; run++) {
                seconds[run] = timePasses(network, train, settings.withPasses(1), out).get(0).seconds();
            }
        } else {
            List<PassSummary> summaries = timePasses(network, train, settings.withPasses(1 + repeat), out);
            for (int run = 0; run < repeat; run++) {
                seconds[run] = summaries.get(run + 1).seconds();
            }
        }
        double median = median(seconds);
        out.printf(Locale.ROOT, "  median %.2f s over %d timed %s (%.0f samples/s)%n", median, repeat,
                repeat == 1 ? "pass" : "passes", train.rows() / median);
    }

    /** Trains a new network for {@code settings.passes()} passes and prints the time of each. */
    private static List<PassSummary> timePasses(NetworkSpec network, Dataset train, TrainingSettings settings,
                                                PrintWriter out) throws InterruptedException {
        EpNetwork model = EpNetwork.create(network, InputEncoding.THRESHOLD_HALF, 1);
        try (EpTrainer trainer = new EpTrainer(model, train, settings)) {
            RunControl control = new RunControl();
            control.takeSnapshotRequest();
            TrainingListener printer = new TrainingListener() {
                @Override
                public void passCompleted(PassSummary summary) {
                    out.printf(Locale.ROOT, "  pass %d: %.2f s (%.0f samples/s), %s%n", summary.pass(),
                            summary.seconds(), summary.samplesPerSecond(), trainer.productsName());
                    out.flush();
                }
            };
            return trainer.train(null, printer, control);
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private void require(boolean condition, String option, String problem) {
        if (!condition) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': " + problem);
        }
    }
}
