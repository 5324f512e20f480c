package org.epsnn.app.workbench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import javafx.concurrent.Task;
import org.epsnn.app.data.TrainingData;
import org.epsnn.model.project.ProjectExport;
import org.epsnn.views.export.CsvWriter;
import org.epsnn.views.export.ExportFileChooser;

/**
 * The File menu's exports of the metric history and the posterior. The data is collected on the
 * FX thread (the posterior as a copy) and written on a background thread.
 */
final class ProjectExports {

    private final WorkbenchController controller;
    private final PlotsPane plots;
    private final ProjectStore store;
    private final ExportFileChooser chooseFile;
    private final BiConsumer<String, String> showError;

    /**
     * @param chooseFile lets the user choose a file with the given extension, offering the given name
     * @param showError shows an error dialog with a title and a text
     */
    ProjectExports(WorkbenchController controller, PlotsPane plots, ProjectStore store,
                   ExportFileChooser chooseFile, BiConsumer<String, String> showError) {
        this.controller = controller;
        this.plots = plots;
        this.store = store;
        this.chooseFile = chooseFile;
        this.showError = showError;
    }

    /** Writes the accuracy chart's curves as CSV: one row per point with the series name, samples seen and value. */
    void exportMetrics() {
        MetricHistory history = plots.exportedMetricHistory();
        if (history.isEmpty()) {
            controller.showMessage("There are no metrics to export yet; train first.");
            return;
        }
        Optional<Path> file = chooseFile.choose("csv", "metrics");
        if (file.isEmpty()) {
            return;
        }
        run("Exporting metrics", () -> {
            writeMetrics(history, file.get());
            return List.of(file.get());
        });
    }

    static void writeMetrics(MetricHistory history, Path file) throws IOException {
        CsvWriter.write(file, csv -> {
            csv.header("series", "samples_seen", "value");
            for (MetricHistory.Series series : history.series()) {
                for (int i = 0; i < series.x().length; i++) {
                    csv.row(series.name(), series.x()[i], series.y()[i]);
                }
            }
            for (MetricHistory.Marker marker : history.passMarkers()) {
                csv.row("end of " + marker.label(), marker.x(), Double.NaN);
            }
        });
    }

    /** Writes the posterior means and variances of every weight in {@code format}. */
    void exportPosterior(ProjectStore.PosteriorFormat format) {
        String extension = format == ProjectStore.PosteriorFormat.CSV ? "csv" : "npy";
        Optional<Path> file = chooseFile.choose(extension, "posterior");
        if (file.isEmpty()) {
            return;
        }
        controller.requestPosteriorCopy(copy -> {
            if (copy.isEmpty()) {
                controller.showMessage("There is no trained posterior to export; train first.");
                return;
            }
            // The data the posterior was trained on: new data discards the posterior, so they belong together.
            TrainingData data = controller.dataProperty().get();
            run("Exporting the posterior", () -> {
                List<Path> written = new ArrayList<>(store.exportPosterior(copy.get(), format, file.get()));
                if (data != null && data.featureMean().length > 0) {
                    written.add(ProjectExport.writeFeatureScaling(featureScalingFile(file.get()),
                            data.train().featureNames(), data.featureMean(), data.featureScale()));
                }
                return written;
            });
        });
    }

    /**
     * Names the feature scaling of a posterior exported to {@code file}: {@code NAME.feature-scaling.csv}
     * beside it, where NAME is the file name without its extension.
     */
    static Path featureScalingFile(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return file.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".feature-scaling.csv");
    }

    /** Names one written file, or the count, the folder and the first and last names of several. */
    static String describe(List<Path> written) {
        if (written.size() == 1) {
            return written.get(0).toString();
        }
        Path first = written.get(0);
        Path folder = first.toAbsolutePath().getParent();
        return written.size() + " files in " + folder + " (" + first.getFileName() + " to "
                + written.get(written.size() - 1).getFileName() + ")";
    }

    private interface Export {
        List<Path> write() throws IOException;
    }

    private void run(String what, Export export) {
        controller.showMessage(what + " ...");
        Task<List<Path>> task = new Task<>() {
            @Override
            protected List<Path> call() throws IOException {
                return export.write();
            }
        };
        task.setOnSucceeded(event -> {
            List<Path> written = task.getValue();
            controller.showMessage(what + ": wrote " + describe(written) + ".");
        });
        task.setOnFailed(event -> {
            controller.showMessage(what + " failed.");
            showError.accept(what + " failed", task.getException().getMessage());
        });
        Thread thread = new Thread(task, "export");
        thread.setDaemon(true);
        thread.start();
    }
}
