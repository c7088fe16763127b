package org.ketaminefaq.chatbot.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Properties;

/**
 * When a classification is trusted. A message is not understood (out of scope, with "did you mean" suggestions) when
 * the best intent's confidence is below {@code threshold} or less than {@code margin} ahead of the next; it is a
 * crisis when the classifier gives the crisis class at least {@code crisisThreshold}, whatever else it says.
 * The values are chosen on the evaluation set when the model is trained ({@link PolicySelector}).
 *
 * @param threshold the lowest confidence that is trusted
 * @param margin how far ahead of the second intent the first must be
 * @param crisisThreshold the crisis-class probability from which a message is treated as a crisis
 */
public record RecognitionPolicy(double threshold, double margin, double crisisThreshold) {

    /** Where the policy chosen during the build lies in the jar. */
    public static final String RESOURCE = "ketamine-faq/model/policy.properties";

    public RecognitionPolicy {
        check("threshold", threshold);
        check("margin", margin);
        check("crisisThreshold", crisisThreshold);
    }

    private static void check(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, but was " + value);
        }
    }

    /** Reads the policy chosen during the build. */
    public static RecognitionPolicy fromClasspath() {
        try (InputStream in = RecognitionPolicy.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath; the build writes it");
            }
            Properties p = new Properties();
            p.load(in);
            return new RecognitionPolicy(number(p, "threshold"), number(p, "margin"), number(p, "crisisThreshold"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RESOURCE, e);
        }
    }

    private static double number(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IllegalStateException(RESOURCE + " has no " + key);
        }
        return Double.parseDouble(value);
    }

    /** Writes the policy as properties. */
    public void save(OutputStream out) throws IOException {
        String text = String.format(Locale.ROOT, "# chosen on the evaluation set when the model was trained%n"
                + "threshold=%.2f%nmargin=%.2f%ncrisisThreshold=%.2f%n", threshold, margin, crisisThreshold);
        out.write(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }
}
