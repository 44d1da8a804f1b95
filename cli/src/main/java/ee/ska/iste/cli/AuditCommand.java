package ee.ska.iste.cli;

import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.warehouse.PublicAudit;
import ee.ska.iste.warehouse.Version;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code iste audit}: the outsider's disclosure audit of a published version (the publish gate's
 * check, run again): every hidden figure of {@code outcomes_public} whose feasible interval, given
 * everything the version publishes, is too narrow is listed on stdout, by cell, without its value.
 */
@Command(
    name = "audit",
    header =
        "Re-run the disclosure audit (the outsider's linear programmes) on a published version.")
public final class AuditCommand extends BaseCommand {
  @Mixin PublishedVersionOptions published;

  @Option(
      names = "--ref",
      paramLabel = "DIR",
      description =
          "Reference data overrides the version was built with (default: the built-in files).")
  Path refDir;

  @Override
  protected int execute() throws Exception {
    Version v = published.version();
    ReferenceData ref = RefOption.load(refDir);
    long start = System.nanoTime();
    PublicAudit.Result r = PublicAudit.run(v.database(), ref);
    for (PublicAudit.Failure f : r.failures()) {
      out()
          .println(
              "FAIL\t"
                  + f.quarter()
                  + "\t"
                  + f.measure()
                  + "\t"
                  + f.level()
                  + "\t"
                  + f.unit()
                  + "\t"
                  + f.quantity());
    }
    out().println(v.id() + ": " + r.summary());
    err().printf("audit took %.1f s%n", (System.nanoTime() - start) / 1e9);
    return r.passed() ? ExitCode.OK : ExitCode.DISCLOSURE_AUDIT_FAILED;
  }
}
