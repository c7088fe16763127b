/**
 * Facts about ketamine therapy, each naming its source, and a clinic's profile layered over them.
 *
 * <p>Load the knowledge base once and share it: loading reads and checks every data file (a few hundred
 * milliseconds), and the result is immutable and thread-safe.
 *
 * <pre>{@code
 * KnowledgeBase kb = KnowledgeBase.load();
 * ClinicKnowledge clinic = ClinicKnowledge.of(kb, ClinicProfile.load(Path.of("clinic.json")));
 * for (Fact fact : kb.facts(Topic.SIDE_EFFECTS)) {
 *     System.out.println(fact.text() + " [" + fact.sources().get(0).source() + "]");
 * }
 * }</pre>
 *
 * <p>The screening rules are in {@link org.ketaminefaq.core.eligibility}.
 *
 * @since 0.1.0
 */
package org.ketaminefaq.core;
