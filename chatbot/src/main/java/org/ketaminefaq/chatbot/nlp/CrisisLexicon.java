package org.ketaminefaq.chatbot.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The crisis floor: direct and indirect phrasings of suicide and self-harm, the vocabulary of means and plans
 * (medicines and amounts, weapons, heights, ligatures, bleeding, cars, goodbyes and affairs put in order), clinical
 * wording and Spanish, tolerating one typo in longer English words. It runs on its own, before the classifier, so
 * that no confidence threshold can hide what it finds.
 *
 * <p>Who is at risk is read from the sentence: a phrase with no subject of its own ("wants to die") belongs to the
 * nearest subject before it ("I", "he", "my dad"), and to the visitor when there is none. A denial ("I'm not
 * suicidal, I just want to know the price") makes suicide a topic of the message, not a crisis, unless something
 * else in it is one.
 *
 * <pre>{@code
 * CrisisLexicon.detect("i wanna kil myslef")                          // PERSONAL
 * CrisisLexicon.detect("my dad keeps saying he wants to die")         // SOMEONE_ELSE
 * CrisisLexicon.detect("no quiero vivir")                             // PERSONAL
 * CrisisLexicon.detect("does ketamine help with suicidal thoughts?")  // TOPIC
 * }</pre>
 */
public final class CrisisLexicon {

    private static final String REFLEXIVE = "(my ?self|him ?self|her ?self|them ?selves|them ?self)";
    private static final String WHOSE = "(my|his|her|their)";
    private static final String RELATIVES = "(mom|mum|mother|dad|father|son|daughter|kid|child|teen|teenager|wife"
            + "|husband|partner|boyfriend|girlfriend|brother|sister|twin|friend|best friend|roommate|flatmate|housemate"
            + "|colleague|coworker|client|patient|student|grandmother|grandfather|grandma|grandpa|nan|uncle|aunt|cousin"
            + "|fiance|fiancee|ex|mate|buddy)";
    private static final String INTEND = "(want|wants|wanted|wanting|going|gonna|ready|plan|plans|planning|planned"
            + "|about|trying|tried|tries|decided|deserve|deserves|need|needs|wish|wishes|would like|thinking about how"
            + "|figure out how|figuring out how|rehearsing how|practising how|practicing how|planning how|planned how"
            + "|plan how|deciding how|decided how|working out how|worked out how|know how|knows how)";
    /** What follows "die" in a figure of speech: "I'll die of boredom", "going to die laughing". */
    private static final String NOT_AN_IDIOM = "(?! (of|from) (boredom|nerves|embarrassment|shame|laughter|laughing"
            + "|cringe|curiosity|excitement|suspense|anticipation|heat|hunger|thirst|old age|stress|waiting|fright"
            + "|happiness|jealousy|envy)\\b| laughing\\b| happy\\b| tired\\b| broke\\b)";
    /** A weapon, ligature or height, as the means of a plan. */
    private static final String WEAPONS = "(gun|guns|pistol|rifle|shotgun|revolver|firearm|rope|noose|bridge|cliff)";
    /** The words of a fallback plan: "that's plan B", "my way out", "if this does not work". */
    private static final String FALLBACK_PLAN = "(plan b|backup plan|back up plan|last resort|my way out|a way out"
            + "|exit plan|exit strategy|escape plan)";
    /** A phone or battery that is "about to die": a thing, not a person. */
    private static final Pattern THINGS_DYING = Pattern.compile("\\b(my|the|this|our|your) (\\w+ )?(phone|phones|battery"
            + "|laptop|computer|tablet|charger|car|plant|plants|bank account|wallet|wifi|internet|headphones|ipad)( s| is"
            + "| are| will| keeps| is going to| s going to| is gonna| s gonna| is about to| s about to)? (about to |going to"
            + " |gonna )?(die|dying|died|dead|die on me)\\b");
    private static final String MEDICINES = "(pills|tablets|caps|capsules|meds|medications|medication|sleeping pills"
            + "|painkillers|opioids|tylenol|paracetamol|acetaminophen|ibuprofen|advil|aspirin|xanax|alprazolam|klonopin"
            + "|clonazepam|valium|diazepam|ativan|lorazepam|seroquel|quetiapine|ambien|zolpidem|oxy|oxys|oxycodone"
            + "|oxycontin|percocet|vicodin|hydrocodone|fentanyl|morphine|tramadol|codeine|insulin|lithium|sertraline"
            + "|zoloft|prozac|fluoxetine|lexapro|escitalopram|citalopram|amitriptyline|nortriptyline|trazodone|benadryl"
            + "|diphenhydramine|gabapentin|lamotrigine|lamictal|wellbutrin|bupropion|effexor|venlafaxine|antidepressants"
            + "|benzos|heroin)";

    /**
     * Phrasings of suicide or self-harm that signal a present danger to someone: the visitor, or another person when
     * the phrase or its subject says so.
     */
    private static final List<Pattern> DANGER = compile(
            // direct
            "\\b(kill|killing|killed|kills|hurt|hurting|hurts|harm|harming|harms|cut|cutting|cuts|shoot|shooting|shoots"
                    + "|hang|hanging|hangs|hanged|drown|drowning|poison|poisoning|burn|burning|burns|starve|starving|off"
                    + "|offing|unalive|unaliving|end|ending|suffocate|suffocating|strangle|strangling) " + REFLEXIVE
                    + "\\b",
            "\\b(end|ending|ended|take|taking|took|takes|ends) " + WHOSE + " (own )?life\\b",
            "\\bend(ing|s)? (it all|everything|my suffering|my pain for good|things for good|things for real)\\b",
            "\\bend(ing|s)? it (tonight|today|now|soon|forever|for good|this week|this weekend|tomorrow|all)\\b",
            "\\b(just|or just|or|might|might just|will|should|could|going to|gonna|want to|wanna|to|ready to) end it\\b"
                    + "(?! (with|for|there|here|off|early|sooner|on|by))",
            // a goodbye that hands over what the person leaves behind
            "\\b(take care of|look after|looks after|feed|walk) (my|his|her|their) (cat|cats|dog|dogs|pet|pets|kids"
                    + "|children|plants|animals)( for me)?\\b(?=.{0,40}\\b(sorry|goodbye|bye|thanks for everything"
                    + "|love you|forgive me)\\b|$)",
            "\\b(sorry for everything|forgive me for everything|thanks for everything and goodbye)\\b",
            "\\b(going to|gonna|want to|will|about to|ready to|plan to|planning to|decided to|wants to|plans to) end "
                    + "(it|this|things|everything)\\b(?! (chat|conversation|call|here|now bye|form|survey|thread|meeting"
                    + "|appointment|subscription|contract|process|page|discussion|session|with|for|there|off|early|on"
                    + "|by))",
            "\\bunalive\\b", "\\bkms\\b", "\\bkys\\b", "\\bsewer slide\\b",
            "\\b" + INTEND + " to (die|be dead|not exist|stop existing|disappear forever|disappear for good|not wake up"
                    + "|never wake up|go to sleep forever|sleep forever|be gone|not be here|go to sleep and (not|never) wake up"
                    + "|sleep and (not|never) wake up)\\b" + NOT_AN_IDIOM,
            "\\bwish(es|ed)? (i|he|she|they|id|hed|shed|i would|he would|she would) (could |would )?(just )?(die|be dead"
                    + "|not wake up|never wake up|die in (my|his|her) sleep)\\b",
            "\\bwish(es|ed)? (god|death) would take (me|him|her|them)\\b",
            "\\b(want|wanna|wants|wish|wished|wishes) (to die|i (was|were) dead|i was never born|i were never born"
                    + "|to be dead|(he|she|they) (was|were) dead)\\b",
            "\\bwish(es)? (i|he|she|they) (was|were) (dead|never born|not alive|gone)\\b",
            "\\b(should|will|would rather|had rather|might as well|d rather|better) (just )?(die|be dead|not be here"
                    + "|not wake up)\\b(?! than)" + NOT_AN_IDIOM,
            "\\bbetter off dead\\b", "\\brather be dead\\b",
            // planning not to be alive: "not planning on being here next month", "won't be around much longer"
            "\\b(not|no longer|do not|does not) (planning|plan|planning on|plan on|planning to|plan to) (be|being)"
                    + " (here|around|alive)\\b",
            "\\b(not|will not|wont|not going to) be (here|around|alive) (much longer|for much longer|for long|anymore)\\b",
            // being done, then not being here: "i'm done, like done done. not gonna be here tmrw"
            "\\b(done|finished|over it|checked out)\\b.{0,50}\\b(not|will not|wont|not going to|never going to) be"
                    + " (here|around|alive)\\b",
            "\\b(do not|does not|not|never|no longer) want(s)? to (be here|live|exist|wake up|be alive|keep living"
                    + "|go on|be around|be on this earth|survive|carry on)\\b",
            "\\b(do not|does not|can not|no longer) see (the|any) point (in|of) (living|going on|life|being alive"
                    + "|being here|staying alive|waking up|carrying on)\\b",
            "\\b(no|not any|not a single|there is no|see no|sees no|saw no|lost any) (reason|point|will) (to|in|for)"
                    + " (go on living|go on|keep living|live|living"
                    + "|going on|being alive|being here|me to live|staying alive|keep going|life|carry on|wake up)\\b",
            "\\bwhat is (even |really |honestly |just |the )?(the )?point (of|in) (living|going on|life|being alive"
                    + "|being here|staying alive|me|waking up|anything anymore|trying anymore|carrying on)\\b",
            "\\bwhy (even )?(bother|keep) (living|being alive|going on|waking up)\\b",
            "\\b(better off|happier|be fine|be okay|be better) without (me|him|her|them)\\b",
            "\\b(better off|happier|be fine|be okay|be better) if (i|he|she|they) (was|were|am|is|are) (gone|dead|not here"
                    + "|not around)\\b",
            "\\b(no ?one|nobody) (would|will|is going to) (miss|notice|care if i|care when i|even notice)\\b",
            "\\bwould not (miss|notice) me\\b",
            "\\bcan not (go on|keep going|keep living|do this anymore|take (it|this|this pain|the pain) anymore"
                    + "|live like this|carry on|keep doing this|survive (this|the night|another day)|hold on any longer)\\b",
            "\\b(tired|sick|exhausted) of (living|being alive|life|existing|fighting to stay alive|waking up)\\b",
            "\\b(do not|does not|not going to|will not|might not|may not) (make it|survive) (through )?(the night|tonight"
                    + "|the week|the weekend|much longer|till|until)\\b",
            "\\b(not|wont|will not|never|not going to|never going to) be (around|here|alive) (much longer|for long"
                    + "|tomorrow|next week|by)\\b",
            "\\b(it has|its|it is|it was) been (good|nice|great) knowing (you|everyone|you all)\\b",
            "\\b(message|messages|text|texts|note|post|voicemail|email) (saying|that said|that says) (goodbye|bye"
                    + "|farewell|sorry for everything)\\b",
            "\\bsuicide (note|notes|letter|letters|plan|plans|attempt|attempts|pact|method|methods)\\b",
            "\\b(goodbye|farewell|last) (note|notes|letter|letters|messages|message|text|post|video)\\b",
            "\\b(saying|said|say|says|texted|posted|sent) (goodbye|bye|farewell) to (everyone|everybody|all|the world"
                    + "|my family|his family|her family|their family)\\b",
            // the goodbye only, so that "texted me" does not make it the visitor's
            "(?<=\\b(texted|messaged|sent|posted|wrote) (me |us )?)((a |what reads like a |what looks like a "
                    + "|what sounded like a |what felt like a )?goodbye|saying goodbye)\\b",
            "\\bthis is (my|the) last (message|text|post|time)\\b",
            "\\b(already )?(wrote|written|finished|left|leaving|writing) (the|my|his|her|their) note\\b",
            "\\b(wrote|written|writing|write|made|making) (a |my |his |her |their |some )?(goodbye|farewell|last)"
                    + " (note|notes|letter|letters|messages|video)\\b",
            "\\b(picked|chose|chosen|set|setting|picking|choosing) (a|the) (date|day|time)\\b",
            "\\b(gave|giving|give|gives) away (all )?(my|his|her|their) (stuff|things|belongings|possessions|pets?"
                    + "|dog|cat|stuff away)\\b",
            "\\b(gave|giving|give|gives) (all )?(my|his|her|their) (stuff|things|belongings|possessions) away\\b",
            "\\b(a|the) (date|day) (picked|chosen|set)( out)?\\b",
            "\\b(have|has|got|made) a (suicide |specific |detailed )?plan\\b(?=$| and| to (die|end|kill|do it|take)"
                    + "| already| for (it|tonight|this weekend|when))",
            "\\b(wrote|written|writing|updated|made|finished|sorted) " + WHOSE + " will\\b",
            "\\b(rehomed|rehoming|found a home for|found homes for|arranged for someone to take|someone to look after)"
                    + " (my|his|her|their) (dog|cat|pets?|animals)\\b",
            "\\b(put|putting|getting|got|sorted|sorting) " + WHOSE + " (affairs|things|papers|paperwork) (in order"
                    + "|sorted|together)\\b",
            // means and plans: medicines and amounts
            "\\b(saved|saving|stockpiled|stockpiling|hoarded|hoarding|collected|collecting|stashed|stashing|got|have"
                    + "|bought|counted|counting|lined up|sitting with|holding) (up )?(my |all my |all the |all of my "
                    + "|a bunch of |a lot of |enough |some |a bottle of |a whole bottle of |the |his |her )?(\\d+ )?"
                    + MEDICINES + "\\b.{0,40}\\b(to|for|and|so|enough|take|taking|swallow|end|die|all at once|at once"
                    + "|in front of me|in my hand|ready|counted)\\b",
            "\\benough " + MEDICINES + " to\\b",
            // a medicine kept back "so I don't wake up", and whether all of it "would be enough"
            "\\b" + MEDICINES + "\\b.{0,60}\\bso (that )?i (do not|will not|would not|never|wont) wake up\\b",
            "\\b(would|will|could|is) (taking|swallowing|downing) (all|all of|every one of|the whole|the rest of)( the)?"
                    + " (\\d+ )?(of )?(my |the |these |those )?(\\w+ )?" + MEDICINES + "\\b.{0,40}\\bbe enough\\b",
            "\\b(take|took|taking|swallow|swallowed|swallowing) (all|all of|every one of|the whole|the rest of)( the)?"
                    + " (\\d+ )?(of )?(my |the |these |those )?(\\w+ )?" + MEDICINES + "\\b.{0,80}\\b(would|will|could|is)"
                    + " (that|it|this|they|those|these) be enough\\b",
            "\\b(stockpiled|stockpiling|hoarded|hoarding|stashed|stashing|saving up|saved up) (all )?(up )?(my |his "
                    + "|her |their |the )?(\\w+ )?" + MEDICINES + "\\b",
            "\\b(has|have|got|with) " + MEDICINES + " (saved|stashed|hidden|stockpiled)\\b",
            "\\btake (all|all of) (\\d+ of )?(my|the|his|her|their) (\\w+ )?" + MEDICINES + "\\b",
            // a pet rehomed and the future cancelled: "found someone to take my cat, so I won't need an appointment"
            "\\b(take|taking|takes|took|have|having|adopt|adopting|look after|looking after|care for|caring for|home for"
                    + "|homes for) (my|his|her) (cat|dog|pet|pets|dogs|cats|bird|birds|rabbit)\\b.{0,100}\\b(will not|wont"
                    + "|do not|dont|no longer|not going to) need\\b",
            "\\b(took|swallowed|downed|taken|necked|ate|had|just took|have taken|took like) (all|all of|a whole bottle"
                    + " of|a bottle of|the whole bottle of|the rest of|way too many of|too many|a handful of|a lot of|loads"
                    + " of|a bunch of|a load of|a pile of|heaps of|lots of|many|\\d+|like \\d+|about \\d+|over \\d+)"
                    + "( of)? ?(my |his |her |their |the )?(\\w+ ){0,2}"
                    + MEDICINES + "\\b",
            "\\b(took|swallowed|taken) " + MEDICINES + " (on purpose|to die|so i would not wake up)\\b",
            "\\bhow many (of )?(my |these |the )?(\\w+ )?" + MEDICINES + "\\b.{0,40}\\b(would it take|does it take"
                    + "|to die|to not wake up|to never wake up|is lethal|is fatal|would kill|to overdose|to od)\\b",
            "\\b(lethal|fatal|deadly) (dose|amount|overdose)\\b",
            // how much of anything it would take to die: the amount is asked for the visitor's own death
            "\\b(how much|how many|what dose|what amount|which dose)\\b.{0,50}\\b(take|takes|need|needs|be enough|enough)"
                    + " to (kill me|end my life|end me|make me die|stop my heart|not wake up|never wake up)\\b",
            "\\b(what|which) (dose|amount)\\b.{0,30}\\b(would|will|could|might) (kill me|end my life|stop my heart)\\b",
            "\\benough (\\w+ ){0,3}to (kill me|end my life|not wake up|never wake up|stop my heart)\\b",
            "\\b" + INTEND + " (to )?(overdos(e|ing)|od)\\b", "\\boverdos(e|ing|ed) (on purpose|tonight|to die)\\b",
            "\\b(overdosed|took an overdose|taken an overdose|od ed)\\b(?! on (coffee|caffeine|sugar|chocolate|candy"
                    + "|sweets|tv|netflix|news|carbs|junk food|cake|work|studying|memes|social media|energy drinks))",
            "\\battempted\\b(?! to\\b)", "\\b(after|following|since) (an|her|his|their|a|my) (suicide )?attempt\\b",
            "(?<!never )(?<!not )\\b(thinking|thought|think|thinks) (about|of) (overdosing|dying|killing|ending|suicide"
                    + "|hanging|jumping|cutting|shooting|driving (my|his|her) car|crashing|not waking up|not being here)\\b",
            // weapons, ligatures, heights, bleeding, cars
            "\\b(gun|guns|pistol|rifle|shotgun|revolver|rope|noose|belt|cord|razor|razors|blade|blades|knife|pills"
                    + "|bridge|cliff|roof|rooftop|ledge|train|tracks|balcony)\\b.{0,60}\\b(use it|using it|on myself|end it"
                    + "|end my|kill|die|jump|do it|to my head|in my mouth|tied|ready|loaded|looking at it|holding it"
                    + "|in my hand|next to me|in front of me|edge)\\b",
            "\\b(loaded|cleaned|bought|got|have) (a |the |my |his |her )?(gun|pistol|rifle|shotgun|revolver)\\b.{0,40}"
                    + "\\b(tonight|for myself|for me|to use|ready|on my|to end|and i)\\b",
            // a weapon, ligature or height held in reserve: "there's a gun in my closet and that's plan B"
            "\\b" + WEAPONS + "\\b.{0,80}\\b" + FALLBACK_PLAN + "\\b",
            "\\b" + FALLBACK_PLAN + "\\b.{0,80}\\b" + WEAPONS + "\\b",
            "\\bif (it|this|that|ketamine|the treatment|this treatment|nothing) (does not|do not|will not|fails to|fails)"
                    + "( work| help)?\\b.{0,60}\\b" + WEAPONS + "\\b",
            "\\b(tied|knotted|hung|set up|ready) (a |the |my )?(rope|noose|belt|cord|knot)\\b",
            "\\b(eat|eating|ate) (my|his|her|a|their) (gun|bullet)\\b",
            "\\b(rope|noose|belt|cord) (is |are )?(tied|ready|up|set up|hanging)\\b",
            "\\bjump(ing|ed|s)? (off|from|in front of|under) (a|the|my|this|that|his|her) (bridge|building|roof|cliff"
                    + "|train|balcony|parking garage|car park|overpass|ledge|tower|window|bus|truck)\\b",
            "\\b(standing|sitting|stood|sat|am|i am|is|s|was|are) (on|at) (the|a|this|that) (edge|ledge|bridge|roof"
                    + "|top of)\\b(?! (street|road|lane|avenue|clinic|practice|office|building))",
            "\\b(step|stepping|walk|walking|steps|stepped) (out )?in front of (a|the) (train|bus|truck|car|lorry)\\b",
            "\\b(drive|driving|drove|crash|crashing|steer|steering|swerve|swerving) (my |his |her |the )?(car |truck )?"
                    + "(into|off|in to) (a |the )?(wall|tree|median|bridge|oncoming|traffic|truck|lorry|river|lake|cliff"
                    + "|barrier|pole|semi)\\b",
            "\\b(crash|wreck|crashing) (my|his|her) car on purpose\\b",
            "\\b(engine|car) running in (the|a|my) (closed )?garage\\b",
            "\\b(how long|how fast|how quickly) (does it take |would it take |until you |to )?(to )?(bleed out"
                    + "|bleed to death)\\b",
            "\\b(bleed|bleeding) (out|to death)\\b", "\\b(slit|slitting|slash|slashing|cut open) " + WHOSE
                    + " (wrists|wrist|throat)\\b",
            "\\b(cutting|cut|burning|burn|burned|burnt|scratching|scratched|hitting|hit|hurting|harming|punching)"
                    + " (again|my arms|my legs|my wrists|my thighs|his arms|her arms|his wrists|her wrists|their arms)\\b",
            "\\bself ?harm(ing|s|ed)?\\b.{0,30}\\b(again|still|been|started|i|my|urge|urges|he|she|they|his|her)\\b",
            "\\b(i|i am|im|i have|been|keep|keeps|he|she|they|is|are|and|started|still|was|currently) (self ?harm"
                    + "|selfharm)(ing|s|ed)?\\b",
            "\\b(been|keeps|kept|started|still|is|was|has been|have been) (cutting|burning)\\b(?! (back|down|out|costs"
                    + "|the|my hair|his hair|her hair|hair|carbs|sugar|corners|class|school|it close|calories|ties))",
            "\\b(relapsed|relapse) (on|into) (self ?harm|selfharm|cutting)\\b",
            // feelings and clinical wording
            "\\b(i am|im|i feel|feeling|been feeling|i have been|i was|i get|getting|(he|she|they|hes|shes|theyre|who"
                    + "|whos|who is|is|was|has been|have been|seems|sounds|feels|feel|gets|get|got|became|become)"
                    + "( is| are| was| were| has been| have been| seems| sounds| feels| feel| gets| get)?) (so |really "
                    + "|very |kind of |pretty |quite |actively |extremely |a bit )?(suicidal|hopeless and suicidal)\\b"
                    + "(?! (thoughts|ideation|feelings|urges|behaviou?r|patients|people|risk|ideas|tendencies|depression))",
            "\\b(i have|i have been having|i keep having|having|i get|i am having|my|been having|has|has been having"
                    + "|keeps having|his|her) (really |constant |bad |dark |these |some |a lot of |daily |active |passive "
                    + "|intrusive )?(suicidal|suicide) (thoughts|feelings|ideation|urges|thinking|plans|intent)\\b",
            "\\b(i have|having|i get|i keep having|my|has|his|her) (thoughts|ideas|urges) (of|about) (suicide"
                    + "|killing (myself|himself|herself|themselves)|dying|ending it|ending (my|his|her|their) life)\\b",
            "\\b(passive|active) (suicidal )?ideation\\b", "\\bideation (with|and) (a )?(plan|intent|method)\\b",
            "\\b(si|suicidal ideation) with (a )?(plan|intent)\\b",
            "\\b(rehearsing|rehearsed|practising|practicing|practiced|practised|researching|researched|looked up"
                    + "|looking up|googling|googled|searching|searched) (the |my |a )?(method|methods|ways to|how to"
                    + " (die|kill|end|hang|overdose)|how long it takes to)\\b",
            "\\bsuicid(e|al)\\b.{0,40}\\b(right now|tonight|again|today|this week)\\b",
            "\\b(tried|attempted|attempt|attempts|try|trying) (suicide|to kill " + REFLEXIVE + "|to end " + WHOSE
                    + " life|to take " + WHOSE + " (own )?life|to hang|to overdose)\\b",
            "\\b(attempted|attempt|attempts) (last|this|two|three|a few|a couple of|in) (week|weeks|month|months|night"
                    + "|january|february|march|april|may|june|july|august|september|october|november|december|ago)\\b",
            "(?<!never )(?<!not )(?<!no one )(?<!nobody )\\b(talks|talking|talked|talk|keeps talking|joking|jokes|joked"
                    + "|posting|posted|writing|wrote)\\b( \\w+){0,5} (about|of)"
                    + " (suicide|killing " + REFLEXIVE + "|dying|wanting to die|ending (it|things|it all|his life"
                    + "|her life|their life)|not being (here|around)|being better off dead|being dead|death|not waking up"
                    + "|not wanting to (be here|live|be alive|be around|exist))"
                    + "\\b",
            "\\b(keeps|kept) (saying|telling (me|us|everyone)) (that )?(he|she|they)? ?(wants|want|wanted|would rather"
                    + "|is going|are going|ll|will) (to )?(die|be dead|end it|kill)\\b",
            "\\b(want|wants|wanted|ready|gonna|going|plan|planning|about) to (kill|hurt|harm|shoot|hang|poison) "
                    + REFLEXIVE + "\\b",
            "\\b(i am|im|i feel|feel) like (dying|ending it|i want to die|i am going to die by)\\b",
            "\\b(nothing|no one|nobody) (is|to) (left )?(live|living) for\\b",
            "\\bnothing (left )?to live for\\b");

    /** Someone else at risk, whoever the sentence names first: what a worried relative sees. */
    private static final List<Pattern> SOMEONE_ELSE = compile(
            "\\b(found|find|discovered|saw|see|noticed|notice|read) (a |the |some |fresh |new )?(suicide |goodbye "
                    + "|farewell )?(cuts|scars|marks|burns|bruises|note|notes|letter|letters|rope|noose|pills|stash of pills"
                    + "|razor|razors|blades|searches|search history)\\b.{0,60}\\b(on|in|under|from) (his|her|their|my (\\w+ )?"
                    + RELATIVES + "s?)\\b",
            "\\b(he|she|they) (tried|attempted|has tried|had tried|tries) (to )?(kill|end|take|hang|overdose|od|suicide)",
            "\\b(his|her|their) (suicide attempt|attempt|overdose|self harm|selfharm|cutting)\\b");

    /** Spanish: the visitor's own danger (first-person forms). */
    private static final List<Pattern> SPANISH_PERSONAL = compile(
            "\\b(quiero|quisiera|voy a|me voy a|pienso en|pensando en|he pensado en|tengo ganas de|ganas de|deseo"
                    + "|necesito|quiero|me quiero) (morir|morirme|matarme|suicidarme|quitarme la vida|acabar con (mi vida"
                    + "|todo)|desaparecer|dejar de existir|hacerme dano|lastimarme|cortarme|matar|suicidar|morir ya)\\b",
            "\\bno quiero (vivir|seguir viviendo|estar aqui|seguir aqui|despertar|existir|seguir|estar vivo|estar viva"
                    + "|seguir con vida)\\b",
            "\\b(quitarme la vida|suicidarme|matarme|acabar con mi vida|terminar con mi vida|me quiero morir"
                    + "|me quiero matar|me voy a matar|me voy a suicidar)\\b",
            "\\bno (aguanto|soporto|puedo) (mas|seguir|vivir asi|con esto)\\b",
            "\\b(tengo|ya tengo|you tengo) (la |una |mi )?(cuerda|soga|pistola|arma|escopeta) (lista|preparada|cargada)\\b", "\\b(cuerda|soga|pistola|arma) (esta |ya esta |you esta )?(lista|preparada|cargada)\\b",
            "\\b(guarde|he guardado|estoy guardando|junte|he juntado) (todas |muchas )?(las |mis )?(pastillas|pildoras"
                    + "|medicinas|medicamentos)\\b", "\\b(ya|you) no (puedo|quiero) (mas|seguir)\\b",
            "\\b(me tome|tome|me he tomado|trague|me trague) (todas |un monton de |muchas |toda |demasiadas |\\d+ )?(las "
                    + "|mis |de )?(pastillas|pildoras|medicinas|medicamentos|tabletas|caja)\\b",
            "\\bmejor (muerto|muerta)\\b", "\\b(estarian|estaran|estaria) mejor sin mi\\b",
            "\\b(nadie|ninguno) me (extranaria|echaria de menos|va a extranar)\\b",
            "\\b(carta|cartas|nota|notas|mensaje) de despedida\\b", "\\b(este es )?mi ultimo mensaje\\b",
            "\\b(pensamientos|ideas) (suicidas|de suicidio|de matarme|de quitarme la vida|de morir)\\b",
            "\\b(estoy|me siento|me sentia) (muy )?suicida\\b",
            "\\bme (corto|he cortado|estoy cortando|lastimo|hago dano|he hecho dano)\\b",
            "\\b(no tengo|no hay|sin) (razon|razones|motivo|motivos) para vivir\\b");

    /** Spanish: another person's danger (third-person forms). "ya" reads "you" once texting words are spelled out. */
    private static final List<Pattern> SPANISH_SOMEONE_ELSE = compile(
            "\\b(quiere|queria|dice que quiere|habla de) (morir|morirse|matarse|suicidarse|quitarse la vida|suicidio)\\b",
            "\\bse (quiere|queria|va a) (matar|suicidar|morir)\\b",
            "\\b((ya|you) )?no quiere (vivir|seguir viviendo|estar aqui|seguir aqui|despertar|existir|seguir|estar vivo"
                    + "|estar viva|seguir con vida)\\b",
            "\\bintento (suicidarse|matarse|quitarse la vida)\\b", "\\bse (corta|hace dano|lastima)\\b");

    /** A denial of one's own danger: the subject is mentioned, the danger is not claimed. */
    private static final List<Pattern> DENIALS = compile(
            "\\b(i am|im) not (suicidal|going to (kill|hurt|harm) myself|thinking (of|about) (suicide|killing myself"
                    + "|ending (it|my life))|in (a )?crisis|in danger|at risk)\\b",
            "\\bnot (that )?(i am|im) suicidal\\b",
            "\\b(i do not|i would never|i will not|i never|i would not|i have never|never) (want to |plan to "
                    + "|intend to |wanted to |planned to )?(kill|hurt|harm) myself\\b",
            "\\b(no|not any|never had|never have|never had any|do not have any|do not have) (suicidal|suicide)"
                    + " (thoughts|ideation|feelings|urges)\\b",
            "\\b(nothing|no) (like that|suicidal|of that sort)\\b");

    /** Suicide and self-harm as a subject. */
    private static final Pattern TOPIC = Pattern.compile(
            "\\b(suicid(e|al|ality|es)|self ?harm(ing)?|selfharm|wanting to die|death wish|kill(ing)? " + REFLEXIVE
                    + "|suicida|suicidio)\\b");

    /** Words that make a phrase the visitor's own when the phrase itself holds them. */
    private static final Set<String> FIRST_PERSON = Set.of("i", "im", "me", "myself", "my");
    private static final Set<String> THIRD_PERSON = Set.of("he", "she", "they", "him", "her", "them", "hes", "shes",
            "theyre", "himself", "herself", "themselves", "themself", "his", "their");
    /** People a visitor writes about: the nearest of these before a phrase makes it about them. */
    private static final Set<String> OTHERS = Set.of("mom", "mum", "mother", "mommy", "mama", "dad", "father",
            "daddy", "papa", "parent", "parents", "son", "daughter", "kid", "kids", "child", "children", "teen",
            "teenager", "husband", "wife", "spouse", "partner", "boyfriend", "girlfriend", "bf", "gf", "fiance",
            "fiancee", "brother", "sister", "bro", "sis", "sibling", "friend", "friends", "buddy", "mate", "pal",
            "roommate", "flatmate", "housemate", "colleague", "coworker", "boss", "client", "patient", "student",
            "pupil", "grandmother", "grandfather", "grandma", "grandpa", "granny", "nan", "nana", "grandson",
            "granddaughter", "uncle", "aunt", "auntie", "cousin", "nephew", "niece", "stepson", "stepdaughter",
            "neighbour", "neighbor", "veteran", "vet", "twin", "ex", "bestie", "bff", "stepdad", "stepmom", "stepmum",
            "stepmother", "stepfather", "carer", "caregiver", "grandchild", "godson", "goddaughter", "soldier");
    /** People in general: a phrase about them is a question about the topic ("what if a patient is suicidal?"). */
    private static final Set<String> ANYONE = Set.of("someone", "somebody", "anyone", "anybody", "people", "person",
            "persons", "those", "others", "folks", "everyone", "individuals", "whoever");
    /** Before one of {@link #OTHERS}, a word that makes it a particular person ("my son") or anyone ("a patient"). */
    private static final Set<String> PARTICULAR = Set.of("my", "our", "his", "her", "their");
    private static final Set<String> ARTICLES = Set.of("a", "an", "the", "any", "some", "every", "each", "these",
            "those", "other");

    /** Whose danger a phrase speaks of. */
    enum Subject { VISITOR, SOMEONE_ELSE, ANYONE }

    /** Longer words of the lexicon that a one-letter typo should still match, in the order they are tried. */
    private static final List<String> VOCABULARY = List.of("myself", "himself", "herself", "suicide", "suicidal",
            "overdose", "overdosing", "overdosed", "anymore", "goodbye", "without", "killing", "harming", "cutting", "tonight",
            "unalive", "hanging", "living", "better", "nobody", "reason", "pills", "medications", "letters",
            "disappear", "planning", "deserve", "wanted", "exist", "nothing", "ideation", "bleed", "bleeding");

    private CrisisLexicon() {
    }

    /**
     * Words in quotation marks: double quotes of any kind, or single quotes that start and end away from a letter
     * (so that "don't" is no quote).
     */
    private static final Pattern QUOTED = Pattern.compile("[\"\u201c\u201d]([^\"\u201c\u201d]{2,})[\"\u201c\u201d]"
            + "|(?<![\\p{L}])['\u2018\u2019]([^'\u2018\u2019]{2,}?)['\u2018\u2019](?![\\p{L}])");

    /** What the lexicon sees in a visitor's text, sentence by sentence. */
    public static CrisisSignal detect(String text) {
        CrisisSignal found = CrisisSignal.NONE;
        for (String part : quotedAndRest(text)) {
            for (String sentence : part.split("[.!?;\\n]+")) {
                String words = correctTypos(TextNormalizer.normalize(sentence));
                CrisisSignal signal = detectInSentence(THINGS_DYING.matcher(words).replaceAll("$1 $3 stops"));
                if (signal.compareTo(found) > 0) {
                    found = signal;
                }
            }
        }
        return found;
    }

    /**
     * The text with what someone else is quoted as saying taken out, and each such quotation with "he said:" before
     * it, so that "my friend texted 'take care of my cat'" is the friend's goodbye, not the visitor's. A quotation
     * with nobody else named before it stays in the text.
     */
    static List<String> quotedAndRest(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder rest = new StringBuilder();
        Matcher m = QUOTED.matcher(text);
        int last = 0;
        while (m.find()) {
            String before = TextNormalizer.normalize(text.substring(0, m.start()));
            String[] words = before.isEmpty() ? new String[0] : before.split(" ");
            boolean someoneElseSpeaks = nearestSpeaker(words) == Subject.SOMEONE_ELSE;
            rest.append(text, last, m.start());
            if (someoneElseSpeaks) {
                String quote = m.group(1) != null ? m.group(1) : m.group(2);
                // their "I" and "my" are theirs: read it as reported speech
                parts.add(quote.replaceAll("(?i)\\bI'?m\\b", "he is").replaceAll("(?i)\\bI\\b", "he")
                        .replaceAll("(?i)\\bmy\\b", "his").replaceAll("(?i)\\bme\\b", "him")
                        .replaceAll("(?i)\\bmyself\\b", "himself"));
                rest.append(' ');
            } else {
                rest.append(m.group());
            }
            last = m.end();
        }
        rest.append(text.substring(last));
        parts.add(0, rest.toString());
        return parts;
    }

    /** Who spoke last before a quotation: the nearest person named, the visitor when it is "I". */
    private static Subject nearestSpeaker(String[] words) {
        for (int i = words.length - 1; i >= 0; i--) {
            if (words[i].equals("i") || words[i].equals("im")) {
                return Subject.VISITOR;
            }
            if (THIRD_PERSON.contains(words[i])) {
                return antecedent(words, i - 1);
            }
            Subject named = named(words, i);
            if (named != null) {
                return named;
            }
        }
        return Subject.VISITOR;
    }

    private static CrisisSignal detectInSentence(String normalized) {
        if (normalized.isEmpty()) {
            return CrisisSignal.NONE;
        }
        boolean denied = false;
        String text = normalized;
        for (Pattern denial : DENIALS) {
            Matcher m = denial.matcher(text);
            if (m.find()) {
                denied = true;
                text = m.replaceAll("_");
            }
        }
        boolean someoneElse = false;
        boolean anyone = false;
        // what the visitor found on or heard from someone else first, so that "I found a suicide note in my
        // daughter's room" is not read as the visitor's own note
        for (Pattern p : SOMEONE_ELSE) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                if (subject(text, m) == Subject.ANYONE) {
                    anyone = true;
                } else {
                    someoneElse = true;
                }
            }
            text = p.matcher(text).replaceAll("_");
        }
        for (Pattern danger : DANGER) {
            Matcher m = danger.matcher(text);
            while (m.find()) {
                switch (subject(text, m)) {
                    case VISITOR -> {
                        return CrisisSignal.PERSONAL;
                    }
                    case SOMEONE_ELSE -> someoneElse = true;
                    case ANYONE -> anyone = true;
                }
            }
        }
        for (Pattern p : SPANISH_PERSONAL) {
            if (p.matcher(text).find()) {
                return CrisisSignal.PERSONAL;
            }
        }
        for (Pattern p : SPANISH_SOMEONE_ELSE) {
            someoneElse = someoneElse || p.matcher(text).find();
        }
        if (someoneElse) {
            return CrisisSignal.SOMEONE_ELSE;
        }
        if (anyone || TOPIC.matcher(text).find()) {
            return CrisisSignal.TOPIC;
        }
        return denied ? CrisisSignal.DENIED : CrisisSignal.NONE;
    }

    /**
     * Whose danger a phrase speaks of: its own words say so when they hold a person ("kill herself", "end my
     * life"); otherwise the nearest subject before it in the sentence ("I", "he", "my dad", "a patient"); otherwise
     * the visitor's. A pronoun stands for the person named before it, when one is.
     */
    static Subject subject(String text, Matcher phrase) {
        String[] before = text.substring(0, phrase.start()).split(" ");
        for (String word : phrase.group().split(" ")) {
            if (FIRST_PERSON.contains(word)) {
                return Subject.VISITOR;
            }
            if (THIRD_PERSON.contains(word)) {
                return antecedent(before, before.length - 1);
            }
        }
        for (int i = before.length - 1; i >= 0; i--) {
            String word = before[i];
            if (word.equals("i") || word.equals("im")) {
                return Subject.VISITOR;
            }
            if (THIRD_PERSON.contains(word)) {
                return antecedent(before, i - 1);
            }
            Subject named = named(before, i);
            if (named != null) {
                return named;
            }
        }
        return Subject.VISITOR;
    }

    /**
     * Who a pronoun stands for: the particular person named before it; people in general when only they are
     * ("a patient says they..."); someone else when nobody is named.
     */
    private static Subject antecedent(String[] words, int from) {
        boolean anyone = false;
        for (int i = from; i >= 0; i--) {
            if (words[i].equals("i") || words[i].equals("im")) {
                break;
            }
            Subject named = named(words, i);
            if (named == Subject.SOMEONE_ELSE) {
                return named;
            }
            anyone = anyone || named == Subject.ANYONE;
        }
        return anyone ? Subject.ANYONE : Subject.SOMEONE_ELSE;
    }

    /**
     * Whether a person named with "a" is a particular one because something they did is told ("a client disclosed",
     * "a student emailed"), unlike anyone in a general question ("what if a patient is suicidal").
     */
    private static boolean toldOf(String[] words, int i) {
        for (int k = i + 1; k < Math.min(words.length, i + 4); k++) {
            if (PAST.contains(words[k]) || words[k].length() > 4 && words[k].endsWith("ed")) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> PAST = Set.of("told", "said", "sent", "wrote", "took", "came", "went", "made",
            "left", "gave", "found", "got", "saw", "ran", "cut", "hurt", "tried", "posted", "texted", "emailed");

    /** Whether words[i] names a particular other person, anyone, or (null) nobody. */
    private static Subject named(String[] words, int i) {
        String word = words[i];
        if (ANYONE.contains(word)) {
            return Subject.ANYONE;
        }
        if (word.equals("old") && i > 0 && words[i - 1].equals("year")) {
            return Subject.SOMEONE_ELSE; // "our 19 year old"
        }
        boolean ofMine = i + 2 < words.length && words[i + 1].equals("of")
                && (words[i + 2].equals("mine") || words[i + 2].equals("ours"));
        String singular = word.endsWith("s") && OTHERS.contains(word.substring(0, word.length() - 1))
                ? word.substring(0, word.length() - 1) : word;
        if (!OTHERS.contains(singular)) {
            return null;
        }
        String previous = i > 0 ? words[i - 1] : "";
        if (PARTICULAR.contains(previous) || ofMine || toldOf(words, i)) {
            return Subject.SOMEONE_ELSE;
        }
        // "a patient", "the client", "patients": anyone of them; "mum", "my son": that person
        return ARTICLES.contains(previous) || !singular.equals(word) || word.endsWith("s") && !word.equals("boss")
                ? Subject.ANYONE : Subject.SOMEONE_ELSE;
    }

    /**
     * English words, which are never typos: the sentence-embedding model's vocabulary holds some 20,000 common ones,
     * so that "giving" is never read as "living" nor "letter" as "better".
     */
    private static final WordPieceTokenizer ENGLISH = WordPieceTokenizer.fromClasspath();

    /**
     * Replaces a word one edit away from a lexicon word (at least five letters long, and not itself a common English
     * word) by that word.
     */
    public static String correctTypos(String normalized) {
        String[] words = normalized.split(" ");
        for (int i = 0; i < words.length; i++) {
            if (words[i].length() >= 5) {
                words[i] = correction(words[i]).orElse(words[i]);
            }
        }
        return String.join(" ", words);
    }

    /** The lexicon word a word is a typo of; empty for a lexicon word itself and for a word no lexicon word is near. */
    private static Optional<String> correction(String word) {
        if (VOCABULARY.contains(word) || ENGLISH.isWord(word)) {
            return Optional.empty();
        }
        return VOCABULARY.stream().filter(known -> withinOneEdit(word, known)).findFirst();
    }

    /** Damerau-Levenshtein distance of at most one: one insertion, deletion, substitution or swap of neighbours. */
    static boolean withinOneEdit(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        if (a.length() == b.length()) {
            List<Integer> differences = new ArrayList<>();
            for (int i = 0; i < a.length() && differences.size() <= 2; i++) {
                if (a.charAt(i) != b.charAt(i)) {
                    differences.add(i);
                }
            }
            if (differences.size() == 1) {
                return true;
            }
            int first = differences.get(0);
            return differences.size() == 2 && differences.get(1) == first + 1
                    && a.charAt(first) == b.charAt(first + 1) && a.charAt(first + 1) == b.charAt(first);
        }
        String longer = a.length() > b.length() ? a : b;
        String shorter = a.length() > b.length() ? b : a;
        if (longer.length() - shorter.length() != 1) {
            return false;
        }
        int i = 0;
        while (i < shorter.length() && shorter.charAt(i) == longer.charAt(i)) {
            i++;
        }
        return shorter.substring(i).equals(longer.substring(i + 1));
    }

    private static List<Pattern> compile(String... patterns) {
        return java.util.Arrays.stream(patterns).map(Pattern::compile).toList();
    }
}
