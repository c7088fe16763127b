package org.ketaminefaq.chatbot.dialogue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.ketaminefaq.chatbot.nlp.Intent;
import org.ketaminefaq.chatbot.nlp.IntentScore;
import org.ketaminefaq.chatbot.nlp.Recognition;
import org.ketaminefaq.chatbot.nlp.TextNormalizer;
import org.ketaminefaq.chatbot.nlp.TwoQuestions;
import org.ketaminefaq.core.Citation;
import org.ketaminefaq.core.CrisisResource;
import org.ketaminefaq.core.TreatmentForm;
import org.ketaminefaq.core.eligibility.Assessment;
import org.ketaminefaq.core.eligibility.Diagnosis;
import org.ketaminefaq.core.eligibility.ScreeningAnswers;
import org.ketaminefaq.core.eligibility.ScreeningField;
import org.ketaminefaq.core.eligibility.ScreeningGuide;
import org.ketaminefaq.core.eligibility.Verdict;

/**
 * One visitor's conversation. Not thread-safe: the transport hands it one message at a time, in order. It keeps only
 * what the conversation needs (the screening answers so far, the treatment form last named) and nothing outlives it.
 *
 * <p>Crisis outranks everything, in every state. The eligibility intent starts the screening: one question per
 * field, answered by button or free text; "stop" leaves it; a question about something else is answered and the
 * screening resumes. The verdict comes from the core rules, never from here.
 */
public final class ChatSession {

