package org.ketaminefaq.chatbot.dialogue;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ketaminefaq.core.ClinicKnowledge;
import org.ketaminefaq.core.ClinicProfile;
import org.ketaminefaq.core.CrisisResource;
import org.ketaminefaq.core.KnowledgeBase;

/** 988 is a United States line: a clinic elsewhere names its own lines, in the welcome and in every crisis reply. */
class CrisisWordsByCountryTest {

    private static final ClinicProfile UNITED_KINGDOM = ClinicProfile.builder().name("North Star Clinic")
            .crisis(new ClinicProfile.Crisis("GB", "999", List.of(
                    new CrisisResource("Samaritans", "call 116 123, free, day or night", "tel:116123"))))
            .build();

    private static ChatSession chat(ClinicProfile profile) {
        return DialogueEngine.create(ClinicKnowledge.of(KnowledgeBase.load(), profile)).newSession();
    }

    @Test
    void aClinicOutsideTheUnitedStatesNeverTellsAVisitorToCall988() {
        ChatSession chat = chat(UNITED_KINGDOM);
        Reply.Welcome welcome = assertInstanceOf(Reply.Welcome.class, chat.start());
        assertTrue(welcome.text().contains("contact Samaritans (call 116 123"), welcome.text());
        assertTrue(welcome.text().contains("call 999 now"), welcome.text());
        for (String message : List.of("I want to kill myself", "my brother keeps saying he wants to end his life")) {
            Reply.Crisis crisis = assertInstanceOf(Reply.Crisis.class, chat.message(message));
            assertFalse(crisis.text().contains("988"), crisis.text());
            assertTrue(crisis.text().contains("999"), crisis.text());
        }
    }

    @Test
    void aClinicInTheUnitedStatesNames988InTheWelcomeAndTheCrisisReply() {
        ChatSession chat = chat(ClinicProfile.defaultProfile());
        Reply.Welcome welcome = assertInstanceOf(Reply.Welcome.class, chat.start());
        assertTrue(welcome.text().contains("call or text 988, or call 911 now"), welcome.text());
        Reply.Crisis crisis = assertInstanceOf(Reply.Crisis.class, chat.message("I want to kill myself"));
        assertTrue(crisis.text().contains("call or text 988"), crisis.text());
    }
}
