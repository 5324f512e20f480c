package org.epsnn.app.workbench;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.concurrent.Service;
import javafx.concurrent.Task;
import org.epsnn.app.data.TrainingData;
import org.epsnn.model.baseline.SurrogateGradientSettings;
import org.epsnn.model.baseline.SurrogateGradientTrainer;
import org.epsnn.model.ep.InputEncoding;
import org.epsnn.model.network.NetworkSpec;
import org.epsnn.model.training.ClassificationMetrics;

/**
 * Trains the surrogate-gradient baseline in the background and evaluates it on the test set
 * after every pass. The points so far reach the FX thread through the task's value, which
 * JavaFX coalesces, so the worker never touches a node and never floods the event queue.
 */
final class BaselineService extends Service<List<CurvePoint>> {

    /** Everything one baseline run needs, fixed when it starts. */
    record Request(NetworkSpec network, InputEncoding encoding, TrainingData data, SurrogateGradientSettings settings) {
        Request {
            Objects.requireNonNull(network, "network");
            Objects.requireNonNull(encoding, "encoding");
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(settings, "settings");
        }
    }

    private Request request;

    /** Sets what the next start runs; call on the FX thread while the service is not running. */
    void setRequest(Request next) {
        this.request = Objects.requireNonNull(next, "request");
    }

    @Override
    protected Task<List<CurvePoint>> createTask() {
        Request run = Objects.requireNonNull(request, "No baseline request set");
        return new Task<>() {
            @Override
            protected List<CurvePoint> call() {
                List<CurvePoint> points = new ArrayList<>();
                int passes = run.settings().passes();
                double seconds = 0;
                updateProgress(0, passes);
                try (SurrogateGradientTrainer trainer = new SurrogateGradientTrainer(run.network(), run.encoding(),
                        run.data().train(), run.settings())) {
                    // NOTE: a cancel takes effect after the current pass, because the trainer runs a whole
                    // pass per call (about 4 s for 784-500-10 on MNIST on 2 cores).
                    for (int pass = 1; pass <= passes && !isCancelled(); pass++) {
                        SurrogateGradientTrainer.PassResult result = trainer.trainPass();
                        ClassificationMetrics test = trainer.evaluate(run.data().test());
                        seconds += result.seconds();
                        points.add(new CurvePoint(pass, seconds, test.accuracy()));
                        updateValue(List.copyOf(points));
                        updateProgress(pass, passes);
                        updateMessage(String.format(java.util.Locale.ROOT, "Gradient baseline: pass %d of %d, test accuracy %.2f %%",
                                pass, passes, 100 * test.accuracy()));
                    }
                }
                return List.copyOf(points);
            }
        };
    }
}
