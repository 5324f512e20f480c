package org.epsnn.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.epsnn.model.data.Dataset;
import org.epsnn.model.ep.EpNetwork;
import org.epsnn.model.ep.EpTrainer;
import org.epsnn.model.ep.InputEncoding;
import org.epsnn.model.ep.KernelProfile;
import org.epsnn.model.linalg.BlasProducts;
import org.epsnn.model.linalg.ParallelRunner;
import org.epsnn.model.linalg.TimedProducts;
import org.epsnn.model.network.NetworkSpec;
import org.epsnn.model.network.NeuronModel;
import org.epsnn.model.network.WeightPrior;
import org.epsnn.model.training.PassSummary;
import org.epsnn.model.training.RunControl;
import org.epsnn.model.training.TrainingListener;
import org.epsnn.model.training.TrainingSettings;

/**
 * The profiled pass sweep of {@code epsnn bench --sweep}: for each thread count and weight kind,
 * one first pass of 784-H-10 on MNIST, then one later pass at each batch size, with the time
 * inside the BLAS products and inside the fused first-layer kernel counted. After the passes of
 * a thread count it measures the same BLAS on every product shape the passes used, so that the
 * products' rate inside a pass can be set beside the rate the machine reaches on those shapes.
 * Also the heap after garbage collection against the hidden layer's size.
 */
final class PassProfiler {

    /** The weight kinds the sweep trains. */
    enum WeightKind {
        GAUSSIAN, BINARY, TERNARY;

        WeightPrior prior() {
            return switch (this) {
                case GAUSSIAN -> WeightPrior.gaussian(1);
                case BINARY -> WeightPrior.binary();
                case TERNARY -> WeightPrior.ternary();
            };
        }

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One profiled later pass. */
    record Row(int threads, WeightKind kind, int batch, double seconds, double samplesPerSecond,
               Map<TimedProducts.Shape, long[]> products, double kernelWallNanos, double kernelSumsWallNanos,
               double kernelSumFlops, Map<TimedProducts.Shape, Double> gemmRates, String loadAverage) {

        double productNanos() {
            long total = 0;
            for (long[] tally : products.values()) {
                total += tally[1];
            }
            return total;
        }

        double productFlops() {
            double total = 0;
            for (Map.Entry<TimedProducts.Shape, long[]> entry : products.entrySet()) {
                total += entry.getKey().flops() * entry.getValue()[0];
            }
            return total;
        }

        /** Returns the nanoseconds the products would take at the GFLOP/s that each shape reached alone after this pass. */
        double productNanosAtGemmRates() {
            double total = 0;
            for (Map.Entry<TimedProducts.Shape, long[]> entry : products.entrySet()) {
                total += entry.getKey().flops() * entry.getValue()[0] / gemmRates.get(entry.getKey());
            }
            return total;
        }
    }

    private final PrintWriter out;
    private final Dataset train;
    private final int hidden;
    private final int firstBatch;
    private final boolean firstLayerGemm;

    PassProfiler(PrintWriter out, Dataset train, int hidden, int firstBatch, boolean firstLayerGemm) {
        this.out = out;
        this.train = train;
        this.hidden = hidden;
        this.firstBatch = firstBatch;
        this.firstLayerGemm = firstLayerGemm;
    }

    /** Runs the sweep and prints one table per thread count. */
    void sweep(List<Integer> threadCounts, List<WeightKind> kinds, List<Integer> batches) throws InterruptedException {
        for (int threads : threadCounts) {
            out.println();
            out.println("Profiled EP passes of 784-" + hidden + "-10 on " + train.rows() + " MNIST images, " + threads
                    + (threads == 1 ? " thread" : " threads") + ", first layer through "
                    + (firstLayerGemm ? "GEMM" : "the fused kernel") + "; " + loadAverage());
            out.flush();
            List<Row> rows = new ArrayList<>();
            for (WeightKind kind : kinds) {
                rows.addAll(profileKind(threads, kind, batches));
            }
            printTable(rows);
        }
    }

