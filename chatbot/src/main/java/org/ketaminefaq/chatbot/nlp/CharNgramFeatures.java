package org.ketaminefaq.chatbot.nlp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * Character 3- to 5-grams inside each word, with word boundaries marked, so that a misspelling the normaliser does
 * not know ("insurnce", "addicitve") still shares most features with the right word. Lengths are fixed in the class
 * for the same reason as in {@link WordNgramFeatures}.
 */
public final class CharNgramFeatures implements FeatureGenerator {

    static final int MIN = 3;
    static final int MAX = 5;

    public CharNgramFeatures() {
        // fixed lengths: see the class comment
    }

    @Override
    public Collection<String> extractFeatures(String[] text, Map<String, Object> extraInformation) {
        List<String> features = new ArrayList<>();
        for (String word : text) {
            String marked = "<" + word + ">";
            for (int n = MIN; n <= MAX; n++) {
                for (int i = 0; i + n <= marked.length(); i++) {
                    features.add("c=" + marked.substring(i, i + n));
                }
            }
        }
        return features;
    }
}
