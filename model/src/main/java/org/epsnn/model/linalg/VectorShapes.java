package org.epsnn.model.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector species that every Vector API loop of the engine uses.
 *
 * <p>It has to be the one netlib's VectorBLAS uses, {@code SPECIES_MAX}. The JDK's vector classes
 * share their call sites between all callers, and {@code SPECIES_PREFERRED} is a different class
 * ({@code Double512Vector} beside {@code DoubleMaxVector} on an AVX-512 processor) even at the same
 * width. When both kinds reached those call sites before the JIT compiled a kernel, the compiled
 * kernel stopped keeping its vectors in registers, and in about one run in three the whole run
 * trained 4 to 10 times slower.
 */
public final class VectorShapes {

    /** Doubles in the widest vectors of this processor. */
    public static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_MAX;

    private VectorShapes() {
    }
}