    private List<Row> profileKind(int threads, WeightKind kind, List<Integer> batches) throws InterruptedException {
        NetworkSpec spec = NetworkSpec.of(new int[] {train.columns(), hidden, train.classCount()}, NeuronModel.HEAVISIDE,
                kind.prior(), NetworkSpec.Task.CLASSIFICATION);
        EpNetwork network = EpNetwork.create(spec, InputEncoding.THRESHOLD_HALF, 1);
        TrainingSettings base = TrainingSettings.defaults().withFirstBatchSize(firstBatch).withThreads(threads)
                .withTrainEvaluationSamples(0).withPasses(1);
        List<Row> rows = new ArrayList<>();
        try (ParallelRunner runner = new ParallelRunner(threads)) {
            BlasProducts blas = new BlasProducts(runner);
            double firstSeconds = runPass(network, base.withBatchSize(batches.get(0)), new TimedProducts(blas), null).seconds();
            out.printf(Locale.ROOT, "  %s: first pass at batch %d: %.2f s (not in the table)%n", kind.label(), firstBatch,
                    firstSeconds);
            out.flush();
            for (int batch : batches) {
                TimedProducts timed = new TimedProducts(blas);
                KernelProfile kernel = new KernelProfile();
                PassSummary summary = runPass(network, base.withBatchSize(batch), timed, kernel);
                String load = loadAverage();
                Map<TimedProducts.Shape, long[]> products = new LinkedHashMap<>();
                timed.tallies().forEach((shape, tally) -> products.put(shape, new long[] {tally.calls(), tally.nanos()}));
                // The GEMM reference runs right after the pass, so both see about the same load on the machine.
                Map<TimedProducts.Shape, Double> gemmRates = measureShapes(blas, products.keySet(), batch);
                Row row = new Row(threads, kind, batch, summary.seconds(), summary.samplesPerSecond(), products,
                        kernel.wallNanos(), kernel.sumsWallNanos(), kernel.sumFlops(), gemmRates, load);
                rows.add(row);
                out.printf(Locale.ROOT, "  %s: later pass at batch %d: %.2f s; %s%n", kind.label(), batch, summary.seconds(),
                        load);
                out.flush();
            }
        }
        return rows;
    }

    /**
     * Runs one pass of {@code network} with a trainer of its own. The trainer uses its own
     * thread pool for the element-wise work; the products split over the runner of {@code products}.
     */
    private PassSummary runPass(EpNetwork network, TrainingSettings settings, TimedProducts products, KernelProfile kernel)
            throws InterruptedException {
        try (EpTrainer trainer = new EpTrainer(network, train, settings, products)) {
            trainer.setUseBinaryInputKernel(!firstLayerGemm);
            trainer.setKernelProfile(kernel);
            RunControl control = new RunControl();
            control.takeSnapshotRequest();
            return trainer.train(null, new TrainingListener() { }, control).get(0);
        }
    }

    /** Measures {@code blas} alone on {@code shapes} and on the product that the fused kernel replaces at {@code batch}. */
    private Map<TimedProducts.Shape, Double> measureShapes(BlasProducts blas, java.util.Collection<TimedProducts.Shape> shapes,
                                                           int batch) {
        Map<TimedProducts.Shape, Double> rates = new LinkedHashMap<>();
        List<TimedProducts.Shape> all = new ArrayList<>(shapes);
        all.add(kernelShape(batch));
        for (TimedProducts.Shape shape : all) {
            rates.put(shape, BenchCommand.measure(blas, new BenchCommand.Shape("", shape.transposeA(), shape.transposeB(),
                    shape.m(), shape.n(), shape.k())));
        }
        return rates;
    }

    /** The product the fused kernel's sums replace: {@code [A | Bt | A^2]^T P}, {@code 3 D_out x D_in} from {@code B} rows. */
    private TimedProducts.Shape kernelShape(int batch) {
        return new TimedProducts.Shape(true, false, 3 * hidden, train.columns() + 1, batch);
    }

