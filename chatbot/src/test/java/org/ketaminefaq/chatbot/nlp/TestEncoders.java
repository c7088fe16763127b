package org.ketaminefaq.chatbot.nlp;

/** Opens the shipped sentence encoder for a test class, with ONNX Runtime's native library where the server puts it. */
final class TestEncoders {

    private TestEncoders() {
    }

    static SentenceEncoder open() {
        if (!NativeLibraries.prepared()) {
            NativeLibraries.prepare(NativeLibraries.defaultDirectory());
        }
        return SentenceEncoder.fromClasspath();
    }
}
