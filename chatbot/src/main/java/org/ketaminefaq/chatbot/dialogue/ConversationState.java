package org.ketaminefaq.chatbot.dialogue;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.ketaminefaq.chatbot.nlp.Intent;
import org.ketaminefaq.core.TreatmentForm;
import org.ketaminefaq.core.eligibility.Diagnosis;
import org.ketaminefaq.core.eligibility.ScreeningAnswers;
import org.ketaminefaq.core.eligibility.ScreeningField;

/**
 * What a conversation remembers between messages: enough to go on after a reload or on another server, and nothing
 * of what the visitor typed beyond the screening answers it asked for.
 *
 * @param form the treatment form the visitor is talking about, if any
 * @param lastTopic the topic of the last answer, for follow-ups such as "how long does it last?"
 * @param pendingQuestion the screening question waiting for its answer, when a screening is under way
 * @param answers the screening answers so far (or the ones whose result waits to be asked for)
 * @param diagnosesPicked the diagnoses tapped so far, before "Done"
 * @param resultOnRequest whether a result is held back until the visitor asks for it (after "yes" to thoughts of
 *     suicide)
 */
public record ConversationState(Optional<TreatmentForm> form, Optional<Intent> lastTopic,
                                Optional<ScreeningField> pendingQuestion, ScreeningAnswers answers,
                                Set<Diagnosis> diagnosesPicked, boolean resultOnRequest) {

    public ConversationState {
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(lastTopic, "lastTopic");
        Objects.requireNonNull(pendingQuestion, "pendingQuestion");
        Objects.requireNonNull(answers, "answers");
        diagnosesPicked = Set.copyOf(diagnosesPicked);
    }
}
