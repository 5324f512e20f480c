package org.epsnn.model.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.epsnn.model.data.BuiltInDatasets;
import org.epsnn.model.data.Dataset;
import org.epsnn.model.data.Standardiser;
import org.epsnn.model.data.TrainTestSplit;
import org.epsnn.model.ep.EpNetwork;
import org.epsnn.model.ep.EpTrainer;
import org.epsnn.model.ep.InputEncoding;
import org.epsnn.model.network.NetworkSpec;
import org.epsnn.model.network.NeuronModel;
import org.epsnn.model.network.WeightPrior;
import org.epsnn.model.training.PassSummary;
import org.epsnn.model.training.RunControl;
import org.epsnn.model.training.TrainingListener;
import org.epsnn.model.training.TrainingSettings;

/** Small trained projects on built-in data for the project file tests. */
final class ProjectFixtures {

    static final long SEED = 3;

    /** The variants of {@link #setup}: Gaussian or ternary weights on moons, or regression on gap1d. */
    enum Variant {
        GAUSSIAN, TERNARY, REGRESSION
    }

    private ProjectFixtures() {
    }

    static ProjectSetup setup(Variant variant, int passes) {
        boolean regression = variant == Variant.REGRESSION;
        String dataset = regression ? "gap1d" : "moons";
        WeightPrior prior = variant == Variant.TERNARY ? WeightPrior.ternary() : WeightPrior.gaussian(1);
        NetworkSpec network = NetworkSpec.of(new int[] {regression ? 1 : 2, 12, regression ? 1 : 2}, NeuronModel.HEAVISIDE,
                prior, regression ? NetworkSpec.Task.REGRESSION : NetworkSpec.Task.CLASSIFICATION);
        TrainingSettings settings = TrainingSettings.defaults().withBatchSize(regression ? 10 : 50).withPasses(passes)
                .withSeed(SEED).withThreads(1).withTrainEvaluationSamples(0).withAdaptiveDamping(variant == Variant.TERNARY);
        return new ProjectSetup("A " + variant.name().toLowerCase(java.util.Locale.ROOT) + " test project",
                DataReference.builtIn(dataset, SEED), network, InputEncoding.REAL, settings);
    }

    static TrainTestSplit data(ProjectSetup setup) {
        return BuiltInDatasets.generate(setup.data().name(), setup.data().seed());
    }

    /** Creates the network of {@code setup} at its prior, with the target scaling of the training data. */
    static EpNetwork network(ProjectSetup setup, Dataset train) {
        double[] mean = new double[0];
        double[] scale = new double[0];
        if (train.task() == Dataset.Task.REGRESSION) {
            Standardiser standardiser = Standardiser.fit(train);
            mean = standardiser.targetMeans();
            scale = standardiser.targetStandardDeviations();
        }
        return EpNetwork.create(setup.network(), setup.encoding(), setup.settings().seed(), mean, scale);
    }

    /**
     * Trains {@code passes} passes of {@code network} (which it changes) and returns the summaries.
     *
     * @param listener receives the batches, for example to cancel mid-pass
     */
    static List<PassSummary> train(EpNetwork network, ProjectSetup setup, TrainTestSplit data, int passes,
                                   TrainingListener listener, RunControl control) throws InterruptedException {
        try (EpTrainer trainer = new EpTrainer(network, data.train(), setup.settings().withPasses(passes))) {
            return new ArrayList<>(trainer.train(data.test(), listener, control));
        }
    }

    /** Trains the setup's network for {@code passes} passes and returns the project. */
    static Project trained(Variant variant, int passes) throws InterruptedException {
        ProjectSetup setup = setup(variant, passes);
        TrainTestSplit data = data(setup);
        EpNetwork network = network(setup, data.train());
        List<PassSummary> history = train(network, setup, data, passes, new TrainingListener() {
        }, new RunControl());
        return Project.of(setup).withPosterior(PosteriorState.capture(network), history)
                .withLayout(Map.of("plots.tab", "weights", "window.width", "1280"));
    }

    /** Returns whether two projects hold the same setup, posterior (bitwise), history, checksums and layout. */
    static boolean sameContent(Project a, Project b) {
        if (!ProjectSetupJson.toJson(a.setup()).equals(ProjectSetupJson.toJson(b.setup()))
                || !a.history().equals(b.history()) || !a.dataChecksums().equals(b.dataChecksums())
                || !a.layout().equals(b.layout())) {
            return false;
        }
        if (a.posterior() == null || b.posterior() == null) {
            return a.posterior() == b.posterior();
        }
        PosteriorState p = a.posterior();
        PosteriorState q = b.posterior();
        if (p.completedPasses() != q.completedPasses() || p.samplesIntoPass() != q.samplesIntoPass()
                || p.samplesSeen() != q.samplesSeen() || !java.util.Arrays.equals(p.targetMean(), q.targetMean())
                || !java.util.Arrays.equals(p.targetScale(), q.targetScale()) || p.layers().size() != q.layers().size()) {
            return false;
        }
        for (int l = 0; l < p.layers().size(); l++) {
            PosteriorState.LayerState x = p.layers().get(l);
            PosteriorState.LayerState y = q.layers().get(l);
            if (Double.compare(x.count(), y.count()) != 0 || !java.util.Arrays.equals(x.priorParameters(), y.priorParameters())
                    || !java.util.Arrays.equals(x.siteShift(), y.siteShift())
                    || !java.util.Arrays.equals(x.sitePrecision(), y.sitePrecision())) {
                return false;
            }
        }
        return true;
    }
}
