package org.epsnn.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.epsnn.app.data.TrainingData;
import org.epsnn.model.project.DataFileChangedException;
import org.epsnn.model.project.DataFiles;
import org.epsnn.model.project.DataReference;
import org.epsnn.model.project.MissingDataFileException;
import org.epsnn.model.project.Project;
import org.epsnn.model.project.ProjectExport;
import org.epsnn.model.project.ProjectFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code epsnn export}: writes the posterior moments of a saved project as NPY and CSV, and its metrics as CSV. */
@Command(name = "export", sortOptions = false, mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = {"Writes the posterior means and variances of every layer of a saved project as .npy and .csv"
                + " files, and its metric history as metrics.csv. For a project trained on a CSV file it also writes"
                + " feature-scaling.csv: the mean and standard deviation each feature was standardised with, read"
                + " again from the CSV file."},
        footer = {"", "Example:", "  epsnn export moons.epsnn --to moons-posterior"})
public final class ExportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The project file (.epsnn).")
    Path projectFile;

    @Option(names = "--to", paramLabel = "DIR", required = true,
            description = "The folder to write to; created if missing. Files of the same names are replaced.")
    Path folder;

    @Override
    public Integer call() throws IOException {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--to': " + folder
                    + " is a file; give a folder");
        }
        Project project = ProjectFiles.load(projectFile);
        if (project.trainedPosterior().isEmpty()) {
            throw new IllegalArgumentException("Project " + projectFile + " has no trained network to export. Train it"
                    + " first, for example with 'epsnn train --resume " + projectFile + " --passes 1 --save trained.epsnn'.");
        }
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>(ProjectExport.write(project, folder));
        if (project.setup().data().kind() == DataReference.Kind.CSV) {
            writeFeatureScaling(project).ifPresent(written::add);
        }
        PrintWriter out = spec.commandLine().getOut();
        for (Path file : written) {
            out.println(file);
        }
        out.flush();
        return 0;
    }

    /**
     * Writes feature-scaling.csv from the project's CSV file, split as the project recorded. When
     * the file is missing or changed, prints a warning and writes nothing, because the posterior
     * files are still valid and only the scaling of raw rows is unknown.
     */
    private Optional<Path> writeFeatureScaling(Project project) throws IOException {
        DataReference reference = project.setup().data();
        TrainingData data;
        try {
            DataFiles.verify(reference, project.dataChecksums(), projectFile);
            data = TrainingData.of(reference, DataFiles.resolve(reference, projectFile));
        } catch (IOException | IllegalArgumentException e) {
            // The data exceptions suggest --dataset, which export does not take, so name only the problem.
            String problem = e instanceof MissingDataFileException missing
                    ? "data file " + missing.missing() + " not found"
                    : e instanceof DataFileChangedException changed
                    ? "data file " + changed.file() + " changed since the project was saved"
                    : e.getMessage();
            PrintWriter err = spec.commandLine().getErr();
            err.println("Warning: feature-scaling.csv was not written: " + problem + ". The exported weights apply to"
                    + " features standardised with the training split's means and standard deviations; put the"
                    + " project's CSV file back and run export again to write them.");
            err.flush();
            return Optional.empty();
        }
        return Optional.of(ProjectExport.writeFeatureScaling(folder.resolve("feature-scaling.csv"),
                data.train().featureNames(), data.featureMean(), data.featureScale()));
    }
}
