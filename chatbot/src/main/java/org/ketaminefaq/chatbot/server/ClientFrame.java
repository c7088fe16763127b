package org.ketaminefaq.chatbot.server;

import java.util.Objects;
import org.ketaminefaq.chatbot.dialogue.Reply;

/** One frame a visitor's browser sent, as {@link ProtocolCodec#decode(String)} understood it. */
public sealed interface ClientFrame {

    /** {@code {"type":"message","text":"..."}}: the text goes to the dialogue as it is (it checks the length). */
    record Message(String text) implements ClientFrame {
        public Message {
            Objects.requireNonNull(text, "text");
        }

        // the record's default toString would print what the visitor typed; nothing may, not even by accident
        @Override
        public String toString() {
            return "Message[" + text.length() + " chars]";
        }
    }

    /** {@code {"type":"resume","token":"..."}}: go on from the state a reply's {@code resume} token holds. */
    record Resume(String token) implements ClientFrame {
        public Resume {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public String toString() {
            return "Resume[" + token.length() + " chars]";
        }
    }

    /** {@code {"type":"reset"}}: forget the conversation and start again. */
    record Reset() implements ClientFrame {
    }

    /** A frame that cannot be used: answered with the error reply of {@code code}, and the chat goes on. */
    record Invalid(Reply.ErrorCode code) implements ClientFrame {
        public Invalid {
            Objects.requireNonNull(code, "code");
        }
    }
}