    private static final Pattern STOP = Pattern.compile(
            "^(stop|cancel|quit|exit|end|stop it|stop please|please stop|stop the questions|cancel the questions"
                    + "|never mind|nevermind|forget it|i want to stop)$");
    private static final Pattern FINISHED = Pattern.compile(
            "^(done|no|nope|nothing else|that is all|that is it|thats all|thats it|finished|no more|none)$");
    private static final Pattern SHOW_RESULT = Pattern.compile(
            "^(yes|yeah|yep|ok|okay|sure|please|go ahead|show( me)?( my| the)? results?|see( my| the)? results?"
                    + "|my results?|results?)\\b");
    private static final Pattern NOT_NOW = Pattern.compile("^(no|nope|nah|not now|no thanks|no thank you)\\b");
    private static final Pattern HELP = Pattern.compile("^(help|help me|help please|please help|menu|options|\\?+)$");
    /** What only makes sense as the answer to a screening question: "no", "3", "under 18". */
    private static final Pattern BARE_ANSWER = Pattern.compile("^(yes|yeah|yep|yup|no|nope|nah|not sure|unsure|maybe"
            + "|prefer not to say|done|none|none of these|\\d{1,3}( or more)?|under 18|18 to 24|25 to 64|65 or older)$");
    private static final List<ScreeningField> ORDER = List.of(ScreeningField.values());
    /** Asks about treatment in general, so the form named before no longer applies. */
    private static final Pattern IN_GENERAL = Pattern.compile(
            "\\b(in general|generally|overall|in any form|any form|all forms|all the forms|regardless of (the )?form)\\b");
    /** "what about the nasal spray?": the topic before, for another form. */
    private static final Pattern WHAT_ABOUT = Pattern.compile(
            "^(and |so |ok |okay )?(what about|how about|what of|same for|and for|and with|and the|and|for)\\b");
    /** "how long do they last?": a plural that points back to the side effects just named. */
    private static final Pattern THEY = Pattern.compile("\\b(they|them|those|these)\\b");
    /** What a short follow-up with "they" is recognised as when it asks about the side effects named before. */
    private static final Set<Intent> ABOUT_SIDE_EFFECTS = EnumSet.of(Intent.EFFECT_DURATION, Intent.SESSION_LENGTH,
            Intent.ONSET, Intent.SIDE_EFFECTS, Intent.SAFETY, Intent.OUT_OF_SCOPE);
    /**
     * Below this confidence a message that is not understood gets the most asked topics; at or above it, unless the
     * out-of-scope class is likelier or a likeliest topic is small talk, the two likeliest as "do you mean" buttons.
     * On the development set, 59 of 66 in-scope messages turned away had their intent among the two likeliest at 0.08
     * or more, 4 more below it, where out-of-scope messages are most of them.
     */
    private static final double CLARIFY_FLOOR = 0.08;
    /**
     * A recognised message whose second likeliest topic has at least this share of the first's confidence is a close
     * call, and the visitor is asked which of the two is meant. Chosen on the development set as the lowest share at
     * which the two buttons hold the right topic for 98% of the messages asked about: 104 of 3,445 recognised messages
     * (3.0%) were this close; the first topic was right for 81, the second for 21, neither for 2. Answering would have
     * been wrong for 23 of them; asking puts the right answer one tap away for 102.
     */
    private static final double CLOSE_CALL = 0.7;
    private static final List<Intent> MOST_ASKED = List.of(Intent.WHAT_IS_KETAMINE, Intent.COST, Intent.SAFETY);
    /** The topics asked about most for one treatment form, offered when a form is named with no topic. */
    private static final List<Intent> FORM_TOPICS = List.of(Intent.COST, Intent.SESSION_LENGTH,
            Intent.TREATMENT_COURSE);
    /** A greeting in front of a question: "hi, how much is it?" */
    private static final Pattern GREETING_FIRST = Pattern.compile("^(?i)(hi|hello|hey|hiya|howdy|good (morning|afternoon"
            + "|evening)|greetings)( there| all| team)?[,!.:;\\s-]+(?<question>.{8,})$", Pattern.DOTALL);
    /** What two questions in one message may each be: questions with answers, not greetings or a screening. */
    private static final Set<Intent> NOT_ONE_OF_TWO = EnumSet.of(Intent.ELIGIBILITY, Intent.GREETING, Intent.THANKS,
            Intent.GOODBYE, Intent.BOT_IDENTITY);
    /**
     * What a visitor worried about someone else may also be told in the same reply, after the resources: what
     * ketamine is and does, never what it costs, how to book, or a screening, which would be selling beside a crisis.
     */
    private static final Set<Intent> ANSWERED_BESIDE_SOMEONE_ELSES_CRISIS = EnumSet.of(Intent.WHAT_IS_KETAMINE,
            Intent.HOW_IT_WORKS, Intent.CONDITIONS_TREATED, Intent.EFFECTIVENESS, Intent.ONSET, Intent.EFFECT_DURATION,
            Intent.TREATMENT_COURSE, Intent.SESSION_EXPERIENCE, Intent.SIDE_EFFECTS, Intent.ADDICTION_RISK,
            Intent.SAFETY, Intent.CONTRAINDICATIONS, Intent.TREATMENT_OPTIONS, Intent.THERAPY_INTEGRATION,
            Intent.LEGALITY);

    private final DialogueEngine engine;
    private Optional<TreatmentForm> form = Optional.empty();
    /** The topic last answered, so that "what about the nasal spray?" and "how long do they last?" follow it. */
    private Optional<Intent> lastTopic = Optional.empty();
    private Optional<Screening> screening = Optional.empty();
    /**
     * The answers whose result is held back after the visitor reported thoughts of suicide: shown only if they ask for
     * it next.
     */
    private Optional<ScreeningAnswers> resultOnRequest = Optional.empty();

    /** A screening in progress: the answers so far and the question waiting for an answer. */
    private static final class Screening {
        ScreeningAnswers answers = ScreeningAnswers.none();
        int pending;
        final Set<Diagnosis> diagnosesPicked = EnumSet.noneOf(Diagnosis.class);

        ScreeningField field() {
            return ORDER.get(pending);
        }
    }

    ChatSession(DialogueEngine engine) {
        this.engine = engine;
    }

    /** The welcome that opens the conversation. */
    public Reply.Welcome start() {
        Messages.Welcome w = engine.messages().welcome();
        return new Reply.Welcome(withCrisisNumbers(w.text()), w.quickReplies(), withCrisisNumbers(w.disclaimer()));
    }

