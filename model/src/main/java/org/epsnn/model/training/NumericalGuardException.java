package org.epsnn.model.training;

/**
 * Training stopped because a quantity became NaN or infinite. The message names the layer, the
 * batch and the value; the posterior of the last good batch stays in place.
 */
public final class NumericalGuardException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int layer;
    private final int pass;
    private final int batch;
    private final String quantity;
    private final double value;

    /**
     * @param layer 1-based layer, or 0 when the quantity belongs to the whole network
     * @param quantity the name of the offending quantity, e.g. "site precision"
     */
    public NumericalGuardException(int layer, int pass, int batch, String quantity, double value, String advice) {
        super((layer > 0 ? "Layer " + layer + ", " : "") + "pass " + pass + ", batch " + batch + ": " + quantity
                + " became " + value + ". Training stopped and kept the posterior of the previous batch. " + advice);
        this.layer = layer;
        this.pass = pass;
        this.batch = batch;
        this.quantity = quantity;
        this.value = value;
    }

    public int layer() {
        return layer;
    }

    public int pass() {
        return pass;
    }

    public int batch() {
        return batch;
    }

    public String quantity() {
        return quantity;
    }

    public double value() {
        return value;
    }
}
