package org.ketaminefaq.chatbot.dialogue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.ketaminefaq.chatbot.nlp.Intent;
import org.ketaminefaq.chatbot.nlp.Recognition;

/**
 * A narrower question inside a broad topic, answered on its own: "can I take it with Lexapro?" is recognised as a
 * question about who should not have ketamine, and gets the answer about other medicines, not the list of conditions.
 *
 * <p>Each is named by what the message says (a medicine, "special K", "at home", "my 16-year-old"), and applies only
 * where the recognised topic is one it can belong to, so that "I have a history of depression" is not read as a
 * question about ketamine's history. A message that was not understood gets none: buying ketamine online, a
 * recreational dose or a dog's sedation at the vet stay out of scope. The first that applies, in the order declared,
 * wins: the more specific come first.
 */
enum SpecificQuestion {

    MEDICATION_INTERACTIONS(Intent.CONTRAINDICATIONS,
            EnumSet.of(Intent.CONTRAINDICATIONS, Intent.SAFETY, Intent.SIDE_EFFECTS, Intent.PREPARATION_AFTERCARE,
                    Intent.ELIGIBILITY, Intent.EFFECTIVENESS, Intent.TREATMENT_OPTIONS, Intent.ONSET),
            Cue.of(Cue.both(Cue.MEDICINE + "|" + Cue.ANY_MEDICINE, "interact|interacts|interaction|interactions|mix"
                            + "|mixing|mixed|combine|combined|combining|together|at the same time|alongside|stop"
                            + "|stopping|quit|quitting|come off|coming off|go off|get off|wean|weaning|taper|tapering"
                            + "|keep taking|still take|continue taking|stay on|safe with|okay with|fine with|mess with"
                            + "|messes with|clash|clashes|conflict|conflicts|interfere|interferes|in my system|cancel out"
                            + "|cancels out|react with|reacts with|(a problem|an issue) (with|for) (ketamine|this|it"
                            + "|the treatment|the infusions?)"),
                    "\\b(while (i am |he is |she is )?(on|taking)|(i am|he is|she is|currently|already) (on|taking)"
                            + "|with|plus)( (my|your|an|a|the|other|his|her))? (" + Cue.MEDICINE + ")\\b",
                    "\\b(with|plus|while (i am )?(on|taking)|(i am|currently|already) (on|taking)) (my|other|your"
                            + "|his|her) (" + Cue.ANY_MEDICINE + ")\\b",
                    // a named medicine in a question about safety or who should not have it is a question of
                    // taking them together, unless it is one the visitor has tried or compares with
                    "^(?!.*\\b(tried|failed|did not (work|help)|have not (worked|helped)|no luck|nothing (worked"
                            + "|helped)|nothing|done|took|taken|been on|used to|years of|better|faster|compared?|versus|vs"
                            + "|instead|than|different|differ|unlike|abuse|abused|misuse|addiction|addicted|struggled"
                            + "|problem with|history)\\b).*\\b(" + Cue.MEDICINE
                            + ")\\b")),

    ESKETAMINE_VS_KETAMINE(Intent.TREATMENT_OPTIONS,
            EnumSet.of(Intent.WHAT_IS_KETAMINE, Intent.TREATMENT_OPTIONS, Intent.EFFECTIVENESS, Intent.LEGALITY,
                    Intent.HOW_IT_WORKS, Intent.SAFETY, Intent.SIDE_EFFECTS, Intent.ONSET),
            Cue.of(Cue.both("esketamine|spravato|nasal spray|the spray", "difference|differences|differ|different"
                            + "|same|vs|versus|compare|compared|comparison|better than|is better|which is better|works better"
                            + "|more effective|stronger|which one|related|half"),
                    Cue.both("esketamine|spravato", "ketamine"))),

    STREET_KETAMINE(Intent.WHAT_IS_KETAMINE,
            EnumSet.of(Intent.WHAT_IS_KETAMINE, Intent.ADDICTION_RISK, Intent.LEGALITY, Intent.SAFETY,
                    Intent.SIDE_EFFECTS, Intent.TREATMENT_OPTIONS, Intent.SESSION_EXPERIENCE, Intent.HOW_IT_WORKS),
            Cue.of("\\b(special k|horse|horses|animal tranquil\\w*|tranquil[iy][sz]er\\w*|vets?|veterinar\\w*"
                    + "|party drug|party drugs|club drug|club drugs|clubbing|clubs|rave|raves|festival|festivals"
                    + "|parties|partying|street (drug|drugs|ketamine|version|stuff)|on the street|streets"
                    + "|recreational\\w*|khole|get high|getting high|gets you high|get you high|get me high"
                    + "|make me high|makes you high|high on|a high|drug dealers?|dealer|dealers|date rape)\\b")
                    .except("\\bnever (taken|used|done|tried|had)\\b")),

