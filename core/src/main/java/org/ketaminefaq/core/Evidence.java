package org.ketaminefaq.core;

/**
 * How strong the evidence is that ketamine helps a condition, as a source rates it.
 *
 * <p>Example: {@code fact.evidence()} is {@code Optional.of(Evidence.STRONG)} for treatment-resistant depression.
 */
public enum Evidence implements JsonEnum {
    STRONG,
    MODERATE_TO_STRONG,
    MODERATE,
    EMERGING,
    LIMITED;
}