    /**
     * What the conversation remembers between messages, for a client to hold (encrypted) and present again on a new
     * connection: see {@link #resume}.
     */
    public ConversationState state() {
        return new ConversationState(form, lastTopic, screening.map(Screening::field),
                screening.map(s -> s.answers).or(() -> resultOnRequest).orElse(ScreeningAnswers.none()),
                screening.map(s -> Set.copyOf(s.diagnosesPicked)).orElse(Set.of()), resultOnRequest.isPresent());
    }

    /** Goes on from a state that {@link #state()} gave: the next message is taken as if nothing had happened. */
    public void resume(ConversationState state) {
        form = state.form();
        lastTopic = state.lastTopic();
        screening = state.pendingQuestion().map(field -> {
            Screening s = new Screening();
            s.answers = state.answers();
            s.pending = ORDER.indexOf(field);
            s.diagnosesPicked.addAll(state.diagnosesPicked());
            return s;
        });
        resultOnRequest = state.resultOnRequest() ? Optional.of(state.answers()) : Optional.empty();
    }

    /** Forgets the conversation and starts again. */
    public Reply.Welcome reset() {
        form = Optional.empty();
        lastTopic = Optional.empty();
        screening = Optional.empty();
        resultOnRequest = Optional.empty();
        return start();
    }

