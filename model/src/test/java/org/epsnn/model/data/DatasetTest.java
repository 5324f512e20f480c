package org.epsnn.model.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetTest {

    @Test
    void featureRangeSpansAllFeatures() {
        Dataset dataset = Dataset.classification("points", 3, 2, new double[] {0.5, -2, 3, 0, 1, 7}, new int[] {0, 1, 0},
                List.of("a", "b")).build();

        double[] range = dataset.featureRange();
        range[0] = 99;

        assertThat(dataset.featureRange()).as("range, unchanged by a caller's edit").containsExactly(-2, 7);
    }
}
