package org.epsnn.views.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class CsvWriterTest {

    private static String write(CsvWriter.Content content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CsvWriter csv = new CsvWriter(bytes);
        content.write(csv);
        csv.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void decimalPointIgnoresLocale() throws IOException {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);

            String text = write(csv -> csv.header("x").cell(0.25).endRow());

            assertThat(text).isEqualTo("x\n0.25\n");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void quotesTextWithSeparators() throws IOException {
        String text = write(csv -> csv.row("a,b", "say \"hi\"", "plain"));

        assertThat(text).isEqualTo("\"a,b\",\"say \"\"hi\"\"\",plain\n");
    }

    @Test
    void nanBecomesEmptyCell() throws IOException {
        String text = write(csv -> csv.row(1.5, Double.NaN, Double.NEGATIVE_INFINITY, 7));

        assertThat(text).isEqualTo("1.5,,-Infinity,7\n");
    }
}
