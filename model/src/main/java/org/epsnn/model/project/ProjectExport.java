package org.epsnn.model.project;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.epsnn.model.ep.EpNetwork;
import org.epsnn.model.ep.LayerPosterior;
import org.epsnn.model.linalg.ParallelRunner;
import org.epsnn.model.network.NetworkSpec;
import org.epsnn.model.training.MetricsCsv;
import org.epsnn.model.training.PassSummary;

/**
 * Writes a project's posterior moments and metric history as plain files for other tools:
 * {@code layer-K-mean.npy} and {@code layer-K-variance.npy} ({@code outputs x inputs}, the bias
 * in the last column), the same values as {@code layer-K-mean.csv} and
 * {@code layer-K-variance.csv}, {@code layer-K-level-probabilities.npy} for discrete weights
 * ({@code levels x outputs x inputs}), and {@code metrics.csv} (the columns of
 * {@link MetricsCsv}). Each file is written through {@link AtomicFiles}, so an interrupted
 * export never leaves a half-written file under its final name.
 */
public final class ProjectExport {

    private ProjectExport() {
    }

    /**
     * Writes the files into {@code folder}, which must exist, replacing files of the same names.
     *
     * @return the files written, in order
     * @throws IllegalArgumentException when the project has no trained posterior
     */
    public static List<Path> write(Project project, Path folder) throws IOException {
        PosteriorState posterior = project.trainedPosterior().orElseThrow(() -> new IllegalArgumentException(
                "The project has no trained posterior to export; train it first"));
        NetworkSpec spec = project.setup().network();
        EpNetwork network = posterior.toNetwork(spec, project.setup().encoding());
        List<Path> written = new ArrayList<>();
        try (ParallelRunner runner = new ParallelRunner(1)) {
            for (int l = 0; l < network.depth(); l++) {
                LayerPosterior layer = network.layer(l);
                int weights = layer.weightCount();
                double[] moments = layer.posteriorMoments(runner);
                double[] means = Arrays.copyOf(moments, weights);
                double[] variances = Arrays.copyOfRange(moments, weights, 2 * weights);
                int[] shape = ProjectFiles.weightShape(spec, l);
                String prefix = "layer-" + (l + 1) + "-";
                written.add(writeNpy(folder.resolve(prefix + "mean.npy"), shape, means));
                written.add(writeNpy(folder.resolve(prefix + "variance.npy"), shape, variances));
                written.add(writeCsv(folder.resolve(prefix + "mean.csv"), layer, means));
                written.add(writeCsv(folder.resolve(prefix + "variance.csv"), layer, variances));
                if (layer.isDiscrete()) {
                    int[] levelShape = {layer.levels().length, shape[0], shape[1]};
                    written.add(writeNpy(folder.resolve(prefix + "level-probabilities.npy"), levelShape, layer.levelProbabilities()));
                }
            }
        }
        written.add(writeMetrics(folder.resolve("metrics.csv"), project.history()));
        return written;
    }

    /**
     * Writes the mean and standard deviation that each input feature was standardised with, one
     * row per feature under the header {@code feature,mean,standard_deviation}, so that the
     * exported weights can be applied to raw rows as {@code (x - mean) / standard_deviation}.
     */
    public static Path writeFeatureScaling(Path file, List<String> features, double[] means, double[] deviations)
            throws IOException {
        if (features.size() != means.length || means.length != deviations.length) {
            throw new IllegalArgumentException("Feature scaling needs one mean and one standard deviation per feature, got "
                    + features.size() + " features, " + means.length + " means and " + deviations.length + " deviations");
        }
        return atomically(file, out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write("feature,mean,standard_deviation\n");
            for (int f = 0; f < means.length; f++) {
                writer.write(csvField(features.get(f)) + "," + means[f] + "," + deviations[f] + "\n");
            }
            writer.flush();
        });
    }

    /** Quotes a CSV field that contains a comma, a quote or a line break. */
    private static String csvField(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    /** Writes a metric history as CSV, one row per pass under a header. */
    public static Path writeMetrics(Path file, List<PassSummary> history) throws IOException {
        return atomically(file, out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write(MetricsCsv.header() + "\n");
            for (PassSummary summary : history) {
                writer.write(MetricsCsv.row(summary) + "\n");
            }
            writer.flush();
        });
    }

    private static Path writeNpy(Path file, int[] shape, double[] values) throws IOException {
        return atomically(file, out -> Npy.write(out, shape, values, null));
    }

    /**
     * Writes one row per neuron: the neuron's 1-based index, then one column per input ({@code w1} ...)
     * and the bias. Values in Java's shortest round-trip form, so they read back exactly.
     */
    private static Path writeCsv(Path file, LayerPosterior layer, double[] values) throws IOException {
        int inputs = layer.inputs();
        boolean bias = layer.spec().bias();
        return atomically(file, out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            StringBuilder header = new StringBuilder("neuron");
            for (int i = 0; i < inputs; i++) {
                header.append(',').append(bias && i == inputs - 1 ? "bias" : "w" + (i + 1));
            }
            writer.write(header.append('\n').toString());
            StringBuilder row = new StringBuilder();
            for (int o = 0; o < layer.outputs(); o++) {
                row.setLength(0);
                row.append(o + 1);
                for (int i = 0; i < inputs; i++) {
                    row.append(',').append(values[o * inputs + i]);
                }
                writer.write(row.append('\n').toString());
            }
            writer.flush();
        });
    }

    private static Path atomically(Path file, AtomicFiles.Content content) throws IOException {
        AtomicFiles.write(file, content);
        return file;
    }
}
