package org.ketaminefaq.chatbot.server;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.ketaminefaq.chatbot.dialogue.DialogueEngine;
import org.ketaminefaq.core.CrisisResource;

/**
 * What the widget shows when the chat cannot connect: the clinic's phone, the footer's disclaimer and the clinic's
 * own crisis resources. It is written into the launcher script and the panel page, so that it shows even when the
 * WebSocket, or the panel itself, cannot be reached. Public facts of the clinic's profile only.
 *
 * @param phone the clinic's phone, when its profile has one
 * @param disclaimer the footer line, naming the clinic's emergency number
 * @param resources the crisis resources of the clinic's country
 */
record ClinicCard(Optional<String> phone, String disclaimer, List<CrisisResource> resources) {

    ClinicCard {
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(disclaimer, "disclaimer");
        resources = List.copyOf(resources);
    }

    /** The card of the clinic an engine serves. */
    static ClinicCard of(DialogueEngine engine) {
        return new ClinicCard(engine.clinic().profile().phone(), engine.newSession().start().disclaimer(),
                engine.clinic().crisisResources());
    }

    /**
     * The card as JSON that is safe both inside an HTML {@code <script type="application/json">} block and as a
     * JavaScript expression: {@code <}, {@code >}, {@code &} and the line separators U+2028 and U+2029 are written as
     * {@code \}{@code u} escapes, which JSON reads back as the same characters, so no profile text can close the
     * block or end a line of script.
     */
    String json() {
        return safe(node());
    }

    /** Cards by the launcher's name for each clinic, as JSON as safe as {@link #json()}. */
    static String json(Map<String, ClinicCard> cards) {
        ObjectNode all = JsonNodeFactory.instance.objectNode();
        cards.forEach((name, card) -> all.set(name, card.node()));
        return safe(all);
    }

    private ObjectNode node() {
        ObjectNode card = JsonNodeFactory.instance.objectNode();
        phone.ifPresent(p -> card.put("phone", p));
        card.put("disclaimer", disclaimer);
        // the same shape as the crisis replies' resources, which the panel already reads
        card.set("resources", ProtocolCodec.resources(resources));
        return card;
    }

    private static String safe(ObjectNode json) {
        // these characters only ever occur inside JSON strings, where an escape means the same character
        return json.toString().replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }
}
