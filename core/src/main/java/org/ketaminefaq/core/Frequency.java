package org.ketaminefaq.core;

/**
 * How often a side effect happens, as a source rates it.
 *
 * <p>Example: nausea is {@code Frequency.COMMON}.
 */
public enum Frequency implements JsonEnum {
    COMMON,
    UNCOMMON,
    RARE;
}
