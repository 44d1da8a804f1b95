/**
 * Synthetic ISTE submissions (contract.md) for demos, tests and benchmarks.
 *
 * <p>The way in is {@link ee.ska.iste.generator.SubmissionGenerator#generate(GeneratorConfig)}. For
 * every KOV of the allocations valid at the first quarter's start, one history is simulated day by
 * day on a random stream derived from the seed and the KOV code: clients enter and leave within the
 * KOV's share of its allocation (occupancy 75–100% per allocation), every continuing client gets
 * the administrative VOORU_LOPP exit on 31 December and a new episode on 1 January, and each case
 * carries its needs assessments (initial, then yearly), plan versions (about 15% starting with a
 * support plan, most moving to an activity plan within 3–8 months), quarterly QoL self-assessments
 * and monthly participation. Each KOV draws a profile (strong, typical, weak) that sets its QoL
 * trend, need decline and goal attainment, so that comparisons find something. A few people move
 * between KOVs ({@code ELUKOHA_VAHETUS}) and appear in both. The population mix (diagnoses, entry
 * routes, severities, exit reasons, modes) is in {@code generator/weights.csv}; code lists,
 * allocations and prices come from the reference data.
 */
package ee.ska.iste.generator;
