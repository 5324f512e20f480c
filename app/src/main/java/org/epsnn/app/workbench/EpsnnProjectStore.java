package org.epsnn.app.workbench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.epsnn.model.ep.EpNetwork;
import org.epsnn.model.project.DataFileChangedException;
import org.epsnn.model.project.DataFiles;
import org.epsnn.model.project.MissingDataFileException;
import org.epsnn.model.project.PosteriorState;
import org.epsnn.model.project.Project;
import org.epsnn.model.project.ProjectFiles;
import org.epsnn.model.project.ProjectSetup;

/**
 * The project store over the version 2 project file of {@link ProjectFiles}: the setup, the
 * trained posterior with its position in the schedule, the pass history, checksums of the data
 * files and the window layout. It also opens version 1 setup files ({@code .epsnn.json}).
 *
 * <p>The curves of the accuracy and firing charts are window state, so they travel in the layout map under
 * {@link #CURVES_KEY} as JSON; the pass history is the file's own {@code metrics.json}, which the
 * command line reads too.
 */
public final class EpsnnProjectStore implements ProjectStore {

    /** Layout key of the accuracy chart's curves and pass markers. */
    static final String CURVES_KEY = "plots.curves";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public OpenedProject load(Path file, DoubleConsumer progress, BooleanSupplier cancelled) throws IOException {
        Project project = ProjectFiles.load(file, fraction -> {
            progress.accept(fraction);
            return !cancelled.getAsBoolean();
        });
        ProjectSetup setup = project.setup();
        List<String> notes = new ArrayList<>();
        // Recovered autosaves are archives too, so the version shows in the content, not the name.
        if (!isArchive(file)) {
            notes.add(file.getFileName() + " is a version 1 project setup; Save writes it as a version "
                    + ProjectFiles.VERSION + " " + ProjectFiles.EXTENSION + " file, which also keeps the trained posterior.");
        }
        try {
            DataFiles.verify(setup.data(), project.dataChecksums(), file);
        } catch (DataFileChangedException e) {
            notes.add(e.getMessage());
        } catch (MissingDataFileException e) {
            // Missing data is for the window to report, with the offer to locate it, when it loads the data.
        }
        Optional<EpNetwork> posterior = project.trainedPosterior()
                .map(state -> state.toNetwork(setup.network(), setup.encoding()));
        Map<String, String> layout = new LinkedHashMap<>(project.layout());
        String curves = layout.remove(CURVES_KEY);
        MetricHistory history = curves == null ? new MetricHistory(List.of(), List.of(), project.history())
                : readCurves(file, curves, project);
        return new OpenedProject(new ProjectState(setup, posterior, history, layout), notes);
    }

    @Override
    public void save(Path file, ProjectState state, DoubleConsumer progress) throws IOException {
        Map<String, String> layout = new LinkedHashMap<>(state.layout());
        if (!state.metrics().isEmpty()) {
            layout.put(CURVES_KEY, writeCurves(state.metrics()));
        }
        Map<String, String> checksums;
        try {
            checksums = DataFiles.checksums(state.setup().data(), file);
        } catch (MissingDataFileException e) {
            // Data that has gone since it was loaded keeps no checksum; the path is still saved.
            checksums = Map.of();
        }
        Project project = Project.of(state.setup()).withLayout(layout).withDataChecksums(checksums);
        if (state.posterior().isPresent()) {
            project = project.withPosterior(PosteriorState.capture(state.posterior().get()), state.metrics().passes());
        }
        ProjectFiles.save(project, file, fraction -> {
            progress.accept(fraction);
            return true;
        });
    }

    @Override
    public List<Path> exportPosterior(EpNetwork network, PosteriorFormat format, Path file) throws IOException {
        return PosteriorExport.write(network, format, file);
    }

    /** Tells whether {@code file} starts like a zip archive, the version 2 format. */
    private static boolean isArchive(Path file) throws IOException {
        byte[] start = new byte[2];
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            return in.readNBytes(start, 0, 2) == 2 && start[0] == 'P' && start[1] == 'K';
        }
    }

    private static String writeCurves(MetricHistory history) throws JsonProcessingException {
        ObjectNode root = MAPPER.createObjectNode();
        writeSeries(root.putArray("series"), history.series());
        ArrayNode markers = root.putArray("markers");
        for (MetricHistory.Marker marker : history.passMarkers()) {
            markers.addObject().put("x", marker.x()).put("label", marker.label());
        }
        writeSeries(root.putArray("firing"), history.firing());
        return MAPPER.writeValueAsString(root);
    }

    private static void writeSeries(ArrayNode array, List<MetricHistory.Series> curves) {
        for (MetricHistory.Series curve : curves) {
            ObjectNode node = array.addObject();
            node.put("name", curve.name());
            ArrayNode x = node.putArray("x");
            ArrayNode y = node.putArray("y");
            for (int i = 0; i < curve.x().length; i++) {
                x.add(curve.x()[i]);
                // JSON has no NaN, and a curve may hold NaN points (for example a regression's accuracy).
                if (Double.isFinite(curve.y()[i])) {
                    y.add(curve.y()[i]);
                } else {
                    y.addNull();
                }
            }
        }
    }

    private static MetricHistory readCurves(Path file, String text, Project project) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new org.epsnn.model.project.ProjectFormatException(file, "entry layout.json: the chart curves under '"
                    + CURVES_KEY + "' are not valid JSON. The file is damaged; open a backup");
        }
        List<MetricHistory.Series> series = readSeries(file, root.path("series"));
        List<MetricHistory.Marker> markers = new ArrayList<>();
        for (JsonNode node : root.path("markers")) {
            markers.add(new MetricHistory.Marker(node.path("x").asDouble(), node.path("label").asText("")));
        }
        // Files written before the firing chart was saved have no "firing" list.
        List<MetricHistory.Series> firing = readSeries(file, root.path("firing"));
        return new MetricHistory(series, markers, project.history(), firing);
    }

    private static List<MetricHistory.Series> readSeries(Path file, JsonNode array) throws IOException {
        List<MetricHistory.Series> series = new ArrayList<>();
        for (JsonNode node : array) {
            JsonNode xs = node.path("x");
            JsonNode ys = node.path("y");
            if (!node.path("name").isTextual() || !xs.isArray() || !ys.isArray() || xs.size() != ys.size()) {
                throw new org.epsnn.model.project.ProjectFormatException(file, "entry layout.json: a chart curve under '"
                        + CURVES_KEY + "' lacks a name or has x and y lists of different lengths. The file is damaged; open a backup");
            }
            double[] x = new double[xs.size()];
            double[] y = new double[ys.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = xs.get(i).asDouble();
                y[i] = ys.get(i).isNull() ? Double.NaN : ys.get(i).asDouble();
            }
            series.add(new MetricHistory.Series(node.get("name").asText(), x, y));
        }
        return series;
    }
}