    /** The reply to a visitor's message; the text is checked here for being empty or too long. */
    public Reply message(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            return engine.error(Reply.ErrorCode.EMPTY_TEXT);
        }
        if (trimmed.codePointCount(0, trimmed.length()) > engine.maxMessageLength()) {
            Reply.Error error = engine.error(Reply.ErrorCode.TOO_LONG);
            return new Reply.Error(error.code(), error.text().replace("{max}",
                    String.format(Locale.US, "%,d", engine.maxMessageLength())));
        }
        String normalized = TextNormalizer.normalize(trimmed);
        Recognition recognition = engine.recognizer().recognize(trimmed);
        if (recognition instanceof Recognition.Crisis c && !isScreeningAnswer(c, normalized)) {
            screening = Optional.empty();
            resultOnRequest = Optional.empty();
            return crisis(c, normalized);
        }
        if (resultOnRequest.isPresent()) {
            Assessment held = engine.rules().assess(resultOnRequest.get());
            resultOnRequest = Optional.empty();
            Optional<Reply> chosen = resultOrStop(held, normalized);
            if (chosen.isPresent()) {
                return chosen.get();
            }
        }
        if (IN_GENERAL.matcher(normalized).find()) {
            form = Optional.empty();
        }
        Optional<TreatmentForm> named = FormDetector.detect(normalized);
        named.ifPresent(f -> form = Optional.of(f));
        if (screening.isPresent()) {
            return continueScreening(screening.get(), normalized, trimmed, recognition);
        }
        if (HELP.matcher(normalized).matches()) {
            // "help" may come from someone in distress as much as from someone lost: the menu shows the lines too
            Messages.Prompt help = engine.messages().help();
            return new Reply.AnswerReply(Intent.BOT_IDENTITY, OptionalDouble.empty(), help.text(), List.of(),
                    help.quickReplies(), crisisResources());
        }
        if (BARE_ANSWER.matcher(normalized).matches()) {
            // no question is waiting (the page may have been reloaded mid-screening): "no" is not a goodbye
            Messages.Prompt unasked = engine.messages().unaskedAnswer();
            return new Reply.AnswerReply(Intent.ELIGIBILITY, OptionalDouble.empty(), unasked.text(), List.of(),
                    unasked.quickReplies(), List.of());
        }
        Optional<Intent> followed = followUp(normalized, named, recognition);
        if (followed.isPresent()) {
            return answer(followed.get(), OptionalDouble.empty(), false);
        }
        if (named.isPresent() && isShortFollowUp(normalized)
                && lastTopic.map(t -> !engine.answers().hasFormVariants(t)).orElse(true)) {
            // "what about the nasal spray?" with no topic before it that has figures by form: ask which topic
            return new Reply.Fallback(0, engine.messages().whichTopic().replace("{form}", named.get().label()),
                    suggestions(FORM_TOPICS), List.of());
        }
        Optional<Recognition.Understood> afterGreeting = questionAfterGreeting(trimmed, recognition);
        if (afterGreeting.isPresent()) {
            return answer(afterGreeting.get(), normalized);
        }
        // the narrower question the whole message asks: then a part of it alone, cut before its cue, is not the
        // question ("what's the difference between your ketamine and what people buy from a dealer?")
        Optional<SpecificQuestion> specific = recognition instanceof Recognition.Understood u
                ? SpecificQuestion.find(u, normalized) : Optional.empty();
        Optional<Reply> both = twoQuestions(trimmed, specific.isPresent());
        if (both.isPresent()) {
            return both.get();
        }
        if (recognition instanceof Recognition.Understood u) {
            if (specific.isPresent()) {
                return reply(engine.answers().compose(specific.get()), OptionalDouble.of(u.confidence()),
                        u.crisisTopic());
            }
            Optional<Intent> close = closeSecond(u);
            if (close.isPresent()) {
                return clarify(u.confidence(), u.intent(), close.get());
            }
            return u.intent() == Intent.ELIGIBILITY ? startScreening() : answer(u, normalized);
        }
        return fallback((Recognition.NotUnderstood) recognition, normalized);
    }

    /**
     * Whether a message the classifiers alone took for a crisis is the answer to the screening's question: they read
     * "I've tried three" without the question it answers ("how many antidepressants have you tried?"), and the
     * answer is what the visitor meant. A crisis phrase of the lexicon is never taken for an answer.
     */
    private boolean isScreeningAnswer(Recognition.Crisis c, String normalized) {
        return !c.byLexicon() && screening.isPresent() && ScreeningAnswerParser.parse(screening.get().field(),
                normalized) instanceof ScreeningAnswerParser.Parsed.Answer;
    }

    private Reply.Crisis crisis(Recognition.Crisis c, String normalized) {
        Intent words = c.concern() == Recognition.Concern.SELF ? Intent.CRISIS : Intent.SOMEONE_AT_RISK;
        String text = engine.answers().compose(words, Optional.empty()).text();
        if (c.spanish()) {
            text = spanishHelp() + "\n\n" + text;
        }
        Optional<Answer> asked = c.question().map(q -> answerTo(q, normalized))
                .filter(a -> ANSWERED_BESIDE_SOMEONE_ELSES_CRISIS.contains(a.intent()));
        if (c.concern() == Recognition.Concern.SOMEONE_ELSE && asked.isPresent()) {
            Answer answer = asked.get();
            return new Reply.Crisis(c.concern(), text + "\n\n" + answer.text(), crisisResources(), List.of(),
                    answer.sources());
        }
        return new Reply.Crisis(c.concern(), text, crisisResources());
    }

    /** The Spanish notice and where help in Spanish is, for this clinic's country. */
    private String spanishHelp() {
        Messages.Spanish spanish = engine.messages().spanish();
        return spanish.notice() + " " + withCrisisNumbers(inUnitedStates() ? spanish.usHelp() : spanish.otherHelp());
    }

    private Reply.AnswerReply answer(Recognition.Understood u, String normalized) {
        return reply(answerTo(u, normalized), OptionalDouble.of(u.confidence()), u.crisisTopic());
    }

    private Reply.AnswerReply answer(Intent intent, OptionalDouble confidence, boolean crisisTopic) {
        return reply(engine.answers().compose(intent, form), confidence, crisisTopic);
    }

    private Reply.AnswerReply reply(Answer a, OptionalDouble confidence, boolean crisisTopic) {
        lastTopic = Optional.of(a.intent());
        return new Reply.AnswerReply(a.intent(), confidence, a.text(), a.sources(), a.quickReplies(),
                crisisTopic ? crisisResources() : List.of());
    }

    /**
     * The answer to a message recognised as {@code intent}: the answer to the specific question it asks within that
     * topic ("can I take it with Lexapro?"), or else the topic's answer for the treatment form talked about.
     */
    private Answer answerTo(Recognition.Understood u, String normalized) {
        return SpecificQuestion.find(u, normalized).map(engine.answers()::compose)
                .orElseGet(() -> engine.answers().compose(u.intent(), form));
    }

    /**
     * The topic a short follow-up points back to: the topic before for another form ("what about the nasal
     * spray?"), or the side effects just named ("how long do they last?"). Empty when it is a question of its own.
     */
    private Optional<Intent> followUp(String normalized, Optional<TreatmentForm> named, Recognition recognition) {
        if (lastTopic.isEmpty()) {
            return Optional.empty();
        }
        int words = normalized.split(" ").length;
        Intent before = lastTopic.get();
        if (named.isPresent() && isShortFollowUp(normalized) && engine.answers().hasFormVariants(before)) {
            return lastTopic;
        }
        boolean asksAboutThem = recognition instanceof Recognition.Understood u ? ABOUT_SIDE_EFFECTS.contains(u.intent())
                : recognition instanceof Recognition.NotUnderstood n && !n.spanish();
        if (before == Intent.SIDE_EFFECTS && words <= 8 && THEY.matcher(normalized).find() && asksAboutThem) {
            return lastTopic;
        }
        return Optional.empty();
    }

    /** "what about the nasal spray?", "and for IM": a few words that point back to the topic before. */
    private static boolean isShortFollowUp(String normalized) {
        return normalized.split(" ").length <= 6 && WHAT_ABOUT.matcher(normalized).find();
    }

    /** The question after a greeting ("hi, how much is it?"), when the whole reads as a greeting or is not understood. */
    private Optional<Recognition.Understood> questionAfterGreeting(String text, Recognition recognition) {
        Matcher m = GREETING_FIRST.matcher(text);
        boolean readAsGreeting = recognition instanceof Recognition.NotUnderstood
                || recognition instanceof Recognition.Understood u && u.intent() == Intent.GREETING;
        if (!readAsGreeting || !m.matches()) {
            return Optional.empty();
        }
        return Optional.of(engine.recognizer().recognize(m.group("question")))
                .filter(r -> r instanceof Recognition.Understood u && !NOT_ONE_OF_TWO.contains(u.intent()))
                .map(Recognition.Understood.class::cast);
    }

    /**
     * Two questions in one message, each answered in the order asked; when only one of them is understood, that one,
     * saying which part was answered. Empty when the message does not ask two, or neither part is understood.
     */
    /** One understood part of a two-part message, and its answer. */
    private record Part(Recognition.Understood understood, Answer answer) {
    }

    private Optional<Reply> twoQuestions(String text, boolean wholeAsksASpecificQuestion) {
        Optional<List<String>> parts = TwoQuestions.split(text);
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        List<Recognition> recognised = parts.get().stream().map(engine.recognizer()::recognize).toList();
        for (int i = 0; i < recognised.size(); i++) {
            if (recognised.get(i) instanceof Recognition.Crisis c) {
                return Optional.of(crisis(c, TextNormalizer.normalize(parts.get().get(i))));
            }
        }
        List<Part> answered = new ArrayList<>();
        for (int i = 0; i < recognised.size(); i++) {
            if (recognised.get(i) instanceof Recognition.Understood u && !NOT_ONE_OF_TWO.contains(u.intent())) {
                answered.add(new Part(u, answerTo(u, TextNormalizer.normalize(parts.get().get(i)))));
            }
        }
        if (answered.size() == 2 && !answered.get(0).answer().text().equals(answered.get(1).answer().text())) {
            Answer first = answered.get(0).answer();
            Answer second = answered.get(1).answer();
            List<Citation> sources = new ArrayList<>(first.sources());
            second.sources().stream().filter(c -> !sources.contains(c)).forEach(sources::add);
            boolean crisisTopic = answered.stream().anyMatch(p -> p.understood().crisisTopic());
            lastTopic = Optional.of(second.intent());
            return Optional.of(new Reply.AnswerReply(first.intent(), OptionalDouble.of(Math.min(
                    answered.get(0).understood().confidence(), answered.get(1).understood().confidence())),
                    TwoPartReply.text(first, second), sources, first.quickReplies(),
                    crisisTopic ? crisisResources() : List.of()));
        }
        boolean otherNotUnderstood = recognised.stream().anyMatch(r -> r instanceof Recognition.NotUnderstood);
        if (answered.size() == 1 && otherNotUnderstood && !wholeAsksASpecificQuestion) {
            Recognition.Understood one = answered.get(0).understood();
            Reply.AnswerReply reply = reply(answered.get(0).answer(), OptionalDouble.of(one.confidence()),
                    one.crisisTopic());
            String note = engine.messages().onePartAnswered().replace("{topic}", engine.answers().label(one.intent()));
            return Optional.of(new Reply.AnswerReply(reply.intent(), reply.confidence(), reply.text() + "\n\n" + note,
                    reply.sources(), reply.quickReplies(), reply.resources()));
        }
        return Optional.empty();
    }

    private Reply fallback(Recognition.NotUnderstood n, String normalized) {
        if (n.spanish()) {
            return new Reply.Fallback(n.confidence(), spanishHelp(), List.of(), crisisResources());
        }
        Optional<SpecificQuestion> specific = n.subtopic().flatMap(SpecificQuestion::byId);
        if (specific.isEmpty() && !n.outOfScopeLikeliest() && !n.suggestions().isEmpty()) {
            // the words name a narrower question of the likeliest topic ("is ketamine the same as special K?")
            specific = SpecificQuestion.findWhenUnsure(n.suggestions().get(0).intent(), normalized);
        }
        if (specific.isPresent()) {
            // unsure of the topic, but sure of the narrower question it asks
            return reply(engine.answers().compose(specific.get()), OptionalDouble.of(n.confidence()), false);
        }
        if (n.confidence() >= CLARIFY_FLOOR && !n.outOfScopeLikeliest() && n.suggestions().size() >= 2
                && n.suggestions().stream().limit(2).noneMatch(s -> NOT_ONE_OF_TWO.contains(s.intent()))) {
            // unsure between topics: ask which of the two likeliest is meant rather than guess
            return clarify(n.confidence(), n.suggestions().get(0).intent(), n.suggestions().get(1).intent());
        }
        // no idea what is meant: the topics visitors ask about most, not three unlikely guesses
        Answer outOfScope = engine.answers().compose(Intent.OUT_OF_SCOPE, Optional.empty());
        return new Reply.Fallback(n.confidence(), outOfScope.text(), suggestions(MOST_ASKED), List.of());
    }

    /**
     * The runner-up of a close call: a topic nearly as likely as the one recognised, such that asking which is meant
     * serves the visitor better than guessing.
     */
    private static Optional<Intent> closeSecond(Recognition.Understood u) {
        return u.runnerUp().filter(r -> !u.crisisTopic() && r.confidence() >= CLOSE_CALL * u.confidence()
                && !NOT_ONE_OF_TWO.contains(u.intent()) && !NOT_ONE_OF_TWO.contains(r.intent()))
                .map(IntentScore::intent);
    }

    /** "Do you mean X or Y?", with the two as buttons. */
    private Reply.Fallback clarify(double confidence, Intent first, Intent second) {
        List<Reply.Suggestion> two = suggestions(List.of(first, second));
        String text = engine.messages().clarify().replace("{first}", two.get(0).label())
                .replace("{second}", two.get(1).label());
        return new Reply.Fallback(confidence, text, two, List.of());
    }

    /** Topics as buttons, each with its label. */
    private List<Reply.Suggestion> suggestions(List<Intent> intents) {
        return intents.stream().map(i -> new Reply.Suggestion(i, engine.answers().label(i))).toList();
    }

    private Reply startScreening() {
        Screening s = new Screening();
        screening = Optional.of(s);
        String intro = engine.answers().compose(Intent.ELIGIBILITY, Optional.empty()).text();
        return question(s, intro);
    }

    private static final Pattern QUESTION_START = Pattern.compile("^(what|whats|how|why|when|where|who|which|is|are|can"
            + "|could|do|does|did|will|would|should|may|tell me|explain|and|but|also|wait)\\b");

    /**
     * Whether a message that is not an answer to the pending question asks something else: it has a question mark,
     * starts the way a question does, or is long enough to be one.
     */
    private static boolean looksLikeAQuestion(String normalized, String text) {
        return text.contains("?") || QUESTION_START.matcher(normalized).find() || normalized.split(" ").length >= 6;
    }

    private Reply continueScreening(Screening s, String normalized, String text, Recognition recognition) {
        if (STOP.matcher(normalized).matches()) {
            screening = Optional.empty();
            Messages.Screening m = engine.messages().screening();
            return new Reply.AnswerReply(Intent.ELIGIBILITY, OptionalDouble.empty(), m.stopped(), List.of(),
                    m.stopQuickReplies(), List.of());
        }
        ScreeningField field = s.field();
        if (field == ScreeningField.DIAGNOSES) {
            Optional<Reply> picked = pickDiagnosis(s, normalized);
            if (picked.isPresent()) {
                return picked.get();
            }
        }
        ScreeningAnswerParser.Parsed parsed = ScreeningAnswerParser.parse(field, normalized);
        if (parsed instanceof ScreeningAnswerParser.Parsed.Answer answer) {
            s.answers = answer.recordedIn(s.answers, field);
            return field == ScreeningField.SUICIDAL_THOUGHTS && answer.equals(new ScreeningAnswerParser.Parsed.YesNo(true))
                    ? supportFirst(s) : next(s);
        }
        if (parsed instanceof ScreeningAnswerParser.Parsed.Unsure) {
            return next(s);
        }
        if (recognition instanceof Recognition.Understood u && u.intent().inScope() && u.intent() != Intent.ELIGIBILITY
                && looksLikeAQuestion(normalized, text)) {
            return answerThenResume(s, u, normalized);
        }
        // an answer the screening cannot read ("3" to a yes-or-no question) is asked again, with its buttons,
        // rather than taken for a question about something else
        return question(s, engine.messages().screening().notUnderstood());
    }

    /**
     * The diagnosis question offers one button per diagnosis: a tap on one adds it and asks for more until "Done";
     * a typed answer naming diagnoses answers the question at once.
     */
    private Optional<Reply> pickDiagnosis(Screening s, String normalized) {
        Messages.Screening m = engine.messages().screening();
        if (normalized.equals(TextNormalizer.normalize(m.doneLabel()))
                || (!s.diagnosesPicked.isEmpty() && FINISHED.matcher(normalized).matches())) {
            if (s.diagnosesPicked.isEmpty()) {
                return Optional.of(question(s, engine.messages().screening().notUnderstood()));
            }
            s.answers = s.answers.withDiagnoses(s.diagnosesPicked);
            return Optional.of(next(s));
        }
        List<String> labels = question(s.field()).quickReplies();
        boolean tappedOne = labels.stream().map(TextNormalizer::normalize).anyMatch(normalized::equals)
                && !normalized.equals(TextNormalizer.normalize(m.noneLabel()));
        if (!tappedOne) {
            return Optional.empty();
        }
        ScreeningAnswerParser.diagnoses(normalized).ifPresent(s.diagnosesPicked::addAll);
        String picked = s.diagnosesPicked.stream().map(d -> labelOf(d, labels)).collect(Collectors.joining(", "));
        ScreeningGuide.Question q = question(ScreeningField.DIAGNOSES);
        return Optional.of(new Reply.Question(ScreeningField.DIAGNOSES, m.diagnosisAdded().replace("{diagnoses}", picked),
                q.quickReplies(), step(ScreeningField.DIAGNOSES), ORDER.size()));
    }

    private static String labelOf(Diagnosis d, List<String> labels) {
        return labels.stream().filter(l -> ScreeningAnswerParser.diagnoses(TextNormalizer.normalize(l))
                .map(set -> set.equals(EnumSet.of(d))).orElse(false)).findFirst().orElse(d.id());
    }

    private Reply answerThenResume(Screening s, Recognition.Understood u, String normalized) {
        Answer a = answerTo(u, normalized);
        lastTopic = Optional.of(a.intent());
        ScreeningGuide.Question q = question(s.field());
        String text = a.text() + "\n\n" + engine.messages().screening().resume() + " " + q.text();
        return new Reply.AnswerReply(a.intent(), OptionalDouble.of(u.confidence()), text, a.sources(),
                q.quickReplies(), u.crisisTopic() ? crisisResources() : List.of());
    }

    private Reply next(Screening s) {
        s.pending++;
        if (s.pending < ORDER.size()) {
            return question(s, "");
        }
        screening = Optional.empty();
        return result(engine.rules().assess(s.answers), s.answers);
    }

    /**
     * A "yes" to thoughts of suicide ends the questions with support and nothing else: no verdict and nothing to book
     * beside the crisis lines. The visitor then chooses to see the result or to stop.
     */
    private Reply.Crisis supportFirst(Screening s) {
        screening = Optional.empty();
        resultOnRequest = Optional.of(s.answers);
        Messages.ScreeningSupport m = engine.messages().screeningSupport();
        return new Reply.Crisis(Recognition.Concern.SELF, withCrisisNumbers(m.reported()) + "\n\n" + m.choice(),
                crisisResources(), List.of(m.showResultLabel(), m.stopLabel()), List.of());
    }

    /** The held result, or stopping, when the message after the support reply chooses one; else nothing. */
    private Optional<Reply> resultOrStop(Assessment held, String normalized) {
        Messages.ScreeningSupport m = engine.messages().screeningSupport();
        if (normalized.equals(TextNormalizer.normalize(m.showResultLabel())) || SHOW_RESULT.matcher(normalized).find()) {
            return Optional.of(new Reply.Result(held, engine.messages().verdict(held.verdict()),
                    m.resultQuickReplies(), held.resources()));
        }
        if (normalized.equals(TextNormalizer.normalize(m.stopLabel())) || STOP.matcher(normalized).matches()
                || NOT_NOW.matcher(normalized).find()) {
            return Optional.of(new Reply.AnswerReply(Intent.ELIGIBILITY, OptionalDouble.empty(), m.stopped(),
                    List.of(), m.resultQuickReplies(), crisisResources()));
        }
        return Optional.empty();
    }

    private Reply.Question question(Screening s, String before) {
        ScreeningGuide.Question q = question(s.field());
        String text = before.isEmpty() ? q.text() : before + "\n\n" + q.text();
        return new Reply.Question(s.field(), text, q.quickReplies(), step(s.field()), ORDER.size());
    }

    private ScreeningGuide.Question question(ScreeningField field) {
        return engine.clinic().knowledgeBase().screening().question(field).orElseThrow();
    }

    private static int step(ScreeningField field) {
        return ORDER.indexOf(field) + 1;
    }

    /**
     * The verdict at the end of the questions. Someone who preferred not to say whether they have thoughts of suicide
     * sees the crisis lines, gently, and nothing to book beside them.
     */
    private Reply.Result result(Assessment assessment, ScreeningAnswers answers) {
        Messages m = engine.messages();
        String verdict = m.verdict(assessment.verdict());
        if (answers.yesNo(ScreeningField.SUICIDAL_THOUGHTS).isEmpty()) {
            return new Reply.Result(assessment, verdict + "\n\n" + m.screeningSupport().declined(),
                    m.screeningSupport().resultQuickReplies(), crisisResources());
        }
        List<String> parts = new ArrayList<>(List.of(verdict));
        if (assessment.verdict() == Verdict.MAY_BE_CANDIDATE) {
            parts.add(engine.answers().compose(Intent.BOOKING, Optional.empty()).text());
        }
        return new Reply.Result(assessment, String.join("\n\n", parts), m.resultQuickReplies(assessment.verdict()),
                assessment.resources());
    }

    private List<CrisisResource> crisisResources() {
        return engine.clinic().crisisResources();
    }

    /** Whether the clinic is in the United States, where 988 is the crisis line every message can name. */
    private boolean inUnitedStates() {
        return engine.clinic().profile().crisis().country().equals("US");
    }

    /** Fills in {@code {emergency}} and {@code {crisisLine}}: 988 in the United States, else the clinic's first line. */
    private String withCrisisNumbers(String text) {
        CrisisResource first = crisisResources().get(0);
        String line = inUnitedStates() ? "call or text 988" : "contact " + first.name() + " (" + first.contact() + ")";
        return text.replace("{emergency}", engine.clinic().emergencyNumber()).replace("{crisisLine}", line);
    }
}
