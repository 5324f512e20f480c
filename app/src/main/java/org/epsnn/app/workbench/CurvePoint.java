package org.epsnn.app.workbench;

/**
 * The test accuracy of a trainer after a pass.
 *
 * @param pass 1-based pass number
 * @param seconds cumulative training seconds up to the end of this pass, evaluation excluded
 * @param accuracy test accuracy, a fraction in [0, 1]
 */
record CurvePoint(int pass, double seconds, double accuracy) {
}
