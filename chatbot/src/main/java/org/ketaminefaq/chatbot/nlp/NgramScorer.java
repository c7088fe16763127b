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
 * looking up differs. OpenNLP builds every feature as a string ("w=cost", "b=much_does", "c=<co"...) and hashes it
 * into the model's map, some thirty per word; here the features of a word the model knows (one it saw in training)
 * are looked up once and kept with the word, its character n-grams laid end to end in two arrays, and so are the
 * word pairs of known words that the model has. Words the model does not know are looked up every time and never
 * kept, so nothing a visitor types outlives the message. {@link #of} checks the copy against OpenNLP on a probe and
 * declines a model it would score differently. Thread-safe.
 */
final class NgramScorer {

    private final Map<String, Context> parameters;
    private final int outcomes;
    private final UniformPrior prior;
    /** The words of the model's vocabulary met so far, with their features looked up. */
    private final Map<String, Word> vocabulary = new ConcurrentHashMap<>();
    /** The sentence start, as the "previous word" of a message's first word. */
    private final Word start;

    private NgramScorer(Map<String, Context> parameters, String[] outcomeNames) {
        this.parameters = parameters;
        this.outcomes = outcomeNames.length;
        this.prior = new UniformPrior();
        this.prior.setLabels(outcomeNames, null);
        this.start = new Word(START, null, null);
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
        Word[] words = new Word[tokens.length];
        Word previous = start;
        String previousToken = START;
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            Word word = vocabulary.get(token);
            if (word == null) {
                Context unigram = parameters.get("w=" + token);
                // a word with a "w=" feature was in the training data: keeping its features keeps nothing a
                // visitor typed. Any other word is looked up afresh in every message and never kept.
                word = unigram == null ? null : vocabulary.computeIfAbsent(token, t -> new Word(t, unigram,
                        charFeatures(t)));
            }
            words[i] = word;
            if (word != null) {
                add(scores, word.unigram);
            }
            add(scores, bigram(previous, previousToken, token, word != null));
            previous = word;
            previousToken = token;
        }
        if (tokens.length > 0) {
            add(scores, previous != null ? previous.end : parameters.get("b=" + previousToken + "_" + END));
        }
        // CharNgramFeatures: "c=" and each 3- to 5-gram of "<" word ">", word by word
        for (int i = 0; i < tokens.length; i++) {
            add(scores, words[i] != null ? words[i].chars : charFeatures(tokens[i]));
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

    /**
     * The parameters of "b=" previous "_" token, or null. A word pair the model has, of two vocabulary words, is
     * kept with the first word once looked up (there are at most as many as the model has pair features).
     */
    private Context bigram(Word previous, String previousToken, String token, boolean tokenKnown) {
        if (previous != null) {
            Context kept = previous.successors.get(token);
            if (kept != null) {
                return kept;
            }
        }
        Context found = parameters.get("b=" + previousToken + "_" + token);
        if (found != null && previous != null && tokenKnown) {
            previous.successors.put(token, found);
        }
        return found;
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

    private static void add(double[] scores, WordChars features) {
        int[] featureOutcomes = features.outcomes();
        double[] featureParameters = features.parameters();
        for (int k = 0; k < featureOutcomes.length; k++) {
            scores[featureOutcomes[k]] += featureParameters[k];
        }
    }

    private static final String START = "<s>";
    private static final String END = "</s>";

    /**
     * A word of the model's vocabulary (or the sentence start): its "w=" feature, its character n-grams, its "b="
     * feature with the sentence end, and the word pairs it starts that were met so far.
     */
    private final class Word {
        final Context unigram;
        final WordChars chars;
        final Context end;
        final Map<String, Context> successors = new ConcurrentHashMap<>();

        Word(String word, Context unigram, WordChars chars) {
            this.unigram = unigram;
            this.chars = chars;
            this.end = parameters.get("b=" + word + "_" + END);
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
