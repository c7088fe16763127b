package org.ketaminefaq.core;

import java.util.List;
import java.util.Objects;

/**
 * The general facts with one clinic's profile layered over them: where the clinic has its own value (a price, a
 * phone number, crisis lines for its country) that value wins, and the general facts fill the rest.
 * Immutable and safe to share between threads.
 *
 * <pre>{@code
 * ClinicKnowledge clinic = ClinicKnowledge.of(KnowledgeBase.load(), ClinicProfile.load(Path.of("clinic.json")));
 * PriceInfo iv = clinic.price(TreatmentForm.IV);   // the clinic's price if it has one, else the sources' ranges
 * }</pre>
 */
public final class ClinicKnowledge {

    private final KnowledgeBase kb;
    private final ClinicProfile profile;

    private ClinicKnowledge(KnowledgeBase kb, ClinicProfile profile) {
        this.kb = Objects.requireNonNull(kb, "kb");
        this.profile = Objects.requireNonNull(profile, "profile");
    }

    /** Layers {@code profile} over {@code kb}. */
    public static ClinicKnowledge of(KnowledgeBase kb, ClinicProfile profile) {
        return new ClinicKnowledge(Objects.requireNonNull(kb, "kb must not be null"), Objects.requireNonNull(profile, "profile must not be null"));
    }

    /** The general knowledge base underneath. */
    public KnowledgeBase knowledgeBase() {
        return kb;
    }

    /** The clinic's profile on top. */
    public ClinicProfile profile() {
        return profile;
    }

    /** The clinic's name, or "this clinic" when the profile has none. */
    public String clinicName() {
        return profile.name().orElse("this clinic");
    }

    /** The cost of one form: the clinic's price when it has one, the general ranges otherwise. */
    public PriceInfo price(TreatmentForm form) {
        Objects.requireNonNull(form, "form must not be null");
        return profile.price(form)
                .<PriceInfo>map(p -> new PriceInfo.ClinicPriceInfo(form, p, clinicName(), profile.currency()))
                .orElseGet(() -> new PriceInfo.GeneralRanges(form, kb.facts(Topic.COST, form).stream()
                        .filter(ClinicKnowledge::isPrice).toList()));
    }

    /** The crisis lines for the clinic's country. */
    public List<CrisisResource> crisisResources() {
        return profile.crisis().resources();
    }

    /** The emergency number for the clinic's country, such as 911. */
    public String emergencyNumber() {
        return profile.crisis().emergencyNumber();
    }

    /**
     * The forms a visitor can get here: the ones the profile lists, or all forms when the profile does not say.
     */
    public List<TreatmentForm> formsOffered() {
        return profile.formsOffered().isEmpty() ? List.of(TreatmentForm.values()) : profile.formsOffered();
    }

    /** A cost fact that gives an amount of money; the cost topic also holds counts, such as how many sessions. */
    private static boolean isPrice(Fact fact) {
        return fact.value().map(q -> q.unit() == Unit.USD).orElse(false);
    }
}
