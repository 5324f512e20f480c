package org.epsnn.app.workbench;

import org.epsnn.model.ep.InputEncoding;
import org.epsnn.model.ep.SnapshotPredictor;
import org.epsnn.model.network.NetworkSpec;

/**
 * A {@link SnapshotPredictor} kept between requests and rebuilt only when the network description
 * or the input encoding changes. Like the predictor, it is used from one background thread.
 */
final class CachedSnapshotPredictor implements AutoCloseable {

    private SnapshotPredictor predictor;
    private InputEncoding encoding;

    /** Returns a predictor for the network, built on first use and after a change of network or encoding. */
    SnapshotPredictor forNetwork(NetworkSpec spec, InputEncoding inputEncoding) {
        if (predictor == null || !predictor.spec().equals(spec) || !encoding.equals(inputEncoding)) {
            close();
            predictor = new SnapshotPredictor(spec, inputEncoding);
            encoding = inputEncoding;
        }
        return predictor;
    }

    @Override
    public void close() {
        if (predictor != null) {
            predictor.close();
            predictor = null;
        }
    }
}
