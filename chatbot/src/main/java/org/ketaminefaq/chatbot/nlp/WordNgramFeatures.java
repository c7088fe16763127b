package org.ketaminefaq.chatbot.nlp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * Word unigrams and bigrams. The n-gram lengths are fixed in the class, not passed in, because OpenNLP restores a
 * feature generator from a saved model by its class name and no-argument constructor: parameters would be lost.
 */
public final class WordNgramFeatures implements FeatureGenerator {

    public WordNgramFeatures() {
        // fixed lengths: see the class comment
    }

    @Override
    public Collection<String> extractFeatures(String[] text, Map<String, Object> extraInformation) {
        List<String> features = new ArrayList<>(text.length * 2 + 2);
        String previous = "<s>";
        for (String word : text) {
            features.add("w=" + word);
            features.add("b=" + previous + "_" + word);
            previous = word;
        }
        if (text.length > 0) {
            features.add("b=" + previous + "_</s>");
        }
        return features;
    }
}
