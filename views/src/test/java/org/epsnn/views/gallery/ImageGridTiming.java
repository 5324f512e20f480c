package org.epsnn.views.gallery;

import java.util.Arrays;
import java.util.Locale;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import org.epsnn.views.heatmap.ImageGridView;

/**
 * Measures how long the FX thread spends redrawing an {@link ImageGridView} of 500 receptive
 * fields of 28 x 28 weights plus a bias, the MNIST-sized case: new data, colouring and painting.
 * Run it with a display, for example under {@code xvfb-run}; it prints the median and the maximum
 * over 40 redraws after 10 warm-up redraws.
 */
public final class ImageGridTiming {

    private static final int WARM_UP = 10;
    private static final int MEASURED = 40;

    private ImageGridTiming() {
    }

    public static void main(String[] args) {
        int width = args.length > 0 ? Integer.parseInt(args[0]) : 1600;
        int height = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Platform.startup(() -> {
            SyntheticData data = new SyntheticData(7);
            double[][][] frames = {data.receptiveFields(500), data.receptiveFields(500)};
            ImageGridView view = new ImageGridView();
            Stage stage = new Stage();
            stage.setScene(new Scene(view, width, height));
            stage.show();

            double[] millis = new double[MEASURED];
            double[] colorMillis = new double[MEASURED];
            for (int i = 0; i < WARM_UP + MEASURED; i++) {
                long start = System.nanoTime();
                view.setImages(frames[i % 2], SyntheticData.SIDE, SyntheticData.SIDE, n -> "neuron " + n);
                view.valueRange();
                long colored = System.nanoTime();
                view.layout();
                if (i >= WARM_UP) {
                    colorMillis[i - WARM_UP] = (colored - start) / 1e6;
                }
                if (i >= WARM_UP) {
                    millis[i - WARM_UP] = (System.nanoTime() - start) / 1e6;
                }
            }
            Arrays.sort(millis);
            Arrays.sort(colorMillis);
            System.err.printf(Locale.ROOT, "ImageGridView 500 x 785 at %d x %d: median %.1f ms, max %.1f ms%n",
                    width, height, millis[MEASURED / 2], millis[MEASURED - 1]);
            System.err.printf(Locale.ROOT, "  of which colouring the values: median %.1f ms%n", colorMillis[MEASURED / 2]);
            Platform.runLater(Platform::exit);
        });
    }
}