    HISTORY(Intent.WHAT_IS_KETAMINE,
            EnumSet.of(Intent.WHAT_IS_KETAMINE, Intent.LEGALITY, Intent.HOW_IT_WORKS),
            Cue.of("\\b(history|historically|invent|invented|inventor|invention|discover|discovered|discovery"
                    + "|first (made|used|created|developed|synthesi[sz]ed|discovered|approved|came out)"
                    + "|first (start|started|begin|began) (using|to use)|(start|started|begin|began) using"
                    + "|who (made|created|developed|came up with)|where (did|does) (ketamine|it) come from|origin|origins"
                    + "|originally"
                    + "|been around|been (used|using)|since when|vietnam|the war|wars|battlefield|soldiers"
                    + "|1960s|1970s|sixties|seventies|new drug|new thing|brand new|how new|out of nowhere)\\b")
                    .except("\\b(my|a|your|family|medical|health|his|her|their|personal|psychiatric) history\\b"
                            + "|history of (depression|anxiety|addiction|drug|drugs|substance|alcohol|psychosis"
                            + "|mania|bipolar|heart|high|seizures|abuse|trauma|suicide|self)")),

    AGE(Intent.CONTRAINDICATIONS,
            EnumSet.of(Intent.ELIGIBILITY, Intent.CONTRAINDICATIONS, Intent.CONDITIONS_TREATED, Intent.SAFETY,
                    Intent.TREATMENT_OPTIONS, Intent.SIDE_EFFECTS, Intent.EFFECTIVENESS, Intent.LEGALITY),
            Cue.of("\\b(teen|teens|teenager|teenagers|teenage|adolescent|adolescents|adolescence|minor|minors"
                    + "|underage|under 18|under eighteen|high schooler|age limit|age limits"
                    + "|minimum age|age requirement|age requirements|age restriction|age restrictions|age cutoff"
                    + "|how old|too old|too young|old enough|young adults?|elderly|older adults?|older people"
                    + "|older patients?|seniors?|senior citizens?|old age"
                    + "|(1[0-7]|[6-9][0-9]) ?(year old|years old|yr old|yrs old|yo|y o)"
                    + "|(i am|he is|she is|they are|is|turned|turning) (1[0-7]|[6-9][0-9])"
                    + "|in (my|his|her|their) (60s|70s|80s|90s|sixties|seventies|eighties)"
                    + "|(for|give|giving|treat|treating|to|on) (a |my |our |the )?(kid|kids|child|children)"
                    + "|(kid|kids|child|children) (get|have|take|use|do|be given|receive|try))\\b")),

    AT_HOME(Intent.TREATMENT_OPTIONS,
            EnumSet.of(Intent.TREATMENT_OPTIONS, Intent.LEGALITY, Intent.SAFETY, Intent.PREPARATION_AFTERCARE,
                    Intent.SESSION_EXPERIENCE, Intent.WHAT_IS_KETAMINE, Intent.EFFECTIVENESS, Intent.SIDE_EFFECTS,
                    Intent.HOW_IT_WORKS, Intent.ADDICTION_RISK, Intent.THERAPY_INTEGRATION),
            Cue.of("\\b(at home|from home|home use|take home|takehome|home kit|home kits|home based|home treatment"
                    + "|in my (own )?(home|house|bed|room|living room|place)|living room|my couch|myself at home"
                    + "|telehealth|tele health|telemedicine|virtual (visit|visits|clinic|provider)|video (chat|call"
                    + "|visit|visits|appointment)|over video|website|websites|an app|online (company|companies|provider"
                    + "|providers|clinic|clinics|prescription|prescriptions|doctor|doctors|service|services|program"
                    + "|programs)|(order|buy|get|prescribed|prescribe) (it )?online|by mail|in the mail"
                    + "|mailed|mail order|by post|in the post|shipped|ship|ships|delivered|delivery|compounded"
                    + "|compounding|compound pharmacy|mindbloom|joyous|microdos\\w*|micro ?dos\\w*)\\b")),

