package org.ketaminefaq.core.eligibility;

import org.ketaminefaq.core.JsonEnum;

/**
 * The outcome of a screening. None of them is a diagnosis or a prescription: each points to a clinician.
 *
 * <p>Example: {@code rules.assess(answers).verdict() == Verdict.MAY_BE_CANDIDATE}.
 */
public enum Verdict implements JsonEnum {
    /** Something in the answers means ketamine is generally not recommended. */
    NOT_SUITABLE,
    /** Something is missing or unclear, and a clinician needs to look at it. */
    NEEDS_CLINICIAN_REVIEW,
    /** Nothing in the answers stands in the way; the person may be a candidate for an evaluation. */
    MAY_BE_CANDIDATE
}
