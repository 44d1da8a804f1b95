package ee.ska.iste.pipelines.ingest;

import ee.ska.iste.core.quality.RefusalReason;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decides which of the submissions read for one KOV and quarter is loaded (contract.md):
 *
 * <ol>
 *   <li>Submissions with the same {@code esitatud} and the same content (SHA-256) count once: the
 *       first by file name and path is kept, the others become {@code DUPLICATE}.
 *   <li>Submissions with the same {@code esitatud} and different content conflict: all of them are
 *       refused ({@link RefusalReason#RESUBMISSION_CONFLICT}, "resubmit with a later date"), so
 *       neither is chosen by its file name.
 *   <li>Of what remains, the latest {@code esitatud} is loaded and the earlier ones are {@code
 *       SUPERSEDED}. When a conflict refused the latest date, the latest earlier submission stays
 *       loaded: the version published before the conflict is kept.
 * </ol>
 *
 * Submissions refused while reading take no part.
 */
final class Resubmissions {
  private Resubmissions() {}

  static void decide(List<IngestJob.Outcome> outcomes) {
    Map<String, List<IngestJob.Outcome>> byKovQuarter = new LinkedHashMap<>();
    for (IngestJob.Outcome o : outcomes) {
      if (o.status == ee.ska.iste.pipelines.ingest.IngestResult.Status.LOADED) {
        byKovQuarter
            .computeIfAbsent(o.file.kovCode() + "_" + o.file.quarter(), k -> new ArrayList<>())
            .add(o);
      }
    }
    Comparator<IngestJob.Outcome> byName =
        Comparator.comparing((IngestJob.Outcome o) -> o.file.fileName())
            .thenComparing(o -> o.file.path().toString());
    for (List<IngestJob.Outcome> group : byKovQuarter.values()) {
      Map<LocalDate, List<IngestJob.Outcome>> byDate = new TreeMap<>();
      group.forEach(o -> byDate.computeIfAbsent(o.read.submittedOn(), d -> new ArrayList<>()).add(o));
      IngestJob.Outcome latest = null;
      for (Map.Entry<LocalDate, List<IngestJob.Outcome>> e : byDate.entrySet()) {
        List<IngestJob.Outcome> same = new ArrayList<>(e.getValue());
        same.sort(byName);
        boolean identical =
            same.stream().map(o -> o.read.checksum()).distinct().count() == 1;
        if (!identical) {
          for (IngestJob.Outcome o : same) {
            o.refuse(RefusalReason.RESUBMISSION_CONFLICT, conflictMessage(o, same.size()));
          }
          continue;
        }
        for (int i = 1; i < same.size(); i++) {
          same.get(i).status = IngestResult.Status.DUPLICATE;
        }
        if (latest != null) {
          latest.status = IngestResult.Status.SUPERSEDED;
        }
        latest = same.get(0);
      }
    }
  }

  private static String conflictMessage(IngestJob.Outcome o, int count) {
    return Redact.text(o.file.fileName())
        + ": "
        + (count - 1)
        + " other submission(s) for KOV "
        + o.file.kovCode()
        + " "
        + o.file.quarter()
        + " with the same esitatud "
        + o.read.submittedOn()
        + " have different content; none of them is loaded: resubmit with a later date";
  }
}
