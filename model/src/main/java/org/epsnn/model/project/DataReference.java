package org.epsnn.model.project;

import java.util.Objects;

/**
 * Where a project's data comes from, without the data itself.
 *
 * @param kind built-in generator, MNIST folder or CSV file
 * @param name built-in dataset name (built-in only)
 * @param path MNIST folder or CSV file; null for an MNIST project that asks the user for the folder
 * @param target CSV target column by name or 0-based index; null for the last column
 * @param testFraction CSV share of rows held out for testing
 * @param seed generator seed (built-in) or split seed (CSV)
 */
public record DataReference(Kind kind, String name, String path, String target, double testFraction, long seed) {

    /** The kinds of data source. */
    public enum Kind {
        BUILT_IN, MNIST, CSV
    }

    public DataReference {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.BUILT_IN && (name == null || name.isBlank())) {
            throw new IllegalArgumentException("A built-in data reference needs a dataset name");
        }
        if (kind == Kind.CSV && (path == null || path.isBlank())) {
            throw new IllegalArgumentException("A CSV data reference needs a file path");
        }
        if (kind == Kind.CSV && !(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("CSV test fraction must lie in (0, 1), got " + testFraction);
        }
    }

    public static DataReference builtIn(String name, long seed) {
        return new DataReference(Kind.BUILT_IN, name, null, null, 0.2, seed);
    }

    /** @param folder the folder with the four IDX files, or null to ask the user */
    public static DataReference mnist(String folder) {
        return new DataReference(Kind.MNIST, null, folder, null, 0.2, 0);
    }

    public static DataReference csv(String file, String target, double testFraction, long seed) {
        return new DataReference(Kind.CSV, null, file, target, testFraction, seed);
    }
}
