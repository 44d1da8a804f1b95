package ee.ska.iste.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;

/**
 * The build step that compiles the report templates: every {@code *.jrxml} of a folder to a {@code
 * .jasper} beside it, so that a report run loads a compiled template instead of running the Java
 * compiler (1–1.6 s a template, more on a busy machine). The reports module's build runs it on
 * {@code target/classes/reports} in {@code process-classes}, so the jar carries the {@code .jasper}
 * files.
 */
public final class TemplateCompiler {
  private TemplateCompiler() {}

  /**
   * @param args one folder
   */
  public static void main(String[] args) throws IOException, JRException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: TemplateCompiler FOLDER");
    }
    List<Path> templates;
    try (Stream<Path> files = Files.list(Path.of(args[0]))) {
      templates = files.filter(p -> p.toString().endsWith(".jrxml")).sorted().toList();
    }
    if (templates.isEmpty()) {
      throw new IllegalArgumentException("no .jrxml templates in " + args[0]);
    }
    for (Path jrxml : templates) {
      String name = jrxml.getFileName().toString();
      Path jasper = jrxml.resolveSibling(name.substring(0, name.length() - 6) + ".jasper");
      JasperCompileManager.compileReportToFile(jrxml.toString(), jasper.toString());
    }
  }
}
