package org.ketaminefaq.core.eligibility;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ketaminefaq.core.Citation;
import org.ketaminefaq.core.CrisisResource;
import org.ketaminefaq.core.JsonEnum;

/**
 * The JSON form of screening answers and assessments, with exactly the field names of the HTTP API.
 *
 * <pre>{@code
 * ScreeningAnswers answers = ScreeningJson.parseAnswers("{\"age\":34,\"diagnoses\":[\"depression\"]}");
 * String json = ScreeningJson.toJson(rules.assess(answers));
 * // {"verdict":"needs_clinician_review","reasons":[{"field":"pregnantOrBreastfeeding","code":"not_answered"}, ...]}
 * }</pre>
 */
public final class ScreeningJson {

    /** The oldest age the screening accepts: {@link ScreeningAnswers#MAX_AGE}. */
    public static final int MAX_AGE = ScreeningAnswers.MAX_AGE;
    /** The largest number of antidepressant trials the screening accepts: {@link ScreeningAnswers#MAX_TRIALS}. */
    public static final int MAX_TRIALS = ScreeningAnswers.MAX_TRIALS;

    private static final Pattern DUPLICATE_FIELD = Pattern.compile("^Duplicate field '([^']*)'");

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    static {
        // answers are a flat object; deep nesting is only ever an attack
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
    }

    private ScreeningJson() {
    }

    /**
     * Reads screening answers. Every field is optional; absent or {@code null} means not answered.
     *
     * @throws InvalidScreeningInputException for JSON that does not parse, a value that is not an object, an unknown
     *     field, a wrong type, a number out of range or an unknown diagnosis; the message names the field and value
     */
    public static ScreeningAnswers parseAnswers(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidScreeningInputException(null, "not valid JSON: " + inPlainWords(e));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidScreeningInputException(null, "expected a JSON object with the screening answers");
        }
        return parseAnswers((ObjectNode) root);
    }

    /** Jackson's message without its settings' names and its note on where the input came from. */
    private static String inPlainWords(JsonProcessingException e) {
        Matcher duplicate = DUPLICATE_FIELD.matcher(e.getOriginalMessage());
        if (duplicate.find()) {
            return "the field \"" + duplicate.group(1) + "\" appears twice";
        }
        return e.getOriginalMessage().replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*][^)]*\\)", "");
    }

    private static ScreeningAnswers parseAnswers(ObjectNode root) {
        ScreeningAnswers answers = ScreeningAnswers.none();
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            ScreeningField field = JsonEnum.byId(ScreeningField.class, entry.getKey())
                    .orElseThrow(() -> new InvalidScreeningInputException(entry.getKey(),
                            "unknown field; expected one of " + JsonEnum.ids(ScreeningField.class)));
            JsonNode value = entry.getValue();
            if (!value.isNull()) {
                answers = with(answers, field, value);
            }
        }
        return answers;
    }

    /** The answers with one more, after its JSON type is checked; its value is checked by the answers. */
    private static ScreeningAnswers with(ScreeningAnswers answers, ScreeningField field, JsonNode value) {
        return switch (field.kind()) {
            case WHOLE_NUMBER -> field == ScreeningField.AGE ? answers.withAge(wholeNumber(field, value, MAX_AGE))
                    : answers.withFailedAntidepressantTrials(wholeNumber(field, value, MAX_TRIALS));
            case YES_NO -> {
                if (!value.isBoolean()) {
                    throw new InvalidScreeningInputException(field.id(), value + " is not allowed; expected true or false");
                }
                yield answers.withYesNo(field, value.booleanValue());
            }
            case DIAGNOSES -> answers.withDiagnoses(diagnoses(field, value));
        };
    }

    /** A JSON whole number that fits an int; its range is checked by {@link ScreeningAnswers}, like every path's. */
    private static int wholeNumber(ScreeningField field, JsonNode value, int max) {
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new InvalidScreeningInputException(field.id(),
                    value + " is not allowed; expected a whole number from 0 to " + max);
        }
        return value.intValue();
    }

    private static Set<Diagnosis> diagnoses(ScreeningField field, JsonNode value) {
        if (!value.isArray()) {
            throw new InvalidScreeningInputException(field.id(), value + " is not allowed; expected an array of "
                    + JsonEnum.ids(Diagnosis.class));
        }
        Set<Diagnosis> chosen = EnumSet.noneOf(Diagnosis.class);
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw new InvalidScreeningInputException(field.id(), item + " is not allowed; expected one of "
                        + JsonEnum.ids(Diagnosis.class));
            }
            chosen.add(JsonEnum.byId(Diagnosis.class, item.textValue()).orElseThrow(() ->
                    new InvalidScreeningInputException(field.id(), "unknown diagnosis \"" + item.textValue()
                            + "\"; expected one of " + JsonEnum.ids(Diagnosis.class))));
        }
        return chosen;
    }

    /** The JSON object of an assessment: {@code {"verdict":...,"reasons":[...],"resources":[...]}}. */
    private static ObjectNode toJsonTree(Assessment assessment) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("verdict", assessment.verdict().id());
        ArrayNode reasons = root.putArray("reasons");
        for (Reason reason : assessment.reasons()) {
            ObjectNode r = reasons.addObject();
            r.put("field", reason.field().id());
            r.put("code", reason.code());
            r.put("text", reason.text());
            r.set("sources", citations(reason.sources()));
        }
        root.set("resources", resources(assessment.resources()));
        return root;
    }

    /**
     * The JSON text of an assessment:
     * {@code {"verdict":...,"reasons":[{"field","code","text","sources":[...]}],"resources":[...]}}.
     */
    public static String toJson(Assessment assessment) {
        return toJsonTree(assessment).toString();
    }

    /** The JSON text of screening answers, with only the answered fields. */
    public static String toJson(ScreeningAnswers answers) {
        ObjectNode root = MAPPER.createObjectNode();
        for (ScreeningField field : ScreeningField.values()) {
            switch (field) {
                case AGE -> answers.age().ifPresent(a -> root.put(field.id(), a));
                case FAILED_ANTIDEPRESSANT_TRIALS -> answers.failedAntidepressantTrials()
                        .ifPresent(n -> root.put(field.id(), n));
                case DIAGNOSES -> answers.diagnoses().ifPresent(set -> {
                    ArrayNode array = root.putArray(field.id());
                    for (Diagnosis d : Diagnosis.values()) {
                        if (set.contains(d)) {
                            array.add(d.id());
                        }
                    }
                });
                default -> answers.yesNo(field).ifPresent(b -> root.put(field.id(), b));
            }
        }
        return root.toString();
    }

    /** Citations as a JSON array of {@code {"id","title","section","study"}}. */
    private static ArrayNode citations(java.util.List<Citation> citations) {
        ArrayNode array = MAPPER.createArrayNode();
        for (Citation c : citations) {
            ObjectNode o = array.addObject();
            o.put("id", c.id());
            o.put("title", c.title());
            o.put("section", c.section());
            c.study().ifPresent(s -> o.put("study", s));
        }
        return array;
    }

    /** Crisis resources as a JSON array of {@code {"name","contact","href"}}. */
    private static ArrayNode resources(java.util.List<CrisisResource> resources) {
        ArrayNode array = MAPPER.createArrayNode();
        for (CrisisResource r : resources) {
            array.addObject().put("name", r.name()).put("contact", r.contact()).put("href", r.href());
        }
        return array;
    }
}
