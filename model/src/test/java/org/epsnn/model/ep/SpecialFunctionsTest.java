package org.epsnn.model.ep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Checks the Gaussian functions against 50-digit references computed with mpmath 1.3.0. */
class SpecialFunctionsTest {

    /** z, log Phi(z), R(z) = phi(z) / Phi(z), Phi(z). */
    private static final double[][] NORMAL_REFERENCE = {
        {-40.0, -804.60844201375378817, 40.024968847207263723, 0.0},
        {-30.0, -454.32124395634319711, 30.033259667433677037, 4.9067139271481870595e-198},
        {-20.0, -203.91715537109726394, 20.049753068527850542, 2.7536241186062336951e-89},
        {-12.0, -75.410673001568795939, 12.08221417525428433, 1.7764821120776789977e-33},
        {-8.5, -39.197396428217669289, 8.6145953201651728741, 9.4795348222033183542e-18},
        {-5.0, -15.064998393988725736, 5.1865039671258421156, 2.8665157187919391167e-7},
        {-3.0, -6.6077262215103495433, 3.2830986549304365069, 0.0013498980316300945267},
        {-1.7, -3.1107960975524813963, 2.110357921928187549, 0.044565462758543043664},
        {-1.0, -1.8410216450092635058, 1.5251352761609812091, 0.15865525393145705141},
        {-0.3, -0.96210281816885065666, 0.9981659688584833199, 0.38208857781104736693},
        {0.0, -0.69314718055994530942, 0.79788456080286535588, 0.5},
        {0.25, -0.51298407540943043213, 0.64583937101681726584, 0.59870632568292372424},
        {0.9, -0.20341460975574689694, 0.32610889376111955282, 0.81593987465324051735},
        {1.5, -0.069143455612233982993, 0.1387897504588507562, 0.933192798731141934},
        {2.2, -0.014001005759384578377, 0.035974766118774185406, 0.98609655248650139569},
        {3.0, -0.0013508099647481937988, 0.0044378390421256637933, 0.99865010196836990547},
        {4.4, -5.4125585555724822369e-6, 0.000024942606293005263381, 0.99999458745609229615},
        {6.0, -9.8658764552437573169e-10, 6.0758828558176764452e-9, 0.99999999901341235496},
        {8.0, -6.2209605742717860585e-16, 5.0522710835368954309e-15, 0.9999999999999993779},
        {10.0, -7.619853024160526066e-24, 7.6945986267064193463e-23, 1.0},
        {20.0, -2.7536241186062336951e-89, 5.5209483621597631896e-88, 1.0},
        {40.0, 0.0, 0.0, 1.0},
    };

    /** x, erfcx(x). */
    private static final double[][] ERFCX_REFERENCE = {
        {-3.0, 16205.988853999586625},
        {-0.5, 1.9523604891825570933},
        {0.0, 1.0},
        {0.1, 0.89645697996912663666},
        {0.7, 0.52593033734944095849},
        {1.3, 0.35764266908609030883},
        {1.99, 0.25646783671952990388},
        {2.01, 0.25433187656081826841},
        {3.3, 0.1640072975729326311},
        {5.0, 0.11070463773306862637},
        {7.77, 0.072024271280862381715},
        {11.9, 0.047245232484087668552},
        {12.1, 0.04646960733983501168},
        {30.0, 0.018795888861416751497},
        {1000.0, 0.0005641893014533876542},
    };

    private static final double RELATIVE_TOLERANCE = 1e-13;

    @Test
    void erfcxMatchesReference() {
        for (double[] row : ERFCX_REFERENCE) {
            assertThat(SpecialFunctions.erfcx(row[0])).as("erfcx(%s)", row[0])
                    .isCloseTo(row[1], within(RELATIVE_TOLERANCE * row[1]));
        }
    }

    @Test
    void logNormalCdfAccurateFromMinus40To40() {
        for (double[] row : NORMAL_REFERENCE) {
            double tolerance = Math.max(RELATIVE_TOLERANCE * Math.abs(row[1]), 1e-300);
            assertThat(SpecialFunctions.logNormalCdf(row[0])).as("log Phi(%s)", row[0])
                    .isFinite()
                    .isCloseTo(row[1], within(tolerance));
        }
    }

    @Test
    void inverseMillsRatioAccurateFromMinus40To40() {
        for (double[] row : NORMAL_REFERENCE) {
            double tolerance = Math.max(RELATIVE_TOLERANCE * row[2], 1e-300);
            assertThat(SpecialFunctions.inverseMillsRatio(row[0])).as("R(%s)", row[0])
                    .isFinite()
                    .isCloseTo(row[2], within(tolerance));
        }
    }

    @Test
    void normalCdfMatchesReferenceWherePositive() {
        for (double[] row : NORMAL_REFERENCE) {
            if (row[3] > 1e-300) {
                assertThat(SpecialFunctions.normalCdf(row[0])).as("Phi(%s)", row[0])
                        .isCloseTo(row[3], within(RELATIVE_TOLERANCE * row[3]));
            }
        }
    }

    @Test
    void inverseMillsRatioSmoothAcrossTableJoints() {
        // Interval joints of the Chebyshev table sit at multiples of 0.5 in x = -z / sqrt(2).
        for (int joint = 1; joint <= 24; joint++) {
            double z = -joint * 0.5 * Math.sqrt(2);
            double below = SpecialFunctions.inverseMillsRatio(z - 1e-9);
            double above = SpecialFunctions.inverseMillsRatio(z + 1e-9);
            assertThat(Math.abs(below - above)).as("jump at z = %s", z).isLessThan(1e-8 * Math.abs(below));
        }
    }

    @Test
    void inverseMillsRatioApproachesMinusZInLeftTail() {
        assertThat(SpecialFunctions.inverseMillsRatio(-1e6)).isCloseTo(1e6, within(1.0));
        assertThat(SpecialFunctions.inverseMillsRatio(-1e200)).isFinite().isPositive();
    }
}
