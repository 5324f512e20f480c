package org.epsnn.model.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.epsnn.model.data.CsvOptions;
import org.epsnn.model.ep.InputEncoding;
import org.epsnn.model.network.LayerSpec;
import org.epsnn.model.network.NetworkSpec;
import org.epsnn.model.network.NeuronModel;
import org.epsnn.model.network.WeightPrior;
import org.epsnn.model.training.TrainingSettings;

/**
 * Reads and writes a {@link ProjectSetup} as JSON (format {@value #FORMAT}, version
 * {@value #VERSION}). Every field is checked on reading, and an error names the file, the field
 * and what is expected. Writing goes to a temporary file in the same folder that then replaces the
 * target, so a failed write leaves the old file as it was.
 */
public final class ProjectSetupJson {

    /** The value of the {@code format} field. */
    public static final String FORMAT = "epsnn-project";
    /** The version this class writes; it reads this version only. */
    public static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ProjectSetupJson() {
    }

    /** Writes the setup to {@code file} through {@link AtomicFiles}, atomically where the file system allows. */
    public static void write(ProjectSetup setup, Path file) throws IOException {
        byte[] bytes = MAPPER.writeValueAsBytes(toJson(setup));
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /**
     * Reads a setup.
     *
     * @throws ProjectFormatException naming the file and the field when the content is not a valid setup
     */
    public static ProjectSetup read(Path file) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new ProjectFormatException(file, "is not valid JSON (" + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new ProjectFormatException(file, "is empty or not a JSON object; expected an EP-SNN project");
        }
        Reader reader = new Reader(file);
        String format = reader.text(root, "format");
        if (!FORMAT.equals(format)) {
            throw new ProjectFormatException(file, "has format '" + format + "', expected '" + FORMAT + "'");
        }
        int version = reader.integer(root, "version");
        if (version > VERSION) {
            throw new ProjectFormatException(file, "was written by a newer version of the workbench (project version "
                    + version + ", this one reads up to " + VERSION + "); update the workbench");
        }
        if (version < 1) {
            throw new ProjectFormatException(file, "has an invalid version " + version);
        }
        return setupOf(file, root);
    }

    /**
     * Reads the setup fields of a project's JSON tree, whatever its version.
     *
     * @throws ProjectFormatException naming the file and the field when a field is missing or invalid
     */
    static ProjectSetup setupOf(Path file, JsonNode root) throws ProjectFormatException {
        try {
            return new Reader(file).setup(root);
        } catch (IllegalArgumentException e) {
            throw new ProjectFormatException(file, "has an invalid value: " + e.getMessage());
        }
    }

    /** Converts a setup to its JSON tree. */
    public static ObjectNode toJson(ProjectSetup setup) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("description", setup.description());

