package ee.ska.iste.warehouse;

import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a KOV's figures of one quarter are fit to publish (docs/measures.md, "Publishable
 * status"): {@link Status#PUBLISHABLE}, {@link Status#PROVISIONAL} or {@link Status#WITHHELD}, with
 * every reason that applies. Pure: the inputs are gathered by {@link KovStatusTable}, the
 * thresholds come from the reference data ({@code thresholds.csv}) valid on the quarter's last day.
 */
public final class PublishableStatus {
  private PublishableStatus() {}

  /** The verdict, from best to worst. */
  public enum Status {
    PUBLISHABLE,
    PROVISIONAL,
    WITHHELD
  }

  /** Why a KOV-quarter is not {@link Status#PUBLISHABLE}, in the order they are listed. */
  public enum Reason {
    /** No accepted (loaded) submission for the quarter: refused only, or none. */
    NO_SUBMISSION(Status.WITHHELD),
    /** More than STATUS_REJECT_SHARE_PROVISIONAL of the submission's rows rejected. */
    REJECTS_VERY_HIGH(Status.WITHHELD),
    /** Fewer than STATUS_VISIBLE_SHARE_MIN of the KOV's figures survive disclosure control. */
    TOO_FEW_VISIBLE(Status.WITHHELD),
    /** Submitted after SUBMISSION_DUE_DAYS after the quarter's end. */
    LATE_SUBMISSION(Status.PROVISIONAL),
    /** More than STATUS_REJECT_SHARE_PUBLISHABLE (and at most the provisional limit) rejected. */
    REJECTS_HIGH(Status.PROVISIONAL),
    /** A shown QOL_COMPLETENESS below STATUS_QOL_COMPLETENESS_MIN. */
    QOL_INCOMPLETE(Status.PROVISIONAL);

    private final Status status;

    Reason(Status status) {
      this.status = status;
    }

    /** The status this reason leads to at least. */
    public Status status() {
      return status;
    }
  }

  /** The thresholds of one quarter. */
  public record Thresholds(
      int submissionDueDays,
      double rejectSharePublishable,
      double rejectShareProvisional,
      double qolCompletenessMin,
      double visibleShareMin) {

    /** The thresholds valid on the quarter's last day. */
    public static Thresholds of(ReferenceData ref, Quarter q) {
      LocalDate on = q.lastDay();
      return new Thresholds(
          ref.threshold("SUBMISSION_DUE_DAYS", on).intValueExact(),
          share(ref, "STATUS_REJECT_SHARE_PUBLISHABLE", on),
          share(ref, "STATUS_REJECT_SHARE_PROVISIONAL", on),
          share(ref, "STATUS_QOL_COMPLETENESS_MIN", on),
          share(ref, "STATUS_VISIBLE_SHARE_MIN", on));
    }

    private static double share(ReferenceData ref, String key, LocalDate on) {
      BigDecimal v = ref.threshold(key, on);
      if (v.signum() < 0 || v.compareTo(BigDecimal.ONE) > 0) {
        throw new IllegalStateException(
            "thresholds.csv: " + key + " valid on " + on + " is " + v + ", not a share 0-1");
      }
      return v.doubleValue();
    }
  }

  /**
   * What the verdict rests on.
   *
   * @param submittedOn the date of the loaded submission; null when there is none
   * @param rowsRead rows read from the loaded submission (every sheet); null when none
   * @param rowsRejected rows of it rejected; null when none
   * @param qolCompleteness the KOV's {@code QOL_COMPLETENESS} as published; null when it is hidden
   *     by disclosure control or has no row (then it is not judged)
   * @param figures the KOV's rows of the quarter in {@code outcomes}
   * @param visibleFigures of them, the rows not suppressed
   * @param submissionRecords false when the warehouse holds no submission records at all (no {@code
   *     stg_submission}): then a missing submission is not held against the KOV
   */
  public record Inputs(
      LocalDate submittedOn,
      Long rowsRead,
      Long rowsRejected,
      Double qolCompleteness,
      long figures,
      long visibleFigures,
      boolean submissionRecords) {

    /** Inputs from a warehouse that holds submission records. */
    public Inputs(
        LocalDate submittedOn,
        Long rowsRead,
        Long rowsRejected,
        Double qolCompleteness,
        long figures,
        long visibleFigures) {
      this(submittedOn, rowsRead, rowsRejected, qolCompleteness, figures, visibleFigures, true);
    }

    /** Days after the due date (0 when on time); null without a submission. */
    public Integer daysLate(Quarter q, Thresholds t) {
      if (submittedOn == null) {
        return null;
      }
      long d = ChronoUnit.DAYS.between(q.lastDay().plusDays(t.submissionDueDays()), submittedOn);
      return (int) Math.max(0, d);
    }

    /** Rows rejected over rows read; null without a submission or without rows. */
    public Double rejectShare() {
      if (rowsRead == null || rowsRejected == null || rowsRead == 0) {
        return null;
      }
      return (double) rowsRejected / rowsRead;
    }

    /** Visible figures over figures; null when the KOV has no figure in the quarter. */
    public Double visibleShare() {
      return figures == 0 ? null : (double) visibleFigures / figures;
    }
  }

  /** A verdict with its reasons (empty when publishable). */
  public record Verdict(Status status, List<Reason> reasons) {
    public Verdict {
      reasons = List.copyOf(reasons);
    }

    /** The reason codes joined by {@code ;}, or null when there is none. */
    public String reasonCodes() {
      return reasons.isEmpty()
          ? null
          : String.join(";", reasons.stream().map(Reason::name).toList());
    }
  }

  /**
   * The verdict: the worst status of the reasons that apply (PUBLISHABLE when none does). A KOV
   * with no figure in the quarter has nothing visible and is {@code TOO_FEW_VISIBLE}.
   */
  public static Verdict decide(Quarter q, Inputs in, Thresholds t) {
    List<Reason> reasons = new ArrayList<>();
    if (in.submittedOn() == null && in.submissionRecords()) {
      reasons.add(Reason.NO_SUBMISSION);
    }
    Double reject = in.rejectShare();
    if (reject != null && reject > t.rejectShareProvisional()) {
      reasons.add(Reason.REJECTS_VERY_HIGH);
    }
    Double visible = in.visibleShare();
    if (visible == null || visible < t.visibleShareMin()) {
      reasons.add(Reason.TOO_FEW_VISIBLE);
    }
    Integer late = in.daysLate(q, t);
    if (late != null && late > 0) {
      reasons.add(Reason.LATE_SUBMISSION);
    }
    if (reject != null
        && reject > t.rejectSharePublishable()
        && reject <= t.rejectShareProvisional()) {
      reasons.add(Reason.REJECTS_HIGH);
    }
    if (in.qolCompleteness() != null && in.qolCompleteness() < t.qolCompletenessMin()) {
      reasons.add(Reason.QOL_INCOMPLETE);
    }
    Status status = Status.PUBLISHABLE;
    for (Reason r : reasons) {
      if (r.status().compareTo(status) > 0) {
        status = r.status();
      }
    }
    return new Verdict(status, reasons);
  }
}