    DOSE(Intent.SESSION_EXPERIENCE,
            EnumSet.of(Intent.SESSION_EXPERIENCE, Intent.HOW_IT_WORKS, Intent.WHAT_IS_KETAMINE,
                    Intent.TREATMENT_OPTIONS, Intent.SESSION_LENGTH, Intent.SAFETY, Intent.EFFECTIVENESS,
                    Intent.ELIGIBILITY, Intent.COST),
            Cue.of("\\b(dose|doses|dosage|dosages|dosing|dosed|mg|milligram|milligrams|mg kg|per kilo\\w*|per kg"
                    + "|how much (ketamine|of (it|the drug|the medicine|ketamine)|medicine|drug) (do|does|will"
                    + "|would|is|are|they|you)|the amount|amount of (ketamine|medicine|drug|it)"
                    + "|same amount|i weigh|he weighs|she weighs|kilograms|kilos|lbs|pounds|by weight"
                    + "|(on|to) (my|your|body) weight)\\b")
                    .except("\\b(cost|costs|price|prices|pay|paying|dollars|expensive|cheap|afford|charge|charges"
                            + "|insurance|fee|fees|tolerance)\\b|\\bhow dose\\b|\\bdose (ketamine|it|this|the|that)\\b"
                            + "|\\blow dose naltrexone\\b")),

    NOT_WORKING(Intent.EFFECTIVENESS,
            EnumSet.of(Intent.EFFECTIVENESS, Intent.ONSET, Intent.TREATMENT_COURSE, Intent.EFFECT_DURATION,
                    Intent.CONDITIONS_TREATED, Intent.THERAPY_INTEGRATION, Intent.ELIGIBILITY, Intent.SAFETY,
                    Intent.SESSION_EXPERIENCE),
            Cue.of("\\b((it|ketamine|this|that|the treatment|ketamine treatment|ketamine therapy|the infusions?"
                    + "|infusions?|the sessions?|sessions?|spravato|esketamine|the shots?|the spray) (does not|do not"
                    + "|did not|will not|would not|might not|may not|never|is not going to|stops?|stopped|quits?"
                    + "|ends up not|fails? to) (work|works|working|help|helps|helping|do anything|does anything"
                    + "|make a difference|kick in|do much|do a thing|react)"
                    + "|(what|and) if (it|ketamine|this|the treatment|nothing) (fails|does not|do not|did not"
                    + "|will not|stops|is not|never)|what if i am (one of|in) the|one of the (people|ones|30|40)"
                    + "|not work(ing)? for me|does not work for me|do not respond|does not respond|did not respond"
                    + "|do not react|does not react|non ?responders?|no response|if i fail|fails for me"
                    + "|wears off for good|dead end|square one|what now|what next|next step|plan b"
                    + "|barely (does|do|did) anything|not doing anything|(does|did|do) nothing"
                    + "|(feel|feels|felt) (exactly |just )?the same|no different|no change|nothing changed"
                    + "|is that it)\\b")),

    BAD_EXPERIENCE(Intent.SESSION_EXPERIENCE,
            EnumSet.of(Intent.SESSION_EXPERIENCE, Intent.SIDE_EFFECTS, Intent.SAFETY, Intent.WHAT_IS_KETAMINE,
                    Intent.HOW_IT_WORKS),
            Cue.of("\\b(bad trip|bad trips|bad experience|bad experiences|bad reaction|lose control|losing control"
                    + "|lost control"
                    + "|out of control|in control|freak out|freaking out|freaked out|flip out|panic|panicking"
                    + "|panicked|panic attack|scary|frightening|terrifying|terrified|nightmare|nightmares|horror"
                    + "|paranoid|paranoia|do not like it|hate the feeling|too intense|overwhelming|overwhelmed"
                    + "|(scared|afraid|worried|nervous|anxious|fear) (of|about) (the )?(trip|tripping|hallucinat\\w*"
                    + "|losing|the experience|feeling|what i|what will|dissociat\\w*|the high|going crazy|it)"
                    + "|go crazy|going crazy|goes wrong|go wrong|go sideways|goes sideways|went dark|go dark"
                    + "|goes dark|too much)\\b")),