        ObjectNode data = root.putObject("data");
        DataReference reference = setup.data();
        data.put("kind", reference.kind().name().toLowerCase(Locale.ROOT));
        switch (reference.kind()) {
            case BUILT_IN -> {
                data.put("name", reference.name());
                data.put("seed", reference.seed());
                data.put("trainSamples", reference.trainSamples());
                data.put("testSamples", reference.testSamples());
                if (Double.isNaN(reference.noise())) {
                    data.putNull("noise");
                } else {
                    data.put("noise", reference.noise());
                }
            }
            case MNIST -> data.put("folder", reference.path());
            case CSV -> {
                data.put("file", reference.path());
                data.put("target", reference.target());
                data.put("testFraction", reference.testFraction());
                data.put("seed", reference.seed());
            }
        }
        // Written only when they differ from the defaults, so that a setup without them stays as version 1 wrote it.
        if (reference.missingValues() != CsvOptions.MissingValues.REJECT) {
            data.put("missingValues", reference.missingValues().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        if (reference.trainingLimit() > 0) {
            data.put("trainingLimit", reference.trainingLimit());
        }

        NetworkSpec network = setup.network();
        ObjectNode networkNode = root.putObject("network");
        networkNode.put("task", network.task().name().toLowerCase(Locale.ROOT));
        networkNode.put("inputSize", network.inputSize());
        networkNode.put("noiseVariance", network.noiseVariance());
        ArrayNode layers = networkNode.putArray("layers");
        for (LayerSpec layer : network.layers()) {
            ObjectNode node = layers.addObject();
            node.put("size", layer.size());
            node.put("neuron", layer.neuron().kind().name().toLowerCase(Locale.ROOT));
            node.put("temperature", layer.neuron().temperature());
            WeightPrior prior = layer.prior();
            node.put("weights", prior.kind().name().toLowerCase(Locale.ROOT));
            if (prior.isDiscrete()) {
                ArrayNode levels = node.putArray("levels");
                ArrayNode probabilities = node.putArray("levelProbabilities");
                for (int k = 0; k < prior.levelCount(); k++) {
                    levels.add(prior.levels()[k]);
                    probabilities.add(prior.levelProbabilities()[k]);
                }
            } else {
                node.put("priorVariance", prior.variance());
            }
            node.put("bias", layer.bias());
            node.put("temper", layer.temper());
        }

        root.put("inputs", setup.encoding().toString());
        TrainingSettings settings = setup.settings();
        ObjectNode settingsNode = root.putObject("settings");
        settingsNode.put("firstBatch", settings.firstBatchSize());
        settingsNode.put("batch", settings.batchSize());
        settingsNode.put("passes", settings.passes());
        if (Double.isNaN(settings.damping())) {
            settingsNode.putNull("damping");
        } else {
            settingsNode.put("damping", settings.damping());
        }
        ArrayNode schedule = settingsNode.putArray("dampingSchedule");
        for (double value : settings.dampingSchedule()) {
            schedule.add(value);
        }
        settingsNode.put("adaptiveDamping", settings.adaptiveDamping());
        settingsNode.put("seed", settings.seed());
        settingsNode.put("threads", settings.threads());
        settingsNode.put("warmupSamples", settings.warmupSamples());
        settingsNode.put("evaluationInterval", settings.evaluationInterval());
        settingsNode.put("trainEvaluationSamples", settings.trainEvaluationSamples());
        return root;
    }

    /** Field access that names the missing or invalid field in its errors. */
    static final class Reader {
        private final Path file;

        Reader(Path file) {
            this.file = file;
        }

        Path file() {
            return file;
        }

        ProjectSetup setup(JsonNode root) throws ProjectFormatException {
            String description = root.has("description") ? text(root, "description") : "";
            DataReference data = data(object(root, "data"));
            NetworkSpec network = network(object(root, "network"));
            InputEncoding encoding = InputEncoding.parse(text(root, "inputs"));
            TrainingSettings settings = settings(object(root, "settings"));
            return new ProjectSetup(description, data, network, encoding, settings);
        }

        private DataReference data(JsonNode node) throws ProjectFormatException {
            DataReference reference = dataSource(node);
            if (node.has("missingValues")) {
                String policy = text(node, "missingValues", "data.missingValues");
                reference = reference.withMissingValues(switch (policy) {
                    case "reject" -> CsvOptions.MissingValues.REJECT;
                    case "drop-rows" -> CsvOptions.MissingValues.DROP_ROWS;
                    case "impute-mean" -> CsvOptions.MissingValues.IMPUTE_MEAN;
                    default -> throw new ProjectFormatException(file, "field data.missingValues is '" + policy
                            + "'; expected reject, drop-rows or impute-mean");
                });
            }
            if (node.has("trainingLimit")) {
                reference = reference.withTrainingLimit(integer(node, "trainingLimit", "data.trainingLimit"));
            }
            return reference;
        }

        private DataReference dataSource(JsonNode node) throws ProjectFormatException {
            String kind = text(node, "kind", "data.kind");
            return switch (kind) {
                case "built_in", "builtin" -> DataReference.builtIn(text(node, "name", "data.name"),
                        node.has("trainSamples") ? integer(node, "trainSamples", "data.trainSamples") : 0,
                        node.has("testSamples") ? integer(node, "testSamples", "data.testSamples") : 0,
                        node.path("noise").isNumber() ? number(node, "noise", "data.noise") : Double.NaN,
                        longValue(node, "seed", "data.seed"));
                case "mnist" -> DataReference.mnist(node.path("folder").isNull() || node.path("folder").isMissingNode()
                        ? null : text(node, "folder", "data.folder"));
                case "csv" -> DataReference.csv(text(node, "file", "data.file"),
                        node.path("target").isNull() || node.path("target").isMissingNode() ? null : text(node, "target", "data.target"),
                        number(node, "testFraction", "data.testFraction"), longValue(node, "seed", "data.seed"));
                default -> throw new ProjectFormatException(file, "field data.kind is '" + kind + "'; expected built_in, mnist or csv");
            };
        }

        private NetworkSpec network(JsonNode node) throws ProjectFormatException {
            String task = text(node, "task", "network.task");
            NetworkSpec.Task parsedTask = switch (task) {
                case "classification" -> NetworkSpec.Task.CLASSIFICATION;
                case "regression" -> NetworkSpec.Task.REGRESSION;
                default -> throw new ProjectFormatException(file, "field network.task is '" + task + "'; expected classification or regression");
            };
            JsonNode layersNode = node.path("layers");
            if (!layersNode.isArray() || layersNode.isEmpty()) {
                throw new ProjectFormatException(file, "field network.layers is missing or empty; expected a list of layers");
            }
            List<LayerSpec> layers = new ArrayList<>();
            for (int l = 0; l < layersNode.size(); l++) {
                layers.add(layer(layersNode.get(l), "network.layers[" + l + "]"));
            }
            return new NetworkSpec(integer(node, "inputSize", "network.inputSize"), layers, parsedTask,
                    number(node, "noiseVariance", "network.noiseVariance"));
        }

        private LayerSpec layer(JsonNode node, String where) throws ProjectFormatException {
            String neuronName = text(node, "neuron", where + ".neuron");
            double temperature = number(node, "temperature", where + ".temperature");
            NeuronModel neuron = switch (neuronName) {
                case "heaviside" -> NeuronModel.HEAVISIDE;
                case "sigmoid" -> NeuronModel.sigmoid(temperature);
                case "linear" -> NeuronModel.LINEAR;
                default -> throw new ProjectFormatException(file, "field " + where + ".neuron is '" + neuronName
                        + "'; expected heaviside, sigmoid or linear");
            };
            String weights = text(node, "weights", where + ".weights");
            WeightPrior prior = switch (weights) {
                case "gaussian" -> WeightPrior.gaussian(number(node, "priorVariance", where + ".priorVariance"));
                case "binary" -> WeightPrior.binary();
                case "ternary", "discrete" -> WeightPrior.discrete(numbers(node, "levels", where + ".levels"),
                        numbers(node, "levelProbabilities", where + ".levelProbabilities"));
                default -> throw new ProjectFormatException(file, "field " + where + ".weights is '" + weights
                        + "'; expected gaussian, binary, ternary or discrete");
            };
            if (weights.equals("ternary")) {
                double[] probabilities = numbers(node, "levelProbabilities", where + ".levelProbabilities");
                prior = probabilities.length == 3 ? WeightPrior.ternary(probabilities[1]) : prior;
            }
            JsonNode bias = node.path("bias");
            if (!bias.isBoolean()) {
                throw new ProjectFormatException(file, "field " + where + ".bias is missing or not true/false");
            }
            return new LayerSpec(integer(node, "size", where + ".size"), neuron, prior, bias.booleanValue(),
                    number(node, "temper", where + ".temper"));
        }

        private TrainingSettings settings(JsonNode node) throws ProjectFormatException {
            JsonNode damping = node.path("damping");
            double dampingValue = damping.isNull() || damping.isMissingNode() ? Double.NaN : number(node, "damping", "settings.damping");
            JsonNode adaptive = node.path("adaptiveDamping");
            return new TrainingSettings(integer(node, "firstBatch", "settings.firstBatch"), integer(node, "batch", "settings.batch"),
                    integer(node, "passes", "settings.passes"), dampingValue,
                    numbers(node, "dampingSchedule", "settings.dampingSchedule"), adaptive.isBoolean() && adaptive.booleanValue(),
                    longValue(node, "seed", "settings.seed"), integer(node, "threads", "settings.threads"),
                    integer(node, "warmupSamples", "settings.warmupSamples"),
                    integer(node, "evaluationInterval", "settings.evaluationInterval"),
                    integer(node, "trainEvaluationSamples", "settings.trainEvaluationSamples"));
        }

        JsonNode object(JsonNode parent, String field) throws ProjectFormatException {
            JsonNode node = parent.path(field);
            if (!node.isObject()) {
                throw new ProjectFormatException(file, "field " + field + " is missing or not an object");
            }
            return node;
        }

        String text(JsonNode parent, String field) throws ProjectFormatException {
            return text(parent, field, field);
        }

        String text(JsonNode parent, String field, String where) throws ProjectFormatException {
            JsonNode node = parent.path(field);
            if (!node.isTextual()) {
                throw new ProjectFormatException(file, "field " + where + " is missing or not text");
            }
            return node.textValue();
        }

        int integer(JsonNode parent, String field) throws ProjectFormatException {
            return integer(parent, field, field);
        }

        int integer(JsonNode parent, String field, String where) throws ProjectFormatException {
            long value = longValue(parent, field, where);
            if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                throw new ProjectFormatException(file, "field " + where + " is " + value + ", out of range");
            }
            return (int) value;
        }

        long longValue(JsonNode parent, String field, String where) throws ProjectFormatException {
            JsonNode node = parent.path(field);
            if (!node.isIntegralNumber()) {
                throw new ProjectFormatException(file, "field " + where + " is missing or not a whole number");
            }
            return node.longValue();
        }

        double number(JsonNode parent, String field, String where) throws ProjectFormatException {
            JsonNode node = parent.path(field);
            if (!node.isNumber()) {
                throw new ProjectFormatException(file, "field " + where + " is missing or not a number");
            }
            return node.doubleValue();
        }

        double[] numbers(JsonNode parent, String field, String where) throws ProjectFormatException {
            JsonNode node = parent.path(field);
            if (!node.isArray()) {
                throw new ProjectFormatException(file, "field " + where + " is missing or not a list of numbers");
            }
            double[] values = new double[node.size()];
            for (int i = 0; i < values.length; i++) {
                if (!node.get(i).isNumber()) {
                    throw new ProjectFormatException(file, "field " + where + "[" + i + "] is not a number");
                }
                values[i] = node.get(i).doubleValue();
            }
            return values;
        }
    }
}
