package org.epsnn.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
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
                + " files, and its metric history as metrics.csv."},
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
        List<Path> written = ProjectExport.write(project, folder);
        PrintWriter out = spec.commandLine().getOut();
        for (Path file : written) {
            out.println(file);
        }
        out.flush();
        return 0;
    }
}
