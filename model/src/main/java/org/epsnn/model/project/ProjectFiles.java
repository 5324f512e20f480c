package org.epsnn.model.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.epsnn.model.ep.EpNetwork;
import org.epsnn.model.linalg.ParallelRunner;
import org.epsnn.model.network.LayerSpec;
import org.epsnn.model.network.NetworkSpec;
import org.epsnn.model.training.PassSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves and opens project files. A project file ({@value #EXTENSION}, format version
 * {@value #VERSION}) is a zip archive holding {@code project.json} (the setup and the posterior's
 * position), {@code metrics.json} (the metric history), {@code layout.json} (the window layout)
 * and, when trained, {@code posterior/layer-K-*.npy} arrays that NumPy reads directly.
 * {@code docs/file-format.md} describes every entry. The setup files of version 1
 * ({@code *.epsnn.json}) still open, as untrained projects.
 *
 * <p>Saving writes a temporary file in the target's folder, forces it to the disk and renames it
 * over the target in one atomic step, so a save killed at any moment leaves the previous file
 * intact. Opening builds the whole project before it returns, so a file that fails to open
 * changes nothing. Both report progress and can be cancelled through a {@link ProgressListener}.
 *
 * <p>The methods are safe to call from any thread; two saves to the same path at once are not
 * supported.
 */
public final class ProjectFiles {

    /** The extension of project files. */
    public static final String EXTENSION = ".epsnn";
    /** The format version this class writes; it reads this one and every older one. */
    public static final int VERSION = 2;

    static final String PROJECT_ENTRY = "project.json";
    static final String METRICS_ENTRY = "metrics.json";
    static final String LAYOUT_ENTRY = "layout.json";

    private static final Logger LOG = LoggerFactory.getLogger(ProjectFiles.class);
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String DAMAGED_ADVICE = "The file is damaged; open a backup or retrain";

    private ProjectFiles() {
    }

    // ---------------------------------------------------------------------------------------------
    // Saving

    /** Saves a project without progress reports; see {@link #save(Project, Path, ProgressListener)}. */
    public static void save(Project project, Path file) throws IOException {
        save(project, file, ProgressListener.NONE);
    }

    /**
     * Saves a project atomically through {@link AtomicFiles}: the file keeps either its previous
     * content or the new one, whenever the process stops.
     *
     * @param progress receives the fraction written; returning false cancels the save, which then
     *     throws {@link java.util.concurrent.CancellationException} and leaves the previous file as it was
     * @throws IOException when the folder is not writable or the disk is full; the previous file is kept
     */
    public static void save(Project project, Path file, ProgressListener progress) throws IOException {
        Path target = file.toAbsolutePath();
        byte[] projectJson = MAPPER.writeValueAsBytes(projectJson(project));
        byte[] metricsJson = MAPPER.writeValueAsBytes(ProjectJson.history(project.history()));
        byte[] layoutJson = MAPPER.writeValueAsBytes(ProjectJson.layout(project.layout()));
        List<NamedArray> arrays = arrays(project);
        long total = projectJson.length + metricsJson.length + layoutJson.length;
        for (NamedArray array : arrays) {
            total += Npy.byteSize(array.shape());
        }
        ProgressCounter counter = new ProgressCounter(progress, "Saving " + target.getFileName(), total);

        AtomicFiles.write(target, out -> {
            ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
            zip.setLevel(Deflater.BEST_SPEED);
            writeEntry(zip, PROJECT_ENTRY, projectJson, counter);
            writeEntry(zip, METRICS_ENTRY, metricsJson, counter);
            writeEntry(zip, LAYOUT_ENTRY, layoutJson, counter);
            for (NamedArray array : arrays) {
                zip.putNextEntry(storedEntry(array));
                Npy.write(zip, array.shape(), array.values(), counter);
                zip.closeEntry();
            }
            zip.finish();
            counter.finish();
        });
        LOG.debug("Saved project {} ({} bytes)", target, Files.size(target));
    }

    private static void writeEntry(ZipOutputStream zip, String name, byte[] content, ProgressCounter counter) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
        counter.add(content.length);
    }

    /**
     * Creates an uncompressed entry for an array. Doubles barely compress: on a 1000 x 1000 layer of
     * random values deflate saved 4 % of the size and made the save about 20 times slower. A
     * stored entry needs its size and CRC-32 before its data, so the array is serialised once
     * to compute the CRC.
     */
    private static ZipEntry storedEntry(NamedArray array) throws IOException {
        CRC32 crc = new CRC32();
        Npy.write(new CheckedOutputStream(OutputStream.nullOutputStream(), crc), array.shape(), array.values(), null);
        long size = Npy.byteSize(array.shape());
        ZipEntry entry = new ZipEntry(array.name());
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(size);
        entry.setCompressedSize(size);
        entry.setCrc(crc.getValue());
        return entry;
    }

    private static ObjectNode projectJson(Project project) {
        ObjectNode root = ProjectSetupJson.toJson(project.setup());
        root.put("version", VERSION);
        root.set("dataChecksums", ProjectJson.stringMap(project.dataChecksums()));
        if (project.posterior() == null) {
            root.putNull("posterior");
        } else {
            root.set("posterior", ProjectJson.posterior(project.posterior()));
        }
        return root;
    }

    private record NamedArray(String name, int[] shape, double[] values) {
    }

    /** Lists the arrays of the posterior in entry order: per layer prior, site shift, site precision, mean, variance. */
    private static List<NamedArray> arrays(Project project) {
        List<NamedArray> arrays = new ArrayList<>();
        PosteriorState posterior = project.posterior();
        if (posterior == null) {
            return arrays;
        }
        NetworkSpec spec = project.setup().network();
        EpNetwork network = posterior.toNetwork(spec, project.setup().encoding());
        try (ParallelRunner runner = new ParallelRunner(1)) {
            for (int l = 0; l < posterior.layers().size(); l++) {
                PosteriorState.LayerState layer = posterior.layers().get(l);
                ProjectJson.LayerEntries entries = ProjectJson.LayerEntries.of(l);
                int[] weightShape = weightShape(spec, l);
                arrays.add(new NamedArray(entries.prior(), priorShape(spec, l), layer.priorParameters()));
                arrays.add(new NamedArray(entries.siteShift(), weightShape, layer.siteShift()));
                arrays.add(new NamedArray(entries.sitePrecision(), weightShape, layer.sitePrecision()));
                double[] moments = network.layer(l).posteriorMoments(runner);
                int weights = layer.siteShift().length;
                arrays.add(new NamedArray(entries.mean(), weightShape, java.util.Arrays.copyOf(moments, weights)));
                arrays.add(new NamedArray(entries.variance(), weightShape, java.util.Arrays.copyOfRange(moments, weights, 2 * weights)));
            }
        }
        return arrays;
    }

    /** {@code outputs x inputs} of layer {@code l}, the bias column included. */
    static int[] weightShape(NetworkSpec spec, int l) {
        LayerSpec layer = spec.layer(l);
        return new int[] {layer.size(), layer.fanIn(spec.inputSizeOf(l))};
    }

    /** Returns the shape of the prior parameters: that of the weights, with a leading level dimension for discrete weights. */
    static int[] priorShape(NetworkSpec spec, int l) {
        int[] weights = weightShape(spec, l);
        LayerSpec layer = spec.layer(l);
        return layer.prior().isDiscrete() ? new int[] {layer.prior().levelCount(), weights[0], weights[1]} : weights;
    }

    // ---------------------------------------------------------------------------------------------
    // Opening

    /** Opens a project without progress reports; see {@link #load(Path, ProgressListener)}. */
    public static Project load(Path file) throws IOException {
        return load(file, ProgressListener.NONE);
    }

    /**
     * Opens a project file of this version or an older one. The whole project is read and checked
     * before this returns, so a failure leaves the caller's current project untouched.
     *
     * @param progress receives the fraction read; returning false cancels, and this throws
     *     {@link java.util.concurrent.CancellationException}
     * @throws ProjectFormatException naming the file, the entry or field and the fix when the file
     *     is empty, truncated, damaged, of another type or from a newer version
     * @throws NoSuchFileException when the file does not exist
     */
    public static Project load(Path file, ProgressListener progress) throws IOException {
        if (!Files.isRegularFile(file)) {
            if (Files.isDirectory(file)) {
                throw new ProjectFormatException(file, "is a folder; choose an " + EXTENSION + " file");
            }
            throw new NoSuchFileException(file.toString());
        }
        byte[] start = new byte[4];
        int length;
        try (InputStream in = Files.newInputStream(file)) {
            length = in.readNBytes(start, 0, start.length);
        }
        if (length == 0) {
            throw new ProjectFormatException(file, "is empty (0 bytes). It was not saved completely; open a backup");
        }
        if (length == 4 && start[0] == 'P' && start[1] == 'K' && start[2] == 3 && start[3] == 4) {
            return loadArchive(file, progress);
        }
        if (looksLikeJson(start, length)) {
            Project project = loadVersion1(file);
            new ProgressCounter(progress, "Opening " + file.getFileName(), 0).finish();
            return project;
        }
        throw new ProjectFormatException(file, "is not an EP-SNN project: it is neither an " + EXTENSION
                + " archive nor a version 1 .epsnn.json file. Choose a project file");
    }

    private static boolean looksLikeJson(byte[] start, int length) {
        int i = 0;
        // A UTF-8 byte order mark, then white space.
        if (length >= 3 && (start[0] & 0xff) == 0xEF && (start[1] & 0xff) == 0xBB && (start[2] & 0xff) == 0xBF) {
            i = 3;
        }
        while (i < length && Character.isWhitespace(start[i])) {
            i++;
        }
        return i < length && start[i] == '{';
    }

    /** Migrates a version 1 setup file: the same setup, no posterior, no history. */
    private static Project loadVersion1(Path file) throws IOException {
        JsonNode root = readJson(file, Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", ""), "");
        checkFormatAndVersion(file, root, "", 1);
        return Project.of(ProjectSetupJson.setupOf(file, root));
    }

    private static Project loadArchive(Path file, ProgressListener progress) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            long total = 0;
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                total += Math.max(0, entries.nextElement().getSize());
            }
            ProgressCounter counter = new ProgressCounter(progress, "Opening " + file.getFileName(), total);

            JsonNode root = readJson(file, new String(readEntry(zip, file, PROJECT_ENTRY, counter), StandardCharsets.UTF_8),
                    "entry " + PROJECT_ENTRY + " ");
            checkFormatAndVersion(file, root, "entry " + PROJECT_ENTRY + " ", VERSION);
            ProjectSetupJson.Reader reader = new ProjectSetupJson.Reader(file);
            ProjectSetup setup = ProjectSetupJson.setupOf(file, root);
            Map<String, String> checksums = root.has("dataChecksums")
                    ? ProjectJson.stringMap(file, root.get("dataChecksums"), "field dataChecksums") : Map.of();

            JsonNode metricsRoot = readJson(file, new String(readEntry(zip, file, METRICS_ENTRY, counter), StandardCharsets.UTF_8),
                    "entry " + METRICS_ENTRY + " ");
            List<PassSummary> history = ProjectJson.history(reader, file, metricsRoot);
            Map<String, String> layout = ProjectJson.stringMap(file, readJson(file,
                    new String(readEntry(zip, file, LAYOUT_ENTRY, counter), StandardCharsets.UTF_8), "entry " + LAYOUT_ENTRY + " "),
                    "entry " + LAYOUT_ENTRY);

            JsonNode posteriorNode = root.path("posterior");
            PosteriorState posterior = posteriorNode.isMissingNode() || posteriorNode.isNull() ? null
                    : readPosterior(zip, file, reader, setup, posteriorNode, counter);
            checkOtherEntries(zip, file, counter);
            counter.finish();
            return new Project(setup, posterior, history, checksums, layout);
        } catch (ZipException e) {
            // The zip library's own words (for example "zip END header not found") help no user.
            LOG.debug("Zip error in {}: {}", file, e.getMessage());
            throw new ProjectFormatException(file, "is truncated or damaged: its archive directory cannot be read."
                    + " It was not saved completely or was changed since; open a backup or retrain");
        }
    }

    private static PosteriorState readPosterior(ZipFile zip, Path file, ProjectSetupJson.Reader reader, ProjectSetup setup,
                                                JsonNode node, ProgressCounter counter) throws IOException {
        NetworkSpec spec = setup.network();
        ProjectJson.PosteriorHeader header = ProjectJson.posteriorHeader(reader, file, node);
        if (header.counts().length != spec.depth()) {
            throw new ProjectFormatException(file, "field posterior.layers has " + header.counts().length
                    + " layers, but the network has " + spec.depth() + ". " + DAMAGED_ADVICE);
        }
        int targets = spec.task() == NetworkSpec.Task.REGRESSION ? spec.outputSize() : 0;
        if (header.targetMean().length != targets || header.targetScale().length != targets) {
            throw new ProjectFormatException(file, "fields posterior.targetMean and posterior.targetScale hold "
                    + header.targetMean().length + " and " + header.targetScale().length + " values, the network needs "
                    + targets + ". " + DAMAGED_ADVICE);
        }
        for (int t = 0; t < targets; t++) {
            if (!(header.targetScale()[t] > 0) || !Double.isFinite(header.targetScale()[t])) {
                throw new ProjectFormatException(file, "field posterior.targetScale[" + t + "] is " + header.targetScale()[t]
                        + "; expected a positive number. " + DAMAGED_ADVICE);
            }
        }
        List<PosteriorState.LayerState> layers = new ArrayList<>();
        for (int l = 0; l < spec.depth(); l++) {
            JsonNode layerNode = node.path("layers").get(l);
            String where = "posterior.layers[" + l + "].";
            int[] weightShape = weightShape(spec, l);
            double[] prior = readArray(zip, file, reader.text(layerNode, "prior", where + "prior"), priorShape(spec, l), l, counter);
            double[] shift = readArray(zip, file, reader.text(layerNode, "siteShift", where + "siteShift"), weightShape, l, counter);
            double[] precision = readArray(zip, file, reader.text(layerNode, "sitePrecision", where + "sitePrecision"),
                    weightShape, l, counter);
            layers.add(new PosteriorState.LayerState(prior, shift, precision, header.counts()[l]));
        }
        return new PosteriorState(layers, header.targetMean(), header.targetScale(), header.completedPasses(),
                header.samplesIntoPass(), header.samplesSeen());
    }

    private static double[] readArray(ZipFile zip, Path file, String name, int[] expectedShape, int layer,
                                      ProgressCounter counter) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new ProjectFormatException(file, "has no entry " + name + ". " + DAMAGED_ADVICE);
        }
        double[] values;
        CRC32 crc = new CRC32();
        try (InputStream in = new CheckedInputStream(new BufferedInputStream(zip.getInputStream(entry), 1 << 16), crc)) {
            int[] shape = Npy.readHeader(in, counter);
            // Checked before the values are read, so that a damaged header cannot make this allocate gigabytes.
            if (!java.util.Arrays.equals(shape, expectedShape)) {
                throw new ProjectFormatException(file, "entry " + name + " contains " + Npy.shapeText(shape)
                        + " values, but layer " + (layer + 1) + " of the network needs " + Npy.shapeText(expectedShape)
                        + ". " + DAMAGED_ADVICE);
            }
            values = Npy.readValues(in, shape, counter);
        } catch (Npy.NpyFormatException e) {
            throw new ProjectFormatException(file, "entry " + name + " " + e.getMessage() + ". " + DAMAGED_ADVICE);
        } catch (ZipException | java.io.EOFException e) {
            throw new ProjectFormatException(file, "entry " + name + " is damaged (" + e.getMessage() + "). " + DAMAGED_ADVICE);
        }
        checkCrc(file, name, entry, crc);
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new ProjectFormatException(file, "entry " + name + " contains " + values[i] + " at flat index " + i
                        + "; every value must be finite. " + DAMAGED_ADVICE);
            }
        }
        return values;
    }

    /**
     * Checks the CRC-32 of the entries that opening does not use (the posterior means and
     * variances, kept for NumPy), so that a damaged copy is reported instead of passed on.
     */
    private static void checkOtherEntries(ZipFile zip, Path file, ProgressCounter counter) throws IOException {
        var entries = zip.entries();
        byte[] buffer = new byte[1 << 16];
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            String name = entry.getName();
            if (!name.endsWith("-mean.npy") && !name.endsWith("-variance.npy")) {
                continue;
            }
            CRC32 crc = new CRC32();
            try (InputStream in = new CheckedInputStream(zip.getInputStream(entry), crc)) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    counter.add(read);
                }
            } catch (ZipException | java.io.EOFException e) {
                throw new ProjectFormatException(file, "entry " + name + " is damaged (" + e.getMessage() + "). " + DAMAGED_ADVICE);
            }
            checkCrc(file, name, entry, crc);
        }
    }

    private static byte[] readEntry(ZipFile zip, Path file, String name, ProgressCounter counter) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new ProjectFormatException(file, "has no entry " + name + "; it is not an EP-SNN project or it is damaged");
        }
        CRC32 crc = new CRC32();
        byte[] bytes;
        try (InputStream in = new CheckedInputStream(zip.getInputStream(entry), crc)) {
            bytes = in.readAllBytes();
        } catch (ZipException | java.io.EOFException e) {
            throw new ProjectFormatException(file, "entry " + name + " is damaged (" + e.getMessage() + "). " + DAMAGED_ADVICE);
        }
        checkCrc(file, name, entry, crc);
        counter.add(bytes.length);
        return bytes;
    }

    private static void checkCrc(Path file, String name, ZipEntry entry, CRC32 crc) throws ProjectFormatException {
        if (entry.getCrc() >= 0 && entry.getCrc() != crc.getValue()) {
            throw new ProjectFormatException(file, "entry " + name + " fails its CRC-32 check. " + DAMAGED_ADVICE);
        }
    }

    private static JsonNode readJson(Path file, String text, String where) throws ProjectFormatException {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ProjectFormatException(file, where + "is not valid JSON (" + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + "). " + DAMAGED_ADVICE);
        }
        if (root == null || !root.isObject()) {
            throw new ProjectFormatException(file, where + "is empty or not a JSON object; expected an EP-SNN project");
        }
        return root;
    }

    /** Checks the format name and that the version is at most {@code highest}, the version this container carries. */
    private static void checkFormatAndVersion(Path file, JsonNode root, String where, int highest) throws ProjectFormatException {
        JsonNode format = root.path("format");
        if (!format.isTextual() || !ProjectSetupJson.FORMAT.equals(format.textValue())) {
            throw new ProjectFormatException(file, where + "has format " + format + ", expected '" + ProjectSetupJson.FORMAT
                    + "'; it is not an EP-SNN project");
        }
        JsonNode versionNode = root.path("version");
        if (!versionNode.isIntegralNumber()) {
            throw new ProjectFormatException(file, where + "field version is missing or not a whole number");
        }
        long version = versionNode.longValue();
        if (version > VERSION) {
            throw new ProjectFormatException(file, "was written by a newer version of the workbench (project version "
                    + version + ", this one reads up to " + VERSION + "); update the workbench");
        }
        if (version < 1 || version > highest) {
            throw new ProjectFormatException(file, where + "has version " + version + ", which this kind of file never had. "
                    + DAMAGED_ADVICE);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Autosave and recovery

    /**
     * Returns where the window autosaves a project while it trains: a hidden file beside the
     * project, {@code .NAME.autosave.epsnn}. The autosave is written with {@link #save} like any
     * project, so it is never half-written.
     */
    public static Path autosavePath(Path projectFile) {
        Path absolute = projectFile.toAbsolutePath();
        return absolute.resolveSibling("." + absolute.getFileName() + ".autosave" + EXTENSION);
    }

    /**
     * Returns where the window autosaves a project that was never saved: {@code untitled.autosave.epsnn}
     * in {@code folder} (for example {@code ~/.epsnn}), which the caller creates.
     */
    public static Path untitledAutosavePath(Path folder) {
        return folder.resolve("untitled.autosave" + EXTENSION);
    }

    /**
     * Tells whether an autosave of {@code projectFile} is left over from a session that did not
     * close normally: the autosave exists and is newer than the project (or the project is gone).
     * The window then offers to open it with {@link #load} and afterwards calls {@link #discardAutosave}.
     *
     * @param projectFile the project, or the untitled autosave path itself
     * @return the autosave to recover from, if any
     */
    public static Optional<Path> recoverableAutosave(Path projectFile) throws IOException {
        Path autosave = projectFile.getFileName().toString().endsWith(".autosave" + EXTENSION)
                ? projectFile : autosavePath(projectFile);
        if (!Files.isRegularFile(autosave)) {
            return Optional.empty();
        }
        if (autosave.equals(projectFile) || !Files.isRegularFile(projectFile)) {
            return Optional.of(autosave);
        }
        FileTime autosaved = Files.getLastModifiedTime(autosave);
        FileTime saved = Files.getLastModifiedTime(projectFile);
        return autosaved.compareTo(saved) > 0 ? Optional.of(autosave) : Optional.empty();
    }

    /** Deletes the autosave of {@code projectFile}, after a save or a normal close; no error if there is none. */
    public static void discardAutosave(Path projectFile) throws IOException {
        Files.deleteIfExists(projectFile.getFileName().toString().endsWith(".autosave" + EXTENSION)
                ? projectFile : autosavePath(projectFile));
    }
}
