package ee.ska.iste.pipelines.ingest;

import ee.ska.iste.core.quality.RefusalReason;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decides which of the submissions read for one KOV and quarter is loaded (contract.md):
 *
 * <ol>
 *   <li>Submissions with the same {@code esitatud} and the same content (SHA-256) count once: the
 *       first by file name and path is kept, the others become {@code DUPLICATE}.
 *   <li>Submissions with the same {@code esitatud} and different content conflict: all of them are
 *       refused ({@link RefusalReason#RESUBMISSION_CONFLICT}, "resubmit with a later date"), so
 *       neither is chosen by its file name — except the one a run loaded earlier (it is in the
 *       warehouse's input archive): what was published stays, and only the newcomers are refused.
 *       When the earlier one's file is no longer in the inbox (overwritten in place), ingest reads
 *       it from the archive ({@link #displaced}).
 *   <li>Of what remains, the latest {@code esitatud} is loaded and the earlier ones are {@code
 *       SUPERSEDED}. When a conflict refused the latest date, the latest earlier submission stays
 *       loaded: the version published before the conflict is kept.
 * </ol>
 *
 * Submissions refused while reading take no part.
 */
final class Resubmissions {
  private Resubmissions() {}

  /** {@link #decide(List, List)} without earlier submissions. */
  static void decide(List<IngestJob.Outcome> outcomes) {
    decide(outcomes, List.of());
  }

  /**
   * The earlier submissions that a submission read now conflicts with (same KOV, quarter and {@code
   * esitatud}, other content) and that are not among those read: they must be read from the archive
   * so that they stay loaded.
   */
  static List<EarlierSubmissions.Entry> displaced(
      List<IngestJob.Outcome> outcomes, List<EarlierSubmissions.Entry> earlier) {
    Set<String> read = new HashSet<>();
    outcomes.forEach(o -> read.add(o.read.checksum()));
    Map<String, List<EarlierSubmissions.Entry>> bySlot = new HashMap<>();
    earlier.forEach(
        e ->
            bySlot
                .computeIfAbsent(
                    slot(e.kovCode(), e.quarter(), e.submittedOn()), k -> new ArrayList<>())
                .add(e));
    Map<String, EarlierSubmissions.Entry> out = new LinkedHashMap<>();
    for (IngestJob.Outcome o : loaded(outcomes)) {
      String slot = slot(o.file.kovCode(), o.file.quarter(), o.read.submittedOn());
      for (EarlierSubmissions.Entry e : bySlot.getOrDefault(slot, List.of())) {
        if (!e.sha256().equals(o.read.checksum()) && !read.contains(e.sha256())) {
          out.putIfAbsent(e.sha256(), e);
        }
      }
    }
    return List.copyOf(out.values());
  }

  static void decide(List<IngestJob.Outcome> outcomes, List<EarlierSubmissions.Entry> earlier) {
    Map<String, EarlierSubmissions.Entry> earlierBySha = new LinkedHashMap<>();
    earlier.forEach(e -> earlierBySha.putIfAbsent(e.sha256(), e));
    Map<String, List<IngestJob.Outcome>> byKovQuarter = new LinkedHashMap<>();
    for (IngestJob.Outcome o : loaded(outcomes)) {
      byKovQuarter
          .computeIfAbsent(o.file.kovCode() + "_" + o.file.quarter(), k -> new ArrayList<>())
          .add(o);
    }
    Comparator<IngestJob.Outcome> byName =
        Comparator.comparing((IngestJob.Outcome o) -> o.file.fileName())
            .thenComparing(o -> o.file.path().toString());
    for (List<IngestJob.Outcome> group : byKovQuarter.values()) {
      Map<LocalDate, List<IngestJob.Outcome>> byDate = new TreeMap<>();
      group.forEach(
          o -> byDate.computeIfAbsent(o.read.submittedOn(), d -> new ArrayList<>()).add(o));
      IngestJob.Outcome latest = null;
      for (Map.Entry<LocalDate, List<IngestJob.Outcome>> e : byDate.entrySet()) {
        List<IngestJob.Outcome> same = new ArrayList<>(e.getValue());
        same.sort(byName);
        Set<String> contents = new HashSet<>();
        same.forEach(o -> contents.add(o.read.checksum()));
        if (contents.size() > 1) {
          Set<String> loadedBefore = new HashSet<>(contents);
          loadedBefore.retainAll(earlierBySha.keySet());
          if (loadedBefore.size() != 1) {
            for (IngestJob.Outcome o : same) {
              o.refuse(RefusalReason.RESUBMISSION_CONFLICT, conflictMessage(o, same.size()));
            }
            continue;
          }
          String kept = loadedBefore.iterator().next();
          List<IngestJob.Outcome> stays = new ArrayList<>();
          for (IngestJob.Outcome o : same) {
            if (o.read.checksum().equals(kept)) {
              stays.add(o);
            } else {
              o.refuse(RefusalReason.RESUBMISSION_CONFLICT, conflictWithEarlierMessage(o));
            }
          }
          same = stays;
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

  private static List<IngestJob.Outcome> loaded(List<IngestJob.Outcome> outcomes) {
    return outcomes.stream().filter(o -> o.status == IngestResult.Status.LOADED).toList();
  }

  /** KOV, quarter and esitatud: what makes two submissions resubmissions of each other. */
  private static String slot(
      String kov, ee.ska.iste.core.time.Quarter quarter, LocalDate submittedOn) {
    return kov + "|" + quarter + "|" + submittedOn;
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

  private static String conflictWithEarlierMessage(IngestJob.Outcome o) {
    return Redact.text(o.file.fileName())
        + ": a different submission for KOV "
        + o.file.kovCode()
        + " "
        + o.file.quarter()
        + " with the same esitatud "
        + o.read.submittedOn()
        + " was loaded earlier and stays published; this one is not loaded: resubmit with a later"
        + " date";
  }
}
