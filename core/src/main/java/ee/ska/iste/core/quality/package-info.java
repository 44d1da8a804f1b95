/**
 * The data-quality vocabulary shared by the ingest stage (which writes the codes into {@code
 * stg_reject} and {@code stg_submission}) and the data-quality report (which shows their Estonian
 * or English descriptions). Kept in core so that the reports need no Spark.
 */
package ee.ska.iste.core.quality;
