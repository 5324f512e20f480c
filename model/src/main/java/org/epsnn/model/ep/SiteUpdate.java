package org.epsnn.model.ep;

import org.epsnn.model.linalg.ParallelRunner;

/**
 * Turns one batch's statistics into new averaged sites for one layer.
 *
 * <p>Per weight, the batch sums give {@code sum g}, {@code sum d} and {@code sum g^2}, hence
 * {@code sum kappa = sum g^2 - 2 sum d}. The per-sample site is taken to first order in
 * {@code s kappa}: {@code lambda_n = kappa_n}, {@code h_n = g_n + m kappa_n}, so the batch mean site
 * is {@code (sum g + m sum kappa, sum kappa) / B}. For Gaussian weights a negative batch mean of
 * {@code kappa} is clipped at 0 (in both parts of the site) and counted. The averaged site then
 * moves toward the batch mean site by a step {@code weight} per layer, scaled per neuron by the
 * adaptive damping factor {@code gamma_i = min(1, sum_j s_ij sum g^2 / sum_j s_ij (sum g)^2)} when enabled.
 */
final class SiteUpdate {

    /** Result of one layer's update. */
    record Outcome(int clipped, int nonFiniteIndex, double nonFiniteValue, String nonFiniteQuantity) {
        boolean finite() {
            return nonFiniteIndex < 0;
        }
    }

    private SiteUpdate() {
    }

    /**
     * Writes the new sites of {@code layer} into {@code newShift} and {@code newPrecision}.
     *
     * @param statistics the six blocks of {@code BatchPropagation#batchStatistics}
     * @param hasVarianceBlocks whether blocks 3 to 5 hold data (inputs with a variance)
     * @param cavity the moments the batch was propagated with: {@code 2 D_out x D_in}
     * @param rows samples in the batch
     * @param step how far the averaged site moves toward the batch mean: {@code B / n} in the first pass, {@code rho} later
     */
    static Outcome apply(LayerPosterior layer, double[] statistics, boolean hasVarianceBlocks, double[] cavity,
                         int rows, double step, boolean adaptive, double[] newShift, double[] newPrecision,
                         ParallelRunner runner) {
        int out = layer.outputs();
        int in = layer.inputs();
        int weights = out * in;
        boolean clip = !layer.isDiscrete();
        double[] shift = layer.siteShiftArray();
        double[] precision = layer.sitePrecisionArray();
        double inverseRows = 1.0 / rows;
        int[] clippedTotal = new int[1];
        int[] firstBad = {-1};
        double[] badValue = new double[1];

        runner.forEachChunk(out, (fromRow, toRow) -> {
            double[] sumG = new double[in];
            double[] sumG2 = new double[in];
            int clipped = 0;
            int bad = -1;
            for (int i = fromRow; i < toRow; i++) {
                int row = i * in;
                double agreementNumerator = 0;
                double agreementDenominator = 0;
                for (int j = 0; j < in; j++) {
                    int w = row + j;
                    double mean = cavity[w];
                    double g = statistics[w];
                    double g2 = statistics[2 * weights + w];
                    if (hasVarianceBlocks) {
                        g += 2.0 * mean * statistics[3 * weights + w];
                        g2 += 4.0 * mean * statistics[4 * weights + w] + 4.0 * mean * mean * statistics[5 * weights + w];
                    }
                    sumG[j] = g;
                    sumG2[j] = g2;
                    if (adaptive) {
                        double variance = cavity[weights + w];
                        agreementNumerator += variance * g2;
                        agreementDenominator += variance * g * g;
                    }
                }
                double gamma = 1.0;
                if (adaptive && agreementDenominator > 0) {
                    gamma = Math.min(1.0, agreementNumerator / agreementDenominator);
                }
                double rate = step * gamma;
                for (int j = 0; j < in; j++) {
                    int w = row + j;
                    double kappa = sumG2[j] - 2.0 * statistics[weights + w];
                    if (clip && kappa < 0) {
                        kappa = 0;
                        clipped++;
                    }
                    double siteShiftMean = (sumG[j] + cavity[w] * kappa) * inverseRows;
                    double sitePrecisionMean = kappa * inverseRows;
                    double updatedShift = shift[w] + rate * (siteShiftMean - shift[w]);
                    double updatedPrecision = precision[w] + rate * (sitePrecisionMean - precision[w]);
                    newShift[w] = updatedShift;
                    newPrecision[w] = updatedPrecision;
                    if (bad < 0 && !(Double.isFinite(updatedShift) && Double.isFinite(updatedPrecision))) {
                        bad = w;
                    }
                }
            }
            synchronized (clippedTotal) {
                clippedTotal[0] += clipped;
                if (bad >= 0 && (firstBad[0] < 0 || bad < firstBad[0])) {
                    firstBad[0] = bad;
                    badValue[0] = Double.isFinite(newShift[bad]) ? newPrecision[bad] : newShift[bad];
                }
            }
        });

        String quantity = firstBad[0] < 0 ? null
                : Double.isFinite(newShift[firstBad[0]]) ? "site precision of weight " + describe(firstBad[0], in)
                : "site shift of weight " + describe(firstBad[0], in);
        return new Outcome(clippedTotal[0], firstBad[0], badValue[0], quantity);
    }

    static String describe(int weight, int inputs) {
        return "(neuron " + (weight / inputs + 1) + ", input " + (weight % inputs + 1) + ")";
    }
}
