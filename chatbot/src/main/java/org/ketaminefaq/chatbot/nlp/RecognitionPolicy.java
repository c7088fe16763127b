package org.ketaminefaq.chatbot.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

/**
 * How the recognizer decides, all chosen by measurement on the development set when the models are trained
 * ({@link PolicySelector}), never on the test set.
 *
 * @param ngramWeight the n-gram model's share of the blended probabilities; the semantic model has the rest
 * @param threshold the lowest confidence that is trusted; below it a message is not understood
 * @param margin how far ahead of the second intent the first must be
 * @param crisisThreshold the crisis class's probability from which a message is a personal crisis, whatever else
 * @param someoneElseThreshold the someone-at-risk class's probability from which a message is about another person
 *                             at risk
 * @param otherTreatmentsOutOfScope whether a message about another named treatment with nothing about ketamine is out
 *                                  of scope ({@link OtherTreatments})
 */
public record RecognitionPolicy(double ngramWeight, double threshold, double margin, double crisisThreshold,
                                double someoneElseThreshold, boolean otherTreatmentsOutOfScope) {

    /** Where the policy chosen during the build lies in the jar. */
    public static final String RESOURCE = "ketamine-faq/model/policy.properties";

    public RecognitionPolicy {
        check("ngramWeight", ngramWeight);
        check("threshold", threshold);
        check("margin", margin);
        check("crisisThreshold", crisisThreshold);
        check("someoneElseThreshold", someoneElseThreshold);
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
            return new RecognitionPolicy(number(p, "ngramWeight"), number(p, "threshold"), number(p, "margin"),
                    number(p, "crisisThreshold"), number(p, "someoneElseThreshold"),
                    Boolean.parseBoolean(value(p, "otherTreatmentsOutOfScope")));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RESOURCE, e);
        }
    }

    private static double number(Properties p, String key) {
        String value = value(p, key);
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(RESOURCE + ": " + key + " is \"" + value + "\"; expected a number", e);
        }
    }

    private static String value(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IllegalStateException(RESOURCE + " has no " + key);
        }
        return value;
    }

    /** Writes the policy as properties. */
    public void save(OutputStream out) throws IOException {
        String text = String.format(Locale.ROOT, "# chosen on the development set when the models were trained%n"
                        + "ngramWeight=%.2f%nthreshold=%.2f%nmargin=%.2f%ncrisisThreshold=%.2f%n"
                        + "someoneElseThreshold=%.2f%notherTreatmentsOutOfScope=%b%n", ngramWeight, threshold, margin,
                crisisThreshold, someoneElseThreshold, otherTreatmentsOutOfScope);
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
