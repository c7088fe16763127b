/**
 * The screening: a visitor's answers in, a verdict with reasons and citations out. The verdict says whether a person
 * may be a candidate for an evaluation by a clinician; it never says that anyone is eligible, and it is no diagnosis.
 *
 * <pre>{@code
 * ScreeningAnswers answers = ScreeningAnswers.builder()
 *         .age(34)
 *         .diagnoses(Diagnosis.DEPRESSION)
 *         .failedAntidepressantTrials(1)
 *         .noToAllOtherYesNo()
 *         .build();
 * Assessment assessment = EligibilityRules.of(clinic).assess(answers);
 * System.out.println(assessment.verdict().id());   // needs_clinician_review
 * }</pre>
 *
 * <p>{@link org.ketaminefaq.core.eligibility.EligibilityRules} is immutable and thread-safe: build it once per
 * clinic and share it.
 *
 * @since 0.1.0
 */
package org.ketaminefaq.core.eligibility;
