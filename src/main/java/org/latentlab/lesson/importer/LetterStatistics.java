package org.latentlab.lesson.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.Character.UnicodeScript;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * How often each non-ASCII letter occurs in a language, as a share of all its letters. {@link MojibakeRepair} uses
 * it to choose what a lost byte was: the candidates are always non-ASCII (a lost byte belongs to a multi-byte UTF-8
 * character), so only non-ASCII letters need a frequency.
 *
 * <p>The languages of our own lessons get their statistics from those lessons ({@code latentlab/lessons/*}/<language>.md);
 * a few other languages whose legacy code pages lose bytes get a small table of published frequencies, rounded.
 * Letters are counted in lower case, so a table serves both cases.
 */
final class LetterStatistics {

    /** The lessons whose letters are counted; the catalogue's folder names. */
    private static final String[] LESSONS = {"autoencoders"};

    /** Languages of our lessons; their statistics come from the lessons. */
    private static final String[] LESSON_LANGUAGES = {"en", "he", "ms", "sl", "sw", "tl"};

    /** Per cent of all letters, rounded: enough to tell a common letter from a rare one. */
    private static final Map<String, String> TABLES = Map.ofEntries(
            Map.entry("cs", "á 0.87 č 0.46 ď 0.02 é 0.63 ě 1.22 í 1.64 ň 0.08 ó 0.02 ř 0.38 š 0.69 ť 0.04 ú 0.05"
                    + " ů 0.20 ý 1.00 ž 0.72"),
            Map.entry("sk", "á 2.10 ä 0.10 č 0.95 ď 0.10 é 0.80 í 1.60 ĺ 0.01 ľ 0.35 ň 0.10 ó 0.15 ô 0.15 ŕ 0.01"
                    + " š 0.80 ť 0.30 ú 0.70 ý 1.80 ž 0.90"),
            Map.entry("pl", "ą 0.99 ć 0.40 ę 1.11 ł 1.82 ń 0.20 ó 0.85 ś 0.66 ź 0.06 ż 0.83"),
            Map.entry("hu", "á 3.40 é 4.20 í 0.50 ó 0.90 ö 1.00 ő 0.80 ú 0.30 ü 0.60 ű 0.10"),
            Map.entry("ro", "ă 2.50 â 0.60 î 1.00 ș 1.50 ț 1.40 ş 0.10 ţ 0.10"),
            Map.entry("hr", "č 1.00 ć 0.80 đ 0.30 š 1.00 ž 0.70"),
            Map.entry("bs", "č 1.00 ć 0.80 đ 0.30 š 1.00 ž 0.70"),
            Map.entry("tr", "ç 1.20 ğ 1.10 ı 5.10 ö 0.80 ş 1.80 ü 1.90 â 0.05 î 0.02 û 0.02"),
            Map.entry("de", "ä 0.54 ö 0.30 ü 0.65 ß 0.31"),
            Map.entry("fr", "à 0.49 â 0.05 ç 0.09 è 0.27 é 1.90 ê 0.22 ë 0.01 î 0.05 ï 0.01 ô 0.02 ù 0.06 û 0.06"
                    + " œ 0.02"),
            Map.entry("es", "á 0.50 é 0.43 í 0.73 ñ 0.31 ó 0.83 ú 0.17 ü 0.02"),
            Map.entry("pt", "á 0.50 à 0.07 â 0.56 ã 0.73 ç 0.53 é 0.34 ê 0.45 í 0.13 ó 0.30 ô 0.64 õ 0.04 ú 0.21"),
            Map.entry("is", "á 1.80 æ 0.87 ð 4.39 é 0.65 í 1.57 ó 0.99 ö 0.78 þ 1.46 ú 0.61 ý 0.90"),
            Map.entry("lt", "ą 0.60 č 0.40 ę 0.20 ė 1.60 į 0.60 š 1.20 ū 0.50 ų 1.20 ž 0.80"),
            Map.entry("lv", "ā 4.00 č 0.30 ē 1.70 ģ 0.10 ī 1.70 ķ 0.20 ļ 0.40 ņ 0.40 š 1.40 ū 0.50 ž 0.70"),
            Map.entry("et", "ä 2.00 õ 1.00 ö 0.60 ü 1.00 š 0.01 ž 0.01"),
            Map.entry("ru", "о 10.97 е 8.45 а 8.01 и 7.35 н 6.70 т 6.26 с 5.47 р 4.73 в 4.54 л 4.40 к 3.49"
                    + " м 3.21 д 2.98 п 2.81 у 2.62 я 2.01 ы 1.90 ь 1.74 г 1.70 з 1.65 б 1.59 ч 1.44 й 1.21"
                    + " х 0.97 ж 0.94 ш 0.73 ю 0.64 ц 0.48 щ 0.36 э 0.32 ф 0.26 ъ 0.04 ё 0.04"),
            Map.entry("uk", "о 9.40 а 8.40 н 6.50 и 6.10 і 5.90 в 5.40 т 5.30 е 4.90 р 4.80 с 4.30 к 3.60 л 3.60"
                    + " у 3.30 д 3.20 м 3.10 п 2.90 я 2.20 з 2.10 ь 1.60 б 1.60 г 1.50 ч 1.30 й 1.30 х 1.20"
                    + " ж 0.90 ц 0.90 ш 0.80 ю 0.70 ї 0.60 є 0.50 щ 0.30 ф 0.20 ґ 0.01"),
            Map.entry("bg", "а 9.00 о 8.80 е 8.60 и 7.80 н 6.70 т 6.60 р 5.20 с 4.70 в 4.40 л 3.50 к 3.40"
                    + " д 3.10 п 3.00 м 2.70 ъ 2.40 з 1.90 я 1.80 у 1.30 б 1.30 г 1.30 ч 1.20 ц 0.60 щ 0.60"
                    + " ж 0.50 х 0.50 ш 0.40 й 0.30 ф 0.20 ю 0.20 ь 0.01"),
            Map.entry("el", "α 10.20 ο 8.70 τ 7.90 ε 7.60 ι 7.00 ν 6.60 σ 3.90 η 3.80 ρ 4.30 κ 3.90 π 3.80"
                    + " υ 3.50 μ 3.00 ς 2.60 λ 2.50 γ 1.70 δ 1.50 ω 1.40 θ 1.20 χ 1.10 φ 0.70 β 0.50 ξ 0.40"
                    + " ζ 0.30 ψ 0.20 ά 1.80 έ 1.50 ί 1.90 ό 1.60 ύ 0.90 ή 1.00 ώ 0.60 ϊ 0.05 ϋ 0.01 ΐ 0.01"),
            Map.entry("ar", "ا 12.50 ل 11.00 ي 7.00 م 6.00 و 6.00 ن 6.00 ر 4.50 ه 4.00 ت 4.00 ب 3.60 ع 2.80"
                    + " د 2.40 س 2.30 ف 2.10 ق 2.00 ك 2.00 ة 2.00 أ 2.00 ح 1.60 ج 1.20 ش 0.90 إ 0.80 ص 0.80"
                    + " ى 0.80 ط 0.60 خ 0.60 ذ 0.50 ض 0.50 ز 0.40 ث 0.40 ء 0.40 ئ 0.40 غ 0.30 ظ 0.10 آ 0.10"
                    + " ؤ 0.10"),
            Map.entry("vi", "đ 1.80 ư 1.70 ơ 0.90 ă 0.60 â 0.80 ê 0.70 ô 0.70 à 1.00 á 1.00 ả 0.40 ã 0.10"
                    + " ạ 0.80 ế 0.60 ề 0.30 ể 0.20 ệ 0.60 ì 0.20 í 0.20 ị 0.60 ó 0.20 ò 0.10 ộ 0.70 ố 0.40"
                    + " ồ 0.30 ổ 0.20 ớ 0.40 ờ 0.50 ở 0.40 ợ 0.30 ú 0.30 ủ 0.40 ụ 0.40 ứ 0.30 ừ 0.30 ử 0.40"
                    + " ữ 0.30 ự 0.50 ý 0.10 ậ 0.50 ấ 0.50 ầ 0.40 ẩ 0.10 ắ 0.20 ằ 0.10 ặ 0.20"));

    /**
     * The languages written in a script that single-byte code pages have besides Latin (Cyrillic, Greek, Hebrew,
     * Arabic, Thai), by ISO 639 code; a language written in two gets both. Every other language is written in
     * none of them: in Latin, or in a script no single-byte code page has (Chinese, Devanagari, Bengali).
     */
    private static final Map<String, Set<UnicodeScript>> NON_LATIN_SCRIPTS = scripts(Map.of(
            UnicodeScript.CYRILLIC, "ru uk be bg mk kk ky tg mn tt ba cv ce os ab av sah udm kv mhr mrj myv mdf"
                    + " krc kbd ady inh lez dar tab tyv alt xal bua rue",
            UnicodeScript.GREEK, "el grc",
            UnicodeScript.HEBREW, "he iw yi lad jrb",
            UnicodeScript.ARABIC, "ar fa ur ps sd ug ckb ks bal prs pnb skr arz ary apc acm ajp aeb",
            UnicodeScript.THAI, "th"));

    /** Languages written in Latin or Cyrillic (or, for Kurdish, Latin or Arabic), depending on the country. */
    private static final Map<String, Set<UnicodeScript>> TWO_SCRIPTS = Map.of(
            "sr", Set.of(UnicodeScript.CYRILLIC, UnicodeScript.LATIN),
            "uz", Set.of(UnicodeScript.CYRILLIC, UnicodeScript.LATIN),
            "az", Set.of(UnicodeScript.CYRILLIC, UnicodeScript.LATIN),
            "tk", Set.of(UnicodeScript.CYRILLIC, UnicodeScript.LATIN),
            "ku", Set.of(UnicodeScript.ARABIC, UnicodeScript.LATIN),
            "sh", Set.of(UnicodeScript.CYRILLIC, UnicodeScript.LATIN),
            "bs", Set.of(UnicodeScript.CYRILLIC, UnicodeScript.LATIN),
            "cnr", Set.of(UnicodeScript.CYRILLIC, UnicodeScript.LATIN));

    /** Tags that name no language: nothing is known of their script. */
    private static final Set<String> NO_LANGUAGE = Set.of("und", "mul", "zxx", "mis");

    private static Map<String, Set<UnicodeScript>> scripts(Map<UnicodeScript, String> languagesByScript) {
        Map<String, Set<UnicodeScript>> byLanguage = new HashMap<>();
        languagesByScript.forEach((script, languages) -> {
            for (String language : languages.split(" ")) {
                byLanguage.put(language, Set.of(script));
            }
        });
        return Map.copyOf(byLanguage);
    }

    /**
     * Punctuation, symbols and emoji that text of any language has, in per cent of its characters, rounded: for a
     * lost byte in them (an emoji or a quotation mark is where most real damage is), where the language's letters
     * say nothing. Rough shares from running text; what matters is that a common sign is far likelier than a rare
     * neighbour of its block (the closing quotation mark "”" and the hyphen U+2010 differ by one byte).
     */
    private static final Map<Integer, Double> SYMBOLS = shares(
            "’ 0.20 “ 0.08 ” 0.08 — 0.08 – 0.05 ‘ 0.02 … 0.02 • 0.02 « 0.01 » 0.01 „ 0.01 ‚ 0.001 ‹ 0.001 › 0.001"
            + " ′ 0.002 ″ 0.001 † 0.001 ‡ 0.0005 ‰ 0.001 ¡ 0.005 ¿ 0.005 § 0.002 ¶ 0.0005 © 0.002 ® 0.001 ™ 0.001"
            + " ° 0.005 · 0.005 × 0.005 ÷ 0.0005 ± 0.002 ¬ 0.0005 ¹ 0.001 ² 0.005 ³ 0.002 ¼ 0.001 ½ 0.002 ¾ 0.001"
            + " ⅓ 0.0005 ⅔ 0.0003 € 0.005 £ 0.002 ¥ 0.001 ¢ 0.0005 ₹ 0.0005 ₽ 0.0003 ₺ 0.0003 ₪ 0.0003"
            + " → 0.005 ← 0.002 ↑ 0.001 ↓ 0.001 ↔ 0.001 ⇒ 0.001 ⇐ 0.0003 ⇔ 0.0005 ↦ 0.0003"
            + " − 0.002 ≈ 0.003 ≤ 0.003 ≥ 0.003 ≠ 0.002 ≡ 0.0005 ∼ 0.0003 ∝ 0.0003 ∑ 0.002 ∏ 0.0005 √ 0.002"
            + " ∞ 0.001 ∈ 0.002 ∉ 0.0003 ∀ 0.0005 ∃ 0.0005 ∫ 0.001 ∂ 0.001 ∇ 0.001 ∧ 0.0005 ∨ 0.0005 ∩ 0.0003"
            + " ∪ 0.0003 ⊂ 0.0003 ⊆ 0.0003 ∘ 0.0003 ⋅ 0.0005 ∗ 0.0003 ⊙ 0.0003 ⊗ 0.0003 ⊕ 0.0003 ‖ 0.0003"
            + " ℝ 0.0005 ℕ 0.0002 ℤ 0.0002 ℓ 0.0002 ⁰ 0.0003 ⁴ 0.0003 ⁵ 0.0002 ⁶ 0.0002 ⁷ 0.0002 ⁸ 0.0002"
            + " ⁹ 0.0002 ⁺ 0.0002 ⁻ 0.0003 ⁿ 0.0003 ₀ 0.0003 ₁ 0.0003 ₂ 0.0003 ₃ 0.0002 ₙ 0.0002 ᵢ 0.0003"
            + " ⱼ 0.0002 ₖ 0.0002 ■ 0.001 □ 0.001 ▪ 0.001 ▶ 0.001 ► 0.001 ● 0.001 ○ 0.001 ◆ 0.0005 ★ 0.001"
            + " ☆ 0.0005 ✓ 0.002 ✗ 0.0005 ✘ 0.0003");

    /**
     * Emoji, most used first: the Unicode Consortium's published frequency ranking (2021), then the signs lessons
     * use (✅, 🚀, 💡). The n-th gets 0.1 % / n, as word frequencies fall with their rank.
     */
    private static final String EMOJI_BY_RANK = "😂 ❤ 🤣 👍 😭 🙏 😘 🥰 😍 😊 🎉 😁 💕 🥺 😅 🔥 ☺ 🤦 ♥ 🤷 🙄 😆 🤗 😉 🎂"
            + " 🤔 👏 🙂 😳 🥳 😎 👌 💜 😔 💪 ✨ 💖 👀 😋 😏 😢 👉 💗 😩 💯 🌹 💞 🎈 💙 😃 ✅ 🚀 💡 📝 📚"
            + " 🧠 🤖 💻 📈 📊 🎯 🔍 ⭐ ⚠ ❌ ✔ ✍ 🎵 🎶 🎨 🏆 ⏱ 👩 👨 🧑 🌍 ⚡ 📌 🔑 🧪 🔬 📷 🖼 🎓 🏫 👋 🙌"
            + " 😀 😄 🤩 😇";

    private static final Map<Integer, Double> EMOJI = emojiShares();

    private static Map<Integer, Double> shares(String table) {
        Map<Integer, Double> shares = new HashMap<>();
        String[] parts = table.split(" ");
        for (int i = 0; i + 1 < parts.length; i += 2) {
            shares.put(parts[i].codePointAt(0), Double.parseDouble(parts[i + 1]) / 100);
        }
        return Map.copyOf(shares);
    }

    private static Map<Integer, Double> emojiShares() {
        Map<Integer, Double> shares = new HashMap<>();
        String[] emoji = EMOJI_BY_RANK.split(" ");
        for (int rank = 1; rank <= emoji.length; rank++) {
            shares.putIfAbsent(emoji[rank - 1].codePointAt(0), 0.001 / rank);
        }
        return Map.copyOf(shares);
    }

    /**
     * The share of a non-letter character in text of any language, in its place: a zero width joiner only between
     * emoji (and nothing else there), a variation selector or a skin tone only after an emoji (or, for the keycap, a
     * digit), a regional indicator only next to another. 0 for characters nothing is known of.
     */
    static double symbolShare(int cp, int previous, int next) {
        if (cp == 0x200D) {
            return isEmoji(previous) && isEmoji(next) ? 0.0005 : 0;
        }
        if (cp == 0xFE0F) {
            return isEmoji(previous) || Character.isDigit(previous) ? 0.0005 : 0;
        }
        if (cp == 0x20E3) {
            return previous == 0xFE0F || Character.isDigit(previous) ? 0.0001 : 0;
        }
        if (Character.isEmojiModifier(cp)) {
            return Character.isEmojiModifierBase(previous) ? 0.0002 : 0;
        }
        if (cp >= 0x1F1E6 && cp <= 0x1F1FF) {
            boolean pair = (previous >= 0x1F1E6 && previous <= 0x1F1FF) || (next >= 0x1F1E6 && next <= 0x1F1FF);
            return pair ? 0.00005 : 0;
        }
        if (isEmoji(previous) && isEmoji(next) && !isEmoji(cp)) {
            return 0; // punctuation glued between two emoji: what joins them is the joiner above
        }
        Double share = SYMBOLS.get(cp);
        if (share != null) {
            return share;
        }
        share = EMOJI.get(cp);
        if (share != null) {
            return share;
        }
        // Any other emoji: less used than the ranked ones, far more than a historic script's sign.
        return Character.isExtendedPictographic(cp) ? 0.000001 : 0;
    }

    private static boolean isEmoji(int cp) {
        return Character.isExtendedPictographic(cp) || Character.isEmojiModifier(cp) || cp == 0xFE0F;
    }

    private static final Map<String, Map<Integer, Double>> CACHE = new ConcurrentHashMap<>();

    private LetterStatistics() {
    }

    /**
     * The share of each non-ASCII letter (lower case) among all letters of the language; empty when we know
     * nothing of the language.
     *
     * @param languageTag a BCP 47 tag; only the language subtag counts; null for none
     */
    static Map<Integer, Double> of(String languageTag) {
        if (languageTag == null || languageTag.isBlank()) {
            return Map.of();
        }
        String language = languageOf(languageTag);
        return CACHE.computeIfAbsent(language, LetterStatistics::load);
    }

    /** The language subtag of a BCP 47 tag, in lower case: "pt" of "pt-BR". */
    private static String languageOf(String languageTag) {
        return languageTag.split("[-_]")[0].toLowerCase(Locale.ROOT);
    }

    /**
     * The scripts the language is written in, as far as single-byte code pages go: Cyrillic, Greek, Hebrew, Arabic
     * or Thai for the languages written in them, Latin for every other language; null when the tag names no
     * language (null, blank, "und", "mul").
     */
    static Set<UnicodeScript> scriptsOf(String languageTag) {
        if (languageTag == null || languageTag.isBlank()) {
            return null;
        }
        String[] subtags = languageTag.toLowerCase(Locale.ROOT).split("[-_]");
        String language = subtags[0];
        if (NO_LANGUAGE.contains(language)) {
            return null;
        }
        for (int i = 1; i < subtags.length; i++) {
            // A script subtag says it outright: sr-Latn, az-Cyrl, uz-Arab.
            switch (subtags[i]) {
                case "latn": return Set.of(UnicodeScript.LATIN);
                case "cyrl": return Set.of(UnicodeScript.CYRILLIC);
                case "grek": return Set.of(UnicodeScript.GREEK);
                case "hebr": return Set.of(UnicodeScript.HEBREW);
                case "arab": return Set.of(UnicodeScript.ARABIC);
                case "thai": return Set.of(UnicodeScript.THAI);
                default: break;
            }
        }
        Set<UnicodeScript> scripts = TWO_SCRIPTS.getOrDefault(language, NON_LATIN_SCRIPTS.get(language));
        return scripts != null ? scripts : Set.of(UnicodeScript.LATIN);
    }

    private static Map<Integer, Double> load(String language) {
        for (String lessonLanguage : LESSON_LANGUAGES) {
            if (lessonLanguage.equals(language)) {
                return fromLessons(language);
            }
        }
        String table = TABLES.get(language);
        if (table == null) {
            return Map.of();
        }
        return shares(table);
    }

    /** What separates words: anything but letters and their marks. */
    static final Pattern NOT_IN_WORD = Pattern.compile("[^\\p{L}\\p{M}]+");

    private static final Map<String, Set<String>> WORDS = new ConcurrentHashMap<>();

    /**
     * The words (lower case) with a non-ASCII letter that our lessons in the language use; empty for the languages
     * we have no lesson in.
     */
    static Set<String> words(String languageTag) {
        if (languageTag == null || languageTag.isBlank()) {
            return Set.of();
        }
        String language = languageOf(languageTag);
        return WORDS.computeIfAbsent(language, l -> {
            for (String lessonLanguage : LESSON_LANGUAGES) {
                if (lessonLanguage.equals(l)) {
                    Set<String> words = new HashSet<>();
                    for (String word : NOT_IN_WORD.split(lessonText(l).toString().toLowerCase(Locale.ROOT))) {
                        if (word.chars().anyMatch(c -> c >= 0x80)) {
                            words.add(word);
                        }
                    }
                    return Set.copyOf(words);
                }
            }
            return Set.of();
        });
    }

    /** Counts the letters of our lessons in the language. */
    private static Map<Integer, Double> fromLessons(String language) {
        return count(lessonText(language));
    }

    private static CharSequence lessonText(String language) {
        StringBuilder text = new StringBuilder();
        for (String lesson : LESSONS) {
            String path = "latentlab/lessons/" + lesson + "/" + language + ".md";
            try (InputStream in = LetterStatistics.class.getClassLoader().getResourceAsStream(path)) {
                if (in != null) {
                    text.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return text;
    }

    /** The share of each non-ASCII letter (lower case) among all letters of the text. */
    static Map<Integer, Double> count(CharSequence text) {
        Map<Integer, Integer> counts = new HashMap<>();
        int letters = 0;
        for (int i = 0; i < text.length();) {
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                letters++;
                if (cp >= 0x80) {
                    counts.merge(Character.toLowerCase(cp), 1, Integer::sum);
                }
            }
        }
        int total = letters;
        Map<Integer, Double> shares = new HashMap<>();
        counts.forEach((cp, n) -> shares.put(cp, (double) n / total));
        return Map.copyOf(shares);
    }
}
