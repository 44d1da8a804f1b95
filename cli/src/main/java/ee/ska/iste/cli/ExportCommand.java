package ee.ska.iste.cli;

import ee.ska.iste.warehouse.PublicExport;
import ee.ska.iste.warehouse.Version;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code iste export --public}: writes the public export of a published version (the current one,
 * or {@code --version}'s) into a folder: {@code iste_public.duckdb}, {@code csv/}, {@code parquet/}
 * and {@code data-dictionary.md}, holding only what may be handed out (see {@link PublicExport}).
 */
@Command(
    name = "export",
    header = "Write the public export of a published version (only disclosure-controlled figures).",
    description = {
      "Writes iste_public.duckdb, csv/*.csv, parquet/*.parquet and data-dictionary.md into --out:",
      "outcomes_public with each figure's publishable status, kov_status, the measure catalogue,",
      "the municipalities and counties. No fact, staging or model table, no raw figure, no view.",
      "The publish stage writes the same into <version>/public/ each version."
    })
public final class ExportCommand extends BaseCommand {
  @Mixin PublishedVersionOptions published;

  @Option(
      names = "--public",
      required = true,
      description = "The public export (the only kind there is; required so the intent is said).")
  boolean publicExport;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      required = true,
      description = "The folder to write into (its export files are replaced, nothing else).")
  Path out;

  @Override
  protected int execute() throws Exception {
    Version v = published.version();
    PublicExport.Summary s;
    try {
      s = PublicExport.write(v.database(), out);
    } catch (IllegalStateException e) {
      throw new UserError(ExitCode.FAILURE, e.getMessage(), e);
    }
    for (Map.Entry<String, Long> t : s.tables().entrySet()) {
      out().println(t.getKey() + "\t" + t.getValue());
    }
    err().println("wrote the public export of " + v.id() + " to " + out);
    return ExitCode.OK;
  }
}
