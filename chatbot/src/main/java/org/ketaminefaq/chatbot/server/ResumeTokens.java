package org.ketaminefaq.chatbot.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.ketaminefaq.chatbot.dialogue.ConversationState;
import org.ketaminefaq.chatbot.nlp.Intent;
import org.ketaminefaq.core.JsonEnum;
import org.ketaminefaq.core.TreatmentForm;
import org.ketaminefaq.core.eligibility.Diagnosis;
import org.ketaminefaq.core.eligibility.ScreeningAnswers;
import org.ketaminefaq.core.eligibility.ScreeningField;
import org.ketaminefaq.core.eligibility.ScreeningJson;

/**
 * Resume tokens: a conversation's state, encrypted and authenticated with AES-GCM, bound to a clinic and with an
 * expiry, so that a client can hold it and present it on a new connection (after a reload, or to another server that
 * shares the key) while the server keeps nothing. A token that is forged, changed, expired, for another clinic or
 * made with another key reads as nothing. Thread-safe.
 *
 * <p>The token is {@code base64url(iv || ciphertext || tag)} of a small JSON object, such as
 * {@code {"exp":1796414400,"form":"iv","pending":"heartCondition","answers":"{\"age\":34}"}}; the clinic's id is the
 * additional authenticated data, so a token for one clinic does not open another's conversation.
 */
final class ResumeTokens {

    /** The fewest bytes a key file may hold: 256 bits. */
    static final int MIN_KEY_FILE_BYTES = 32;
    /** Tokens are far shorter; a longer one is not read at all. */
    static final int MAX_TOKEN_CHARS = 4096;

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SecretKeySpec key;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();

    private ResumeTokens(byte[] key, Duration lifetime) {
        this.key = new SecretKeySpec(key, "AES");
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
    }

    /** Tokens under a key of this process alone: they survive a reload, not a restart or another server. */
    static ResumeTokens withRandomKey(Duration lifetime) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new ResumeTokens(key, lifetime);
    }

    /**
     * Tokens under the key derived (SHA-256) from a file's whole content, so that every server given the same file
     * reads the others' tokens; 32 raw bytes and a line of base64 both work.
     *
     * @throws IllegalArgumentException naming the file, when it cannot be read or holds fewer than
     *     {@value #MIN_KEY_FILE_BYTES} bytes
     */
    static ResumeTokens fromKeyFile(Path file, Duration lifetime) {
        byte[] material;
        try {
            material = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the resume key file " + file + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        if (material.length < MIN_KEY_FILE_BYTES) {
            throw new IllegalArgumentException("the resume key file " + file + " holds " + material.length
                    + " bytes; expected at least " + MIN_KEY_FILE_BYTES + " random bytes, such as from "
                    + "head -c 32 /dev/urandom > " + file.getFileName());
        }
        try {
            return new ResumeTokens(MessageDigest.getInstance("SHA-256").digest(material), lifetime);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** A token for this state of a clinic's conversation, valid for the lifetime from {@code now}. */
    String issue(String clinicId, ConversationState state, Instant now) {
        ObjectNode o = JSON.createObjectNode();
        o.put("exp", now.plus(lifetime).getEpochSecond());
        state.form().ifPresent(f -> o.put("form", f.id()));
        state.lastTopic().ifPresent(t -> o.put("topic", t.id()));
        state.pendingQuestion().ifPresent(q -> o.put("pending", q.id()));
        if (!state.answers().equals(ScreeningAnswers.none())) {
            // the library's own JSON of the answers, kept as text: read back by the same library
            o.put("answers", ScreeningJson.toJson(state.answers()));
        }
        if (!state.diagnosesPicked().isEmpty()) {
            state.diagnosesPicked().forEach(d -> o.withArray("picked").add(d.id()));
        }
        if (state.resultOnRequest()) {
            o.put("result", true);
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(clinicId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(o.toString().getBytes(StandardCharsets.UTF_8));
            byte[] token = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, token, 0, IV_BYTES);
            System.arraycopy(sealed, 0, token, IV_BYTES, sealed.length);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot encrypt with AES-GCM", e);
        }
    }

    /** The state a token holds, or empty when it is not one of this clinic's live tokens under this key. */
    Optional<ConversationState> read(String clinicId, String token, Instant now) {
        if (token == null || token.length() > MAX_TOKEN_CHARS) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(token);
            if (bytes.length <= IV_BYTES + TAG_BITS / 8) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(clinicId.getBytes(StandardCharsets.UTF_8));
            JsonNode o = JSON.readTree(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES));
            if (!o.path("exp").canConvertToLong() || now.getEpochSecond() > o.path("exp").longValue()) {
                return Optional.empty();
            }
            return Optional.of(state(o));
        } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
            // forged, changed, another key or clinic, or not base64: all the same to the visitor, a fresh start
            return Optional.empty();
        }
    }

    private static ConversationState state(JsonNode o) {
        Set<Diagnosis> picked = EnumSet.noneOf(Diagnosis.class);
        o.path("picked").forEach(d -> picked.add(known(Diagnosis.class, d.asText())));
        return new ConversationState(
                text(o, "form").map(id -> known(TreatmentForm.class, id)),
                text(o, "topic").map(id -> Intent.byId(id).orElseThrow(() -> new IllegalArgumentException(id))),
                text(o, "pending").map(id -> known(ScreeningField.class, id)),
                o.has("answers") ? ScreeningJson.parseAnswers(o.get("answers").asText())
                        : ScreeningAnswers.none(),
                picked, o.path("result").asBoolean(false));
    }

    private static Optional<String> text(JsonNode o, String field) {
        return o.hasNonNull(field) ? Optional.of(o.get(field).asText()) : Optional.empty();
    }

    private static <E extends Enum<E> & JsonEnum> E known(Class<E> type, String id) {
        return JsonEnum.byId(type, id).orElseThrow(() -> new IllegalArgumentException(id));
    }
}