    private void printTable(List<Row> rows) {
        out.println();
        out.println("Share of pass time and GFLOP/s. 'GEMM' is the same BLAS and threads measured alone on the same shapes"
                + " right after each pass (median of " + BenchCommand.PRODUCT_REPETITIONS + " after warm-up).");
        String format = "%-8s %6s %7s %9s | %7s %7s %7s %6s | %7s %7s %7s %6s | %7s %7s | %s%n";
        out.printf(Locale.ROOT, format, "weights", "batch", "pass s", "samples/s", "BLAS %", "GFLOP/s", "GEMM", "ratio",
                "sums %", "GFLOP/s", "GEMM", "ratio", "rest %", "other %", "load average after the pass");
        for (Row row : rows) {
            double passNanos = row.seconds() * 1e9;
            double blasNanos = row.productNanos();
            double blasRate = blasNanos == 0 ? Double.NaN : row.productFlops() / blasNanos;
            double blasGemm = blasNanos == 0 ? Double.NaN : row.productFlops() / row.productNanosAtGemmRates();
            double sumsRate = row.kernelSumsWallNanos() == 0 ? Double.NaN : row.kernelSumFlops() / row.kernelSumsWallNanos();
            double sumsGemm = row.gemmRates().get(kernelShape(row.batch()));
            double rest = row.kernelWallNanos() - row.kernelSumsWallNanos();
            double other = passNanos - blasNanos - row.kernelWallNanos();
            out.printf(Locale.ROOT, format, row.kind().label(), row.batch(), fixed(row.seconds(), 2),
                    fixed(row.samplesPerSecond(), 0), percent(blasNanos / passNanos), fixed(blasRate, 2), fixed(blasGemm, 2),
                    percent(blasRate / blasGemm), percent(row.kernelSumsWallNanos() / passNanos), fixed(sumsRate, 2),
                    fixed(sumsGemm, 2), percent(sumsRate / sumsGemm), percent(rest / passNanos), percent(other / passNanos),
                    row.loadAverage().replace("load average ", ""));
        }
        out.println("  BLAS: products through netlib. sums: the fused kernel's batch sums, 3 D_out x D_in x B multiply-adds;"
                + " their GEMM column is the product they replace, A^T " + 3 * hidden + "xB * B Bx" + (train.columns() + 1) + ".");
        out.println("  rest: the kernel's site update and moments. other: element-wise work outside both.");
        out.println("  Products by shape, summed over the rows: in-pass GFLOP/s, and the mean of the GEMM measurements:");
        Map<TimedProducts.Shape, double[]> byShape = new LinkedHashMap<>();
        for (Row row : rows) {
            row.products().forEach((shape, tally) -> {
                double[] sums = byShape.computeIfAbsent(shape, s -> new double[4]);
                sums[0] += shape.flops() * tally[0];
                sums[1] += tally[1];
                sums[2] += row.gemmRates().get(shape);
                sums[3]++;
            });
        }
        byShape.forEach((shape, sums) -> out.printf(Locale.ROOT, "    %-30s %8.2f %8.2f%n", shape.text(), sums[0] / sums[1],
                sums[2] / sums[3]));
        out.flush();
    }

    /**
     * Prints the heap in use after garbage collection for an EP trainer of 784-H-10 at each
     * hidden size, after one short pass so that every buffer exists.
     */
    void memory(List<Integer> hiddenSizes, int batch) throws InterruptedException {
        out.println();
        out.println("Heap after GC of the posterior and the trainer's buffers, first batch " + firstBatch + ", batch " + batch
                + "; " + loadAverage());
        String format = "%-12s %10s %10s %14s%n";
        out.printf(Locale.ROOT, format, "network", "weights", "MiB", "bytes/weight");
        Dataset sample = train.head(Math.min(train.rows(), 2 * batch));
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int size : hiddenSizes) {
            NetworkSpec spec = NetworkSpec.of(new int[] {train.columns(), size, train.classCount()}, NeuronModel.HEAVISIDE,
                    WeightPrior.gaussian(1), NetworkSpec.Task.CLASSIFICATION);
            long before = heapAfterGc(memory);
            EpNetwork network = EpNetwork.create(spec, InputEncoding.THRESHOLD_HALF, 1);
            TrainingSettings settings = TrainingSettings.defaults().withFirstBatchSize(firstBatch).withBatchSize(batch)
                    .withThreads(1).withTrainEvaluationSamples(0).withPasses(2);
            long used;
            try (EpTrainer trainer = new EpTrainer(network, sample, settings)) {
                RunControl control = new RunControl();
                control.takeSnapshotRequest();
                trainer.train(null, new TrainingListener() { }, control);
                // The trainer is still open here, so its buffers count.
                used = heapAfterGc(memory) - before;
            }
            out.printf(Locale.ROOT, format, spec.sizesText(), spec.weightCount(), fixed(used / (1024.0 * 1024.0), 1),
                    fixed((double) used / spec.weightCount(), 1));
            out.flush();
        }
    }

    private static long heapAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** Returns the load average line of {@code /proc/loadavg}, or a note that it is not available. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return "load average " + fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "load average not available";
        }
    }

    private static String fixed(double value, int decimals) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : "-";
    }

    private static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.1f", 100 * fraction) : "-";
    }
}
