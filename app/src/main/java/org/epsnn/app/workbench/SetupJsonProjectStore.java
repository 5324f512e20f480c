package org.epsnn.app.workbench;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.epsnn.model.ep.EpNetwork;
import org.epsnn.model.project.ProjectFormatException;
import org.epsnn.model.project.ProjectSetup;
import org.epsnn.model.project.ProjectSetupJson;

/**
 * The project store over the JSON project setup of {@link ProjectSetupJson}: it saves and opens
 * the data reference, network, input encoding and training settings.
 *
 * <p>NOTE: this format has no place for the trained posterior, the metric history or the window
 * layout. Saving a posterior throws {@link UnsupportedOperationException} (see
 * {@link #savePosterior}), and the metric history and layout are not written.
 */
public final class SetupJsonProjectStore implements ProjectStore {

    @Override
    public OpenedProject load(Path file, DoubleConsumer progress, BooleanSupplier cancelled) throws IOException {
        progress.accept(0);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        if (Files.size(file) == 0) {
            throw new ProjectFormatException(file, "is empty; expected an EP-SNN project");
        }
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("Opening " + file + " was cancelled");
        }
        ProjectSetup setup;
        try {
            setup = ProjectSetupJson.read(file);
        } catch (CharacterCodingException e) {
            throw new ProjectFormatException(file, "is not a text file in UTF-8; expected an EP-SNN project");
        }
        progress.accept(1);
        return new OpenedProject(new ProjectState(setup, Optional.empty(), MetricHistory.EMPTY, Map.of()), List.of());
    }

    @Override
    public void save(Path file, ProjectState state, DoubleConsumer progress) throws IOException {
        progress.accept(0);
        if (state.posterior().isPresent()) {
            savePosterior(file, state.posterior().get());
        }
        ProjectSetupJson.write(state.setup(), file);
        progress.accept(1);
    }

    /**
     * Rejects a trained posterior, which the setup format cannot hold. It throws before anything
     * is written, so the file stays as it was.
     */
    private static void savePosterior(Path file, EpNetwork posterior) {
        throw new UnsupportedOperationException("saving the trained posterior needs the project file format");
    }

    @Override
    public List<Path> exportPosterior(EpNetwork network, PosteriorFormat format, Path file) throws IOException {
        return PosteriorExport.write(network, format, file);
    }
}
