package ee.ska.iste.pipelines.measures;

import ee.ska.iste.core.layout.WarehouseLayout;
import ee.ska.iste.disclosure.Memo;
import java.net.URI;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the measures stage keeps its disclosure memo ({@link Memo}): the folder {@code
 * memo/disclosure} of the work area, beside its layers (never published). A work area that is not a
 * local folder (a cluster's remote storage) keeps none: every quarter is searched each run.
 */
public final class DisclosureMemo {
  private static final Logger LOG = LoggerFactory.getLogger("ee.ska.iste.pipelines.measures");

  private DisclosureMemo() {}

  public static Memo of(WarehouseLayout layout) {
    String root = layout.root();
    if (root.startsWith("file:")) {
      return Memo.in(Path.of(URI.create(root)).resolve(Memo.WORK_AREA_FOLDER));
    }
    if (!root.matches("^[A-Za-z][A-Za-z0-9+.-]+:.*")) {
      return Memo.in(Path.of(root).resolve(Memo.WORK_AREA_FOLDER));
    }
    LOG.info(
        "measures: the work area is not a local folder; every quarter's disclosure is searched");
    return Memo.none();
  }
}
