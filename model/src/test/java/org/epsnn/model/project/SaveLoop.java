package org.epsnn.model.project;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.epsnn.model.ep.InputEncoding;
import org.epsnn.model.network.NetworkSpec;
import org.epsnn.model.network.NeuronModel;
import org.epsnn.model.network.WeightPrior;
import org.epsnn.model.training.TrainingSettings;

/**
 * The child process of {@link ProjectSaveFaultTest}: saves two projects in turn to one path until
 * it is killed, after printing {@code ready} once its first save has finished.
 */
public final class SaveLoop {

    private SaveLoop() {
    }

    /** Creates a project of about 1 MB with site values drawn from {@code seed}, so that each save takes a few milliseconds. */
    static Project project(long seed) {
        NetworkSpec network = NetworkSpec.of(new int[] {256, 96, 10}, NeuronModel.HEAVISIDE, WeightPrior.gaussian(1),
                NetworkSpec.Task.CLASSIFICATION);
        ProjectSetup setup = new ProjectSetup("Project " + seed, DataReference.builtIn("strokes", seed), network,
                InputEncoding.THRESHOLD_HALF, TrainingSettings.defaults().withSeed(seed));
        SplittableRandom random = new SplittableRandom(seed);
        List<PosteriorState.LayerState> layers = new ArrayList<>();
        for (int l = 0; l < network.depth(); l++) {
            int weights = network.layer(l).size() * network.layer(l).fanIn(network.inputSizeOf(l));
            layers.add(new PosteriorState.LayerState(values(random, weights, 0.1), values(random, weights, 1),
                    values(random, weights, 2), 1000 + seed));
        }
        return Project.of(setup).withPosterior(new PosteriorState(layers, new double[0], new double[0], 1, 0, 1000), List.of());
    }

    private static double[] values(SplittableRandom random, int count, double scale) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = Math.abs(random.nextGaussian()) * scale;
        }
        return values;
    }

    /** Arguments: the target path, then the seeds of the two projects. */
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Project[] projects = {project(Long.parseLong(args[1])), project(Long.parseLong(args[2]))};
        ProjectFiles.save(projects[0], file);
        System.out.println("ready");
        System.out.flush();
        for (long n = 1; ; n++) {
            ProjectFiles.save(projects[(int) (n % 2)], file);
        }
    }
}
