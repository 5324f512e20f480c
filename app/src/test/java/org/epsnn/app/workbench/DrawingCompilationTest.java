package org.epsnn.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DrawingCompilationTest {

    @Test
    void directivesAddedThenRemoved() throws Exception {
        String before = DrawingCompilation.run("compilerDirectivesPrint");
        assertThat(before).doesNotContain("org/jfree/*.*");

        String output = DrawingCompilation.add();

        assertThat(output).isEqualTo("1 compiler directives added");
        String stack = DrawingCompilation.run("compilerDirectivesPrint");
        // Each pattern of the resource reached the JVM, and C2 excludes the code they match.
        for (String pattern : new String[] {"javafx/*.*", "com/sun/prism/*.*", "sun/java2d/*.*", "org/jfree/*.*",
                "java/io/Object*.*", "org/epsnn/views/*.*"}) {
            assertThat(stack).contains(pattern);
        }
        String ourDirective = stack.substring(stack.indexOf("org/jfree/*.*"), stack.indexOf("Directive: (default)"));
        String c2Part = ourDirective.substring(ourDirective.indexOf("c2 directives:"));
        assertThat(c2Part).contains("Enable:true Exclude:true");

        DrawingCompilation.run("compilerDirectivesRemove");
        assertThat(DrawingCompilation.run("compilerDirectivesPrint")).doesNotContain("org/jfree/*.*");
    }
}
