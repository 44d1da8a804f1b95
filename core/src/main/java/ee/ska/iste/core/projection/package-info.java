/**
 * The rollout projection (measures.md, Evaluation): from the rates of one quarter (national pilot
 * rates and the KOV 10th and 90th percentiles) and a number of places per county for three years,
 * the clients served, entries, client days, hours by component and cost per year. Pure Java: the
 * measures stage and the {@code projection} verb feed it the rates they read.
 */
package ee.ska.iste.core.projection;
