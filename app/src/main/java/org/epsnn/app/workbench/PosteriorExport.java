package org.epsnn.app.workbench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.epsnn.model.ep.EpNetwork;
import org.epsnn.model.ep.LayerPosterior;
import org.epsnn.model.linalg.ParallelRunner;
import org.epsnn.views.export.AtomicFiles;
import org.epsnn.views.export.CsvWriter;

/**
 * Writes the posterior mean and variance of every weight as CSV or as NumPy {@code .npy} arrays.
 * Weights are indexed as the engine stores them: {@code outputs x inputs} per layer, with the bias
 * weight, when the layer has one, in the last input column.
 */
final class PosteriorExport {

    /** The NPY format's magic string and version 1.0, from the NumPy format specification. */
    private static final byte[] NPY_MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
    /** NPY headers are padded so that the data starts at a multiple of this many bytes. */
    private static final int NPY_ALIGNMENT = 64;

    private PosteriorExport() {
    }

    /**
     * Writes the moments of {@code network} to {@code file} (CSV), or to one {@code .npy} file per
     * layer and moment named after {@code file}: {@code NAME.layer1.mean.npy}, {@code NAME.layer1.variance.npy}, ...
     *
     * @return the files written
     */
    static List<Path> write(EpNetwork network, ProjectStore.PosteriorFormat format, Path file) throws IOException {
        List<double[]> moments = new ArrayList<>();
        try (ParallelRunner runner = new ParallelRunner(1)) {
            for (LayerPosterior layer : network.layers()) {
                moments.add(layer.posteriorMoments(runner));
            }
        }
        return format == ProjectStore.PosteriorFormat.CSV ? List.of(writeCsv(network, moments, file)) : writeNpy(network, moments, file);
    }

    private static Path writeCsv(EpNetwork network, List<double[]> moments, Path file) throws IOException {
        CsvWriter.write(file, csv -> {
            csv.header("layer", "neuron", "input", "bias", "mean", "variance");
            for (int l = 0; l < network.depth(); l++) {
                LayerPosterior layer = network.layer(l);
                double[] layerMoments = moments.get(l);
                int weights = layer.weightCount();
                boolean bias = layer.spec().bias();
                for (int w = 0; w < weights; w++) {
                    int input = w % layer.inputs();
                    // Layers, neurons and inputs count from 1, as in the command line's export (w1, w2, ...).
                    csv.row(l + 1, w / layer.inputs() + 1, input + 1, bias && input == layer.inputs() - 1 ? 1 : 0,
                            layerMoments[w], layerMoments[weights + w]);
                }
            }
        });
        return file;
    }

    private static List<Path> writeNpy(EpNetwork network, List<double[]> moments, Path file) throws IOException {
        String name = file.getFileName().toString().replaceFirst("\\.npy$", "");
        List<Path> written = new ArrayList<>();
        for (int l = 0; l < network.depth(); l++) {
            LayerPosterior layer = network.layer(l);
            int weights = layer.weightCount();
            Path means = file.resolveSibling(name + ".layer" + (l + 1) + ".mean.npy");
            Path variances = file.resolveSibling(name + ".layer" + (l + 1) + ".variance.npy");
            writeNpyMatrix(means, moments.get(l), 0, layer.outputs(), layer.inputs());
            writeNpyMatrix(variances, moments.get(l), weights, layer.outputs(), layer.inputs());
            written.add(means);
            written.add(variances);
        }
        return written;
    }

    /** Writes {@code rows x columns} values of {@code values} from {@code offset} as a little-endian float64 array in C order. */
    static void writeNpyMatrix(Path file, double[] values, int offset, int rows, int columns) throws IOException {
        AtomicFiles.write(file, stream -> {
            stream.write(npyHeader(rows, columns));
            writeLittleEndian(stream, values, offset, rows * columns);
        });
    }

    static byte[] npyHeader(int rows, int columns) {
        String dictionary = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + rows + ", " + columns + "), }";
        // The header length is a 2-byte little-endian count after the magic, and the header ends with a line feed.
        int unpadded = NPY_MAGIC.length + 2 + dictionary.length() + 1;
        int padding = (NPY_ALIGNMENT - unpadded % NPY_ALIGNMENT) % NPY_ALIGNMENT;
        String header = dictionary + " ".repeat(padding) + "\n";
        ByteBuffer buffer = ByteBuffer.allocate(NPY_MAGIC.length + 2 + header.length()).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(NPY_MAGIC);
        buffer.putShort((short) header.length());
        buffer.put(header.getBytes(StandardCharsets.US_ASCII));
        return buffer.array();
    }

    private static void writeLittleEndian(OutputStream stream, double[] values, int offset, int count) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(8 * 8192).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            if (!buffer.hasRemaining()) {
                stream.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            buffer.putDouble(values[offset + i]);
        }
        stream.write(buffer.array(), 0, buffer.position());
    }
}