    REMEMBERING(Intent.SESSION_EXPERIENCE,
            EnumSet.of(Intent.SESSION_EXPERIENCE, Intent.SIDE_EFFECTS, Intent.SAFETY, Intent.WHAT_IS_KETAMINE,
                    Intent.SESSION_LENGTH),
            Cue.of("\\b((will|would|do|can|did|does) (i|you|we|he|she|they|people|patients|one) (still |even )?"
                    + "(remember|recall|forget)|remember (anything|everything|what|it|the session|much|any of)"
                    + "|forget (it|everything|what)|the memory|memory of|memories of|black out"
                    + "|blackout|blacked out|pass out|passed out|knocked out|knock (me|you|him|her) out"
                    + "|put (me|you|him|her) (to sleep|under)|go under|asleep|unconscious|conscious|awake"
                    + "|fall asleep|sleep through|out cold|lucid|aware of what)\\b")),

    ALTERNATIVES(Intent.THERAPY_INTEGRATION,
            EnumSet.of(Intent.THERAPY_INTEGRATION, Intent.TREATMENT_OPTIONS, Intent.CONDITIONS_TREATED,
                    Intent.EFFECTIVENESS, Intent.WHAT_IS_KETAMINE, Intent.HOW_IT_WORKS),
            Cue.of("\\b(alternative|alternatives|instead|other (options|choices|ways|routes)|(what|any) other"
                    + " (treatments?|therapies|therapy|things)|what else (can|could|is there|should|might|would"
                    + "|helps?)|besides ketamine|apart from ketamine|other than ketamine|if not ketamine"
                    + "|in addition to ketamine|on top of ketamine|complement|complements|complementary|add on"
                    + "|natural (options|remedies|ways|alternatives|treatments?)|non medication|non drug"
                    + "|without (drugs|medication|medications|medicine)|exercise|yoga|meditation|diet|nutrition"
                    + "|supplements?|tms|ect|electroconvulsive|shock therapy|electroshock|magnetic stimulation"
                    + "|psilocybin|mushrooms|mdma|emdr)\\b")),

    LONG_TERM(Intent.SAFETY,
            EnumSet.of(Intent.SAFETY, Intent.SIDE_EFFECTS, Intent.EFFECTIVENESS, Intent.ADDICTION_RISK,
                    Intent.HOW_IT_WORKS),
            Cue.of("\\b(long term|longterm|long run|in the long|years from now|years later|decades? from now"
                    + "|(years|decades) (of (use|using|treatment|infusions|sessions|maintenance|ketamine|it)|on (it"
                    + "|ketamine)|from now)|in (5|10|20|five|ten"
                    + "|twenty) years|for life|forever|permanent\\w*|brain damage|damage (my|your|the|his|her) brain"
                    + "|harm (my|your|the|his|her) brain|fry (my|your) brain|down the road|over time|lasting damage"
                    + "|later in life|the future|for good|rest of (my|your) life|cumulative|bladder|kidney|kidneys"
                    + "|cystitis|(use|used|using|taking|take|doing|do|have|having|get|getting|keep|keeping) .{0,25}"
                    + "for years)\\b")
                    .except("\\bnot (talking|asking|worried|concerned|meaning|interested) (about|in) (the )?long term")),

    AFTER_SESSION(Intent.PREPARATION_AFTERCARE,
            EnumSet.of(Intent.PREPARATION_AFTERCARE, Intent.SESSION_EXPERIENCE, Intent.SIDE_EFFECTS, Intent.SAFETY,
                    Intent.SESSION_LENGTH),
            Cue.of("\\b(alcohol|drink|drinking|drinks|beer|beers|wine|booze|glass of|eat|eating|ate|food|meal"
                    + "|meals|breakfast|lunch|dinner|snack|fasting|fast before|empty stomach|drive|driving|drove"
                    + "|car|uber|lyft|taxi|ride home|lift home|get home|pick me up|pick up|take me home"
                    + "|work (after|the next day|next day|the same|that)|back to work|go to work|day off|time off"
                    + "|off work|go back after|the morning after|next morning|the next day|day after|clear headed"
                    + "|clearheaded|bring|what (should|do) i wear|caffeine|coffee|weed|marijuana|cannabis|smoke)\\b")
                    .except("\\b(barely|never|rarely|do not|hardly) (drink|drive|eat)\\b"));

    private final String id = name().toLowerCase(Locale.ROOT);
    private final Intent answeredAs;
    private final Set<Intent> within;
    private final Cue cue;

    SpecificQuestion(Intent answeredAs, Set<Intent> within, Cue cue) {
        this.answeredAs = answeredAs;
        this.within = within;
        this.cue = cue;
    }

    /** The id of its answer in {@code answers.json}. */
    String id() {
        return id;
    }

