package org.ketaminefaq.chatbot.nlp;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.ml.ArrayMath;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.UniformPrior;

/**
 * Scores a message's tokens with a model of the product's features ({@link WordNgramFeatures} then
 * {@link CharNgramFeatures}) and gives exactly the probabilities {@link DocumentCategorizerME#categorize} gives,
 * bit for bit, in less time. It adds up the same features' parameters in the same order as
 * {@link ArrayMath#sumFeatures}, from the same uniform prior, and normalises them as {@link GISModel} does; only the
 * looking up differs. A message's features are mostly the character n-grams of its words: for a word the model knows
 * (one it saw in training) they are looked up once and kept, laid end to end, rather than built as some twenty
 * strings, hashed and looked up again in every message. Words the model does not know are looked up every time and
 * never kept, so nothing a visitor types outlives the message. {@link #of} checks the copy against OpenNLP on a probe
 * and declines a model it would score differently. Thread-safe.
 */
final class NgramScorer {

    private final Map<String, Context> parameters;
    private final int outcomes;
    private final UniformPrior prior;
    /** The character n-gram parameters of words in the model's vocabulary, in feature order, unknown ones left out. */
    private final Map<String, WordChars> knownWordChars = new ConcurrentHashMap<>();

    private NgramScorer(Map<String, Context> parameters, String[] outcomeNames) {
        this.parameters = parameters;
        this.outcomes = outcomeNames.length;
        this.prior = new UniformPrior();
        this.prior.setLabels(outcomeNames, null);
    }

    /**
     * A scorer for {@code model}, when it is a maximum-entropy model of exactly the product's features and scores a
     * probe the same as OpenNLP; otherwise empty, and the caller uses OpenNLP's categorizer.
     */
    static Optional<NgramScorer> of(DoccatModel model) {
        FeatureGenerator[] generators = model.getFactory().getFeatureGenerators();
        if (generators.length != 2 || generators[0].getClass() != WordNgramFeatures.class
                || generators[1].getClass() != CharNgramFeatures.class
                || !(model.getMaxentModel() instanceof GISModel gis)) {
            return Optional.empty();
        }
        Object[] data = gis.getDataStructures();
        if (!(data[1] instanceof Map<?, ?> map) || !(data[2] instanceof String[] outcomeNames)) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        Map<String, Context> parameters = (Map<String, Context>) map;
        NgramScorer scorer = new NgramScorer(parameters, outcomeNames);
        // a model whose prior or evaluation differs from what is copied here is left to OpenNLP
        String[] probe = {"how", "much", "does", "ketamine", "cost", "zzqx"};
        double[] expected = new DocumentCategorizerME(model).categorize(probe);
        double[] actual = scorer.score(probe);
        return Arrays.equals(expected, actual) ? Optional.of(scorer) : Optional.empty();
    }

    /** The probability of each outcome, in the model's outcome order, as {@link DocumentCategorizerME} gives it. */
    double[] score(String[] tokens) {
        // GISModel.eval: the uniform log prior, plus each known feature's parameters in the generators' order
        // (ArrayMath.sumFeatures adds parameter * 1.0, which is the parameter itself), then exp and normalise
        double[] scores = new double[outcomes];
        prior.logPrior(scores, (int[]) null);
        // WordNgramFeatures: "w=" word and "b=" previous "_" word for each word, then "b=" last "_</s>"
        WordChars[] chars = new WordChars[tokens.length];
        String previous = "<s>";
        for (int i = 0; i < tokens.length; i++) {
            String word = tokens[i];
            Context unigram = parameters.get("w=" + word);
            add(scores, unigram);
            add(scores, parameters.get("b=" + previous + "_" + word));
            previous = word;
            // a word with a "w=" feature was in the training data, so keeping its n-grams keeps nothing a visitor typed
            chars[i] = unigram != null ? knownWordChars.computeIfAbsent(word, this::charFeatures) : charFeatures(word);
        }
        if (tokens.length > 0) {
            add(scores, parameters.get("b=" + previous + "_</s>"));
        }
        // CharNgramFeatures: "c=" and each 3- to 5-gram of "<" word ">", word by word
        for (WordChars word : chars) {
            int[] wordOutcomes = word.outcomes();
            double[] wordParameters = word.parameters();
            for (int k = 0; k < wordOutcomes.length; k++) {
                scores[wordOutcomes[k]] += wordParameters[k];
            }
        }
        double normal = 0.0;
        for (int o = 0; o < outcomes; o++) {
            scores[o] = StrictMath.exp(scores[o]);
            normal += scores[o];
        }
        for (int o = 0; o < outcomes; o++) {
            scores[o] /= normal;
        }
        return scores;
    }

    /** What ArrayMath.sumFeatures adds for one feature; nothing for a feature the model does not have. */
    private static void add(double[] scores, Context feature) {
        if (feature != null) {
            int[] featureOutcomes = feature.getOutcomes();
            double[] featureParameters = feature.getParameters();
            for (int k = 0; k < featureOutcomes.length; k++) {
                scores[featureOutcomes[k]] += featureParameters[k];
            }
        }
    }

    /**
     * A word's character n-grams that the model has, in {@link CharNgramFeatures}'s order, with their outcomes and
     * parameters laid end to end in two arrays, so that adding them up reads memory in one sweep.
     */
    private record WordChars(int[] outcomes, double[] parameters) {
    }

    private WordChars charFeatures(String word) {
        int length = word.length() + 2;
        char[] key = new char[2 + CharNgramFeatures.MAX];
        key[0] = 'c';
        key[1] = '=';
        Context[] found = new Context[3 * length];
        int n = 0;
        int total = 0;
        for (int size = CharNgramFeatures.MIN; size <= CharNgramFeatures.MAX; size++) {
            for (int start = 0; start + size <= length; start++) {
                for (int k = 0; k < size; k++) {
                    int at = start + k;
                    key[2 + k] = at == 0 ? '<' : at == length - 1 ? '>' : word.charAt(at - 1);
                }
                Context c = parameters.get(new String(key, 0, 2 + size));
                if (c != null) {
                    found[n++] = c;
                    total += c.getOutcomes().length;
                }
            }
        }
        int[] wordOutcomes = new int[total];
        double[] wordParameters = new double[total];
        int at = 0;
        for (int i = 0; i < n; i++) {
            int[] o = found[i].getOutcomes();
            System.arraycopy(o, 0, wordOutcomes, at, o.length);
            System.arraycopy(found[i].getParameters(), 0, wordParameters, at, o.length);
            at += o.length;
        }
        return new WordChars(wordOutcomes, wordParameters);
    }
}
