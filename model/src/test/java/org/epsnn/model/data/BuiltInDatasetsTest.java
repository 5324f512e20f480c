package org.epsnn.model.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BuiltInDatasetsTest {

    @Test
    void listsNamesInMenuOrder() {
        assertThat(BuiltInDatasets.names())
                .containsExactly("moons", "circles", "xor", "spirals", "blobs", "gap1d", "strokes");
    }

    @Test
    void everyEntryGeneratesDefaultSizes() {
        for (BuiltInDatasets.Entry entry : BuiltInDatasets.entries()) {
            TrainTestSplit split = entry.generate(1);

            assertThat(split.train().rows()).as(entry.name()).isEqualTo(entry.trainSize());
            assertThat(split.test().rows()).as(entry.name()).isEqualTo(entry.testSize());
            assertThat(split.train().name()).isEqualTo(entry.name() + "-train");
            assertThat(split.test().name()).isEqualTo(entry.name() + "-test");
        }
    }

    @Test
    void everyEntryIsDeterministicBySeed() {
        for (String name : BuiltInDatasets.names()) {
            TrainTestSplit first = BuiltInDatasets.generate(name, 77);
            TrainTestSplit second = BuiltInDatasets.generate(name, 77);

            assertThat(first.train().features()).as(name).isEqualTo(second.train().features());
            assertThat(first.test().features()).as(name).isEqualTo(second.test().features());
        }
    }

    @Test
    void trainAndTestAreIndependentDraws() {
        TrainTestSplit split = BuiltInDatasets.get("moons").generate(100, 100, 0.1, 3);

        assertThat(split.train().features()).isNotEqualTo(split.test().features());
    }

    @Test
    void strokesDefaultToImagesOfDigits() {
        BuiltInDatasets.Entry strokes = BuiltInDatasets.get("strokes");

        TrainTestSplit split = strokes.generate(5);

        assertThat(strokes.trainSize()).isEqualTo(3000);
        assertThat(strokes.testSize()).isEqualTo(1000);
        assertThat(split.train().imageWidth()).isEqualTo(14);
        assertThat(split.train().classCount()).isEqualTo(10);
    }

    @Test
    void gapDatasetIsRegression() {
        TrainTestSplit split = BuiltInDatasets.generate("gap1d", 5);

        assertThat(split.train().task()).isEqualTo(Dataset.Task.REGRESSION);
    }

    @Test
    void lookupIgnoresLetterCase() {
        assertThat(BuiltInDatasets.get("Moons").name()).isEqualTo("moons");
    }

    @Test
    void rejectsUnknownName() {
        assertThatThrownBy(() -> BuiltInDatasets.get("mnist"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown built-in dataset 'mnist'")
                .hasMessageContaining("moons, circles, xor, spirals, blobs, gap1d, strokes");
    }
}
