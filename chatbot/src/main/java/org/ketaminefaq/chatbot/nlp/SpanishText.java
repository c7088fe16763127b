package org.ketaminefaq.chatbot.nlp;

import java.util.Set;

/**
 * Tells whether a message is written in Spanish, the language most often used on United States clinics' sites after
 * English, so that the reply can say in Spanish that the assistant answers in English and where help in Spanish is.
 * It counts common Spanish words that are not also English words.
 *
 * <pre>{@code
 * SpanishText.isSpanish(TextNormalizer.normalize("¿Cuánto cuesta una sesión?"))   // true
 * SpanishText.isSpanish(TextNormalizer.normalize("is ketamina the spanish word"))  // false
 * }</pre>
 */
public final class SpanishText {

    private static final Set<String> WORDS = Set.of("que", "de", "en", "la", "el", "los", "las", "del", "por", "para", "con",
            "una", "uno", "un", "unos", "unas", "mi", "mis", "tu", "su", "sus", "es", "esta", "estoy", "estas", "estan",
            "soy", "eres", "somos", "tengo", "tiene", "tienen", "quiero", "quiere", "quisiera", "puedo", "puede",
            "podria", "como", "cuanto", "cuanta", "cuantas", "cuantos", "cuesta", "cuando", "donde", "porque", "pero",
            "muy", "mas", "tambien", "hola", "gracias", "adios", "ayuda", "ayudame", "ayudar", "necesito", "hablar",
            "habla", "espanol", "ketamina", "tratamiento", "depresion", "ansiedad", "vida", "morir", "vivir", "precio",
            "cita", "hacer", "hace", "hay", "ya", "nada", "nadie", "todo", "todos", "algo", "esto", "eso", "aqui",
            "bien", "usted", "ustedes", "ella", "ellos", "yo", "se", "le", "lo", "al", "sin", "sobre", "hijo", "hija",
            "madre", "padre", "esposo", "esposa", "sesion", "sesiones", "seguro", "medico", "pastillas", "favor",
            "buenas", "buenos", "dias", "tardes", "noches", "ahora", "hoy", "manana", "estar", "siento", "creo", "sabe",
            "saber", "funciona", "cubre", "alguien", "aguanto", "quitarme", "matarme", "suicidarme", "dolor", "mejor",
            "nunca", "siempre", "entonces", "despues", "antes", "cuidado", "mama", "papa", "hermano",
            "hermana", "amigo", "amiga", "novio", "novia", "pareja", "gente", "persona", "ser", "fue", "era", "ha", "he",
            "han", "sido", "tiempo", "ano", "anos", "semana", "semanas", "dinero", "costo", "seguridad", "efectos");
    /** Words that are Spanish in our word list but also common in English messages. */
    private static final Set<String> ALSO_ENGLISH = Set.of("he", "ha", "se", "era", "fue", "ser", "como");

    private SpanishText() {
    }

    /** Whether {@code normalized} text ({@link TextNormalizer#normalize}) reads as Spanish. */
    public static boolean isSpanish(String normalized) {
        if (normalized.isEmpty()) {
            return false;
        }
        String[] words = normalized.split(" ");
        int spanish = 0;
        int unambiguous = 0;
        for (String word : words) {
            if (WORDS.contains(word)) {
                spanish++;
                if (!ALSO_ENGLISH.contains(word)) {
                    unambiguous++;
                }
            }
        }
        if (words.length == 1) {
            return unambiguous == 1;
        }
        return unambiguous >= 2 && spanish * 2 >= words.length;
    }
}
