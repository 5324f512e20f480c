package org.epsnn.views.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;

/** Checks that exported files are complete and of the expected format. */
public final class ExportChecks {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private ExportChecks() {
    }

    public static void assertPng(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes.length).as("PNG size of %s", file).isGreaterThan(PNG_SIGNATURE.length);
        assertThat(Arrays.copyOf(bytes, PNG_SIGNATURE.length)).as("PNG signature of %s", file).isEqualTo(PNG_SIGNATURE);
    }

    public static void assertSvg(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        // The SVG carries a DOCTYPE; never fetch its DTD from the network.
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        Document document = factory.newDocumentBuilder().parse(file.toFile());
        assertThat(document.getDocumentElement().getLocalName()).as("SVG root element of %s", file).isEqualTo("svg");
        assertThat(document.getDocumentElement().getChildNodes().getLength()).as("SVG content of %s", file).isPositive();
    }

    /** Returns the CSV lines after checking that the first is {@code header} and at least one row follows. */
    public static List<String> assertCsv(Path file, String header) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).as("CSV lines of %s", file).isNotEmpty();
        assertThat(lines.get(0)).as("CSV header of %s", file).isEqualTo(header);
        assertThat(lines.size()).as("CSV rows of %s", file).isGreaterThan(1);
        return lines;
    }

    /** Asserts that {@code folder} contains exactly the given file names: no temporary files left. */
    public static void assertOnlyFiles(Path folder, String... names) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(path -> path.getFileName().toString()).toList())
                    .as("files in %s", folder)
                    .containsExactlyInAnyOrder(names);
        }
    }
}
