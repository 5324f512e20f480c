package org.epsnn.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.epsnn.model.ep.EpNetwork;
import org.epsnn.model.ep.InputEncoding;
import org.epsnn.model.network.NetworkSpec;
import org.epsnn.model.network.NeuronModel;
import org.epsnn.model.network.WeightPrior;
import org.epsnn.model.project.DataReference;
import org.epsnn.model.project.PosteriorState;
import org.epsnn.model.project.Project;
import org.epsnn.model.project.ProjectFiles;
import org.epsnn.model.project.ProjectSetup;
import org.epsnn.model.training.TrainingSettings;

/**
 * Times saving and opening a project with a 1000 x 1000 layer (a 1000-1000-10 network), the size
 * the window must open with a progress bar. The site values are random, because trained sites
 * compress no better: the file stores the arrays uncompressed either way.
 */
final class ProjectFileBenchmark {

    private ProjectFileBenchmark() {
    }

    /** Saves and opens the project {@code repetitions} times in {@code folder} and prints the median times. */
    static void run(PrintWriter out, Path folder, int repetitions) throws IOException {
        NetworkSpec spec = NetworkSpec.of(new int[] {1000, 1000, 10}, NeuronModel.HEAVISIDE, WeightPrior.gaussian(1),
                NetworkSpec.Task.CLASSIFICATION);
        PosteriorState prior = PosteriorState.capture(EpNetwork.create(spec, InputEncoding.THRESHOLD_HALF, 1));
        SplittableRandom random = new SplittableRandom(1);
        List<PosteriorState.LayerState> layers = new ArrayList<>();
        for (PosteriorState.LayerState layer : prior.layers()) {
            int weights = layer.siteShift().length;
            layers.add(new PosteriorState.LayerState(layer.priorParameters(), random.doubles(weights, -1, 1).toArray(),
                    random.doubles(weights, 0, 2).toArray(), 60000));
        }
        Project project = Project.of(new ProjectSetup("", DataReference.mnist(null), spec, InputEncoding.THRESHOLD_HALF,
                TrainingSettings.defaults())).withPosterior(new PosteriorState(layers, new double[0], new double[0], 3, 0, 180000),
                List.of());

        Path file = folder.resolve("epsnn-bench-" + ProcessHandle.current().pid() + ProjectFiles.EXTENSION);
        double[] saveSeconds = new double[repetitions];
        double[] openSeconds = new double[repetitions];
        long bytes;
        try {
            for (int r = 0; r < repetitions; r++) {
                long start = System.nanoTime();
                ProjectFiles.save(project, file);
                long saved = System.nanoTime();
                ProjectFiles.load(file);
                saveSeconds[r] = (saved - start) / 1e9;
                openSeconds[r] = (System.nanoTime() - saved) / 1e9;
            }
            bytes = Files.size(file);
        } finally {
            Files.deleteIfExists(file);
        }
        out.println();
        out.printf(Locale.ROOT, "Project file of %s (%d weights, %.1f MB) in %s, median of %d: save %.0f ms, open %.0f ms%n",
                spec.sizesText(), spec.weightCount(), bytes / 1e6, folder, repetitions, 1000 * median(saveSeconds),
                1000 * median(openSeconds));
        out.flush();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
