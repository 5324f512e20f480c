package org.epsnn.model.project;

import java.util.ArrayList;
import java.util.List;
import org.epsnn.model.ep.EpNetwork;
import org.epsnn.model.ep.InputEncoding;
import org.epsnn.model.ep.LayerPosterior;
import org.epsnn.model.network.NetworkSpec;

/**
 * An immutable copy of everything that training has changed in an {@link EpNetwork}: the site
 * parameters and prior draws of every layer, the regression target scaling and the position in
 * the pass schedule. It is all that {@link org.epsnn.model.ep.EpTrainer} needs to continue a run
 * bitwise as if it had not stopped, because the sample order of a pass is computed from the seed
 * and the pass number, the damping from the pass number, and the cavity moments from the sites.
 *
 * <p>Capture it on the training thread between batches (for example in
 * {@code TrainingListener.batchCompleted}), then save it from any thread.
 *
 * @param completedPasses passes over the training data completed
 * @param samplesIntoPass samples of the pass in progress already absorbed; 0 at a pass boundary
 * @param samplesSeen samples processed since the network was created
 */
public record PosteriorState(List<LayerState> layers, double[] targetMean, double[] targetScale,
                             int completedPasses, int samplesIntoPass, long samplesSeen) {

    /**
     * The saved form of one layer's {@link LayerPosterior}. The arrays are owned by the record:
     * callers must not change them.
     *
     * @param priorParameters {@code m0 / s0} per weight ({@code outputs x inputs}) for Gaussian weights,
     *     or the log prior probability of each level ({@code levels x outputs x inputs}) for discrete ones
     * @param siteShift averaged site shift {@code h} per weight, {@code outputs x inputs}
     * @param sitePrecision averaged site precision {@code lambda} per weight, {@code outputs x inputs}
     * @param count data points that the averaged sites stand for
     */
    public record LayerState(double[] priorParameters, double[] siteShift, double[] sitePrecision, double count) {
    }

    public PosteriorState {
        layers = List.copyOf(layers);
        if (completedPasses < 0 || samplesIntoPass < 0 || samplesSeen < 0) {
            throw new IllegalArgumentException("Training position must not be negative, got passes " + completedPasses
                    + ", samples into pass " + samplesIntoPass + ", samples seen " + samplesSeen);
        }
    }

    /** Copies the trained state of {@code network}; call it on the thread that trains the network. */
    public static PosteriorState capture(EpNetwork network) {
        List<LayerState> layers = new ArrayList<>();
        for (LayerPosterior layer : network.layers()) {
            layers.add(new LayerState(layer.priorParameters(), layer.siteShift(), layer.sitePrecision(), layer.count()));
        }
        return new PosteriorState(layers, network.targetMean(), network.targetScale(), network.completedPasses(),
                network.samplesIntoPass(), network.samplesSeen());
    }

    /**
     * Rebuilds a network that continues from this state.
     *
     * @throws IllegalArgumentException when the state does not fit {@code spec}
     */
    public EpNetwork toNetwork(NetworkSpec spec, InputEncoding encoding) {
        if (layers.size() != spec.depth()) {
            throw new IllegalArgumentException("The saved posterior has " + layers.size() + " layers, the network has " + spec.depth());
        }
        List<LayerPosterior> restored = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            LayerState layer = layers.get(l);
            restored.add(LayerPosterior.restore(spec.layer(l), spec.inputSizeOf(l), layer.priorParameters(),
                    layer.siteShift(), layer.sitePrecision(), layer.count()));
        }
        EpNetwork network = EpNetwork.restore(spec, encoding, restored, targetMean, targetScale);
        network.setPosition(completedPasses, samplesIntoPass, samplesSeen);
        return network;
    }

    /** Returns whether training has started: a pass completed or samples absorbed. */
    public boolean trained() {
        return samplesSeen > 0;
    }
}
