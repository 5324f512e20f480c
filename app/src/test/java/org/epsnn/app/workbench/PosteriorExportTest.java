package org.epsnn.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.epsnn.model.ep.EpNetwork;
import org.epsnn.model.ep.InputEncoding;
import org.epsnn.model.linalg.ParallelRunner;
import org.epsnn.model.network.NetworkSpec;
import org.epsnn.model.network.NeuronModel;
import org.epsnn.model.network.WeightPrior;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PosteriorExportTest {

    @TempDir
    Path folder;

    private final EpNetwork network = EpNetwork.create(NetworkSpec.of(new int[] {3, 4, 2}, NeuronModel.HEAVISIDE,
            WeightPrior.gaussian(1), NetworkSpec.Task.CLASSIFICATION), InputEncoding.THRESHOLD_HALF, 5);

    @Test
    void messageNamesFolderAndFiles() {
        Path mean = folder.resolve("posterior.layer1.mean.npy");
        Path variance = folder.resolve("posterior.layer2.variance.npy");

        assertThat(ProjectExports.describe(List.of(mean))).as("one file").isEqualTo(mean.toString());
        assertThat(ProjectExports.describe(List.of(mean, folder.resolve("posterior.layer1.variance.npy"), variance)))
                .as("three files").isEqualTo("3 files in " + folder.toAbsolutePath()
                        + " (posterior.layer1.mean.npy to posterior.layer2.variance.npy)");
    }

    @Test
    void csvHasRowPerWeight() throws Exception {
        Path file = folder.resolve("posterior.csv");

        PosteriorExport.write(network, ProjectStore.PosteriorFormat.CSV, file);

        List<String> lines = Files.readAllLines(file);
        long weights = network.spec().weightCount();
        assertThat(lines.get(0)).as("header").isEqualTo("layer,neuron,input,bias,mean,variance");
        assertThat(lines).as("rows").hasSize((int) weights + 1);
        double[] moments = moments(0);
        String[] first = lines.get(1).split(",");
        assertThat(java.util.Arrays.copyOf(first, 4)).as("first weight: layer, neuron, input, bias").containsExactly("1", "1", "1", "0");
        assertThat(java.util.Arrays.copyOf(lines.get(4).split(","), 4)).as("bias of neuron 1").containsExactly("1", "1", "4", "1");
        assertThat(Double.parseDouble(first[4])).as("first mean").isEqualTo(moments[0]);
        assertThat(Double.parseDouble(first[5])).as("first variance").isEqualTo(moments[network.layer(0).weightCount()]);
    }

    @Test
    void npyArraysHoldMomentsByLayer() throws Exception {
        List<Path> written = PosteriorExport.write(network, ProjectStore.PosteriorFormat.NPY, folder.resolve("posterior.npy"));

        assertThat(written).as("files").containsExactly(folder.resolve("posterior.layer1.mean.npy"),
                folder.resolve("posterior.layer1.variance.npy"), folder.resolve("posterior.layer2.mean.npy"),
                folder.resolve("posterior.layer2.variance.npy"));
        byte[] bytes = Files.readAllBytes(written.get(1));
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(bytes[0] & 0xff).as("magic byte").isEqualTo(0x93);
        assertThat(new String(bytes, 1, 5, StandardCharsets.US_ASCII)).as("magic text").isEqualTo("NUMPY");
        int headerLength = buffer.getShort(8);
        int dataStart = 10 + headerLength;
        assertThat(dataStart % 64).as("data offset alignment").isZero();
        String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
        // Layer 1 has 4 neurons with 3 inputs and a bias.
        assertThat(header).as("header").contains("'descr': '<f8'").contains("'fortran_order': False").contains("'shape': (4, 4)");
        assertThat(header).as("header end").endsWith("\n");
        double[] moments = moments(0);
        int weights = network.layer(0).weightCount();
        assertThat(bytes.length - dataStart).as("data bytes").isEqualTo(8 * weights);
        for (int w = 0; w < weights; w++) {
            assertThat(buffer.getDouble(dataStart + 8 * w)).as("variance %d", w).isEqualTo(moments[weights + w]);
        }
    }

    private double[] moments(int layer) {
        try (ParallelRunner runner = new ParallelRunner(1)) {
            return network.layer(layer).posteriorMoments(runner);
        }
    }

    @Test
    void featureScalingSitsBesideExport() {
        assertThat(ProjectExports.featureScalingFile(Path.of("out", "rings.csv")))
                .isEqualTo(Path.of("out", "rings.feature-scaling.csv"));
        assertThat(ProjectExports.featureScalingFile(Path.of("posterior"))).isEqualTo(Path.of("posterior.feature-scaling.csv"));
    }
}
