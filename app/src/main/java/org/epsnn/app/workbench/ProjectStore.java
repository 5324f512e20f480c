package org.epsnn.app.workbench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.epsnn.model.ep.EpNetwork;

/**
 * Reads and writes project files and exports the posterior, for the window, which depends on
 * no part of the file layout. Every method does I/O and may take long, so the window calls them
 * on a background thread, never on the FX thread. Implementations are thread-safe.
 */
public interface ProjectStore {

    /** The file formats of a posterior export. */
    enum PosteriorFormat {
        /** One CSV table with a row per weight: layer, neuron, input, mean, variance. */
        CSV,
        /** NumPy {@code .npy} arrays, a mean and a variance array of shape {@code outputs x inputs} per layer. */
        NPY
    }

    /**
     * Reads a project file.
     *
     * @param progress receives the fraction done, from 0 to 1, on the calling thread
     * @param cancelled polled while reading; when it returns true the load stops
     * @throws IOException when the file is missing, unreadable, corrupt, truncated, empty or of
     *     another type; the message names the file and the problem
     * @throws CancellationException when {@code cancelled} returned true
     */
    OpenedProject load(Path file, DoubleConsumer progress, BooleanSupplier cancelled) throws IOException;

    /**
     * Writes {@code state} to {@code file}. The file is replaced only when the whole project was
     * written, so a failed save leaves the previous file as it was.
     *
     * @param progress receives the fraction done, from 0 to 1, on the calling thread
     * @throws IOException when the file cannot be written
     * @throws UnsupportedOperationException when this store cannot save a trained posterior; the
     *     file is then left unchanged and the caller may save {@link ProjectState#withoutPosterior()}
     */
    void save(Path file, ProjectState state, DoubleConsumer progress) throws IOException;

    /**
     * Writes the posterior means and variances of every weight of {@code network}.
     *
     * @param file the CSV file, or for NPY the name that the per-layer array files derive from
     * @return the files written
     */
    java.util.List<Path> exportPosterior(EpNetwork network, PosteriorFormat format, Path file) throws IOException;
}