    /** The topic its answer belongs to: the intent a reply names, and the topic a follow-up refers back to. */
    Intent answeredAs() {
        return answeredAs;
    }

    /** Topics whose answers are not medical information: a narrower question found in them is a mistake. */
    private static final Set<Intent> NOT_NARROWED = EnumSet.of(Intent.COST, Intent.INSURANCE, Intent.BOOKING,
            Intent.HUMAN_HANDOFF, Intent.BOT_IDENTITY, Intent.GREETING, Intent.THANKS, Intent.GOODBYE);

    /**
     * The specific question a recognised message asks within its topic: the one its words name, or else the one the
     * model of narrower questions found ({@link Recognition.Understood#subtopic}) in a topic of medical information.
     */
    static Optional<SpecificQuestion> find(Recognition.Understood understood, String normalized) {
        Optional<SpecificQuestion> named = named(understood.intent(), normalized);
        if (named.isPresent() || NOT_NARROWED.contains(understood.intent())) {
            return named;
        }
        return understood.subtopic().flatMap(SpecificQuestion::byId);
    }

    /** The specific question the words of a message name inside {@code topic}, without the model. */
    static Optional<SpecificQuestion> named(Intent topic, String normalized) {
        return Arrays.stream(values()).filter(q -> q.within.contains(topic) && q.cue.matches(normalized)).findFirst();
    }

    /** Names ketamine itself, so that a message the classifiers were unsure of is about it and not another drug. */
    private static final Pattern NAMES_KETAMINE = Pattern.compile(
            "\\b(ketamine|esketamine|spravato|special k|ket|infusion|infusions|nasal spray)\\b");

    /**
     * The specific question the words of a message that was not understood name inside its likeliest topic, when
     * the message names ketamine itself: "is ketamine the same as special K?", but not "how long does Prozac take to
     * kick in?".
     */
    static Optional<SpecificQuestion> findWhenUnsure(Intent likeliest, String normalized) {
        if (!NAMES_KETAMINE.matcher(normalized).find()) {
            return Optional.empty();
        }
        return named(likeliest, normalized);
    }

    /** The specific question whose answer has this id. */
    static Optional<SpecificQuestion> byId(String id) {
        return Arrays.stream(values()).filter(q -> q.id.equals(id)).findFirst();
    }

    /** What a message must say (one of its patterns) and must not say. */
    private record Cue(Pattern says, Optional<Pattern> unless) {

        static final String MEDICINE = "lexapro|escitalopram|zoloft|sertraline|prozac|fluoxetine|paxil|paroxetine"
                + "|celexa|citalopram|cymbalta|duloxetine|effexor|venlafaxine|pristiq|wellbutrin|bupropion"
                + "|trintellix|remeron|mirtazapine|trazodone|ssri|ssris|snri|snris|maoi|maois|mao inhibitors?|nardil"
                + "|parnate|emsam|xanax|alprazolam|ativan|lorazepam|klonopin|clonazepam|valium|diazepam|benzo|benzos"
                + "|benzodiazepine|benzodiazepines|lithium|lamictal|lamotrigine|depakote|seroquel|quetiapine"
                + "|abilify|aripiprazole|antipsychotic|antipsychotics|adderall|ritalin|vyvanse|concerta|stimulant"
                + "|stimulants|gabapentin|lyrica|ambien|propranolol|sleeping pills?|sleep medications?|opioids?"
                + "|naltrexone|suboxone|methadone|mood stabili[sz]ers?|blood pressure (pills|medication|medications)"
                + "|birth control";

        /** Medicines named only in general: "my medications", "other antidepressants". */
        static final String ANY_MEDICINE = "antidepressant|antidepressants|anti depressants?|medication|medications"
                + "|medicine|medicines|prescriptions?|pills|drugs";

        /** A message that says any of {@code patterns}. */
        static Cue of(String... patterns) {
            return new Cue(Pattern.compile(String.join("|", patterns)), Optional.empty());
        }

        /** A pattern for a message that says one of the words {@code first} and one of the words {@code second}. */
        static String both(String first, String second) {
            return "^(?=.*\\b(" + first + ")\\b)(?=.*\\b(" + second + ")\\b)";
        }

        Cue except(String pattern) {
            return new Cue(says, Optional.of(Pattern.compile(pattern)));
        }

        boolean matches(String normalized) {
            return says.matcher(normalized).find() && unless.map(p -> !p.matcher(normalized).find()).orElse(true);
        }
    }
}
