package org.epsnn.app.workbench;

import java.util.ArrayList;
import java.util.List;
import org.epsnn.model.ep.EpNetwork;
import org.epsnn.model.ep.LayerPosterior;

/** Copies of trained networks, so that a save can read a posterior that no trainer changes. */
final class NetworkCopies {

    private NetworkCopies() {
    }

    /**
     * Copies the site parameters, priors and training position of {@code network}. The caller
     * must make sure that no batch changes the network during the copy.
     */
    static EpNetwork copyOf(EpNetwork network) {
        List<LayerPosterior> layers = new ArrayList<>(network.depth());
        for (int l = 0; l < network.depth(); l++) {
            LayerPosterior layer = network.layer(l);
            layers.add(LayerPosterior.restore(layer.spec(), network.spec().inputSizeOf(l), layer.priorParameters(),
                    layer.siteShift(), layer.sitePrecision(), layer.count()));
        }
        EpNetwork copy = EpNetwork.restore(network.spec(), network.encoding(), layers, network.targetMean(), network.targetScale());
        copy.setPosition(network.completedPasses(), network.samplesIntoPass(), network.samplesSeen());
        return copy;
    }
}
