package org.latentlab.quiz.format;

import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON in and out. Reading is Jackson's tree, strict about duplicate keys and trailing content. Writing is a small
 * writer of maps (in their order), lists, strings, numbers, booleans and null, 2-space indented with
 * {@code "key": value}, real characters rather than escapes, and a final line end: the layout of our quiz files.
 */
final class JsonText {

    /** Our files: a key twice is a mistake (which value was meant?). */
    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    /** Imported files: made by others; a repeated key keeps its last value, as in browsers. */
    private static final JsonMapper IMPORT = JsonMapper.builder()
            .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonText() {
    }

    /** The JSON tree of the text; a syntax error becomes a {@link QuizFormatException} naming line and column. */
    static JsonNode parse(String json, String fileName) {
        return parse(STRICT, json, fileName);
    }

    static JsonNode parseImport(String json, String fileName) {
        return parse(IMPORT, json, fileName);
    }

    private static JsonNode parse(JsonMapper mapper, String json, String fileName) {
        if (json != null && json.startsWith("\uFEFF")) {
            json = json.substring(1);
        }
        if (json == null || json.isBlank()) {
            throw new QuizFormatException(fileName, null, "the file is empty");
        }
        try {
            JsonNode root = mapper.readTree(json);
            if (root == null || root.isMissingNode()) {
                throw new QuizFormatException(fileName, null, "the file is empty");
            }
            return root;
        } catch (JacksonException e) {
            TokenStreamLocation location = e.getLocation();
            String at = location == null || location.getLineNr() < 0 ? ""
                    : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            String detail = e.getOriginalMessage() == null ? "" : ": " + e.getOriginalMessage().lines().findFirst()
                    .orElse("");
            throw new QuizFormatException(fileName, null, "the file is not valid JSON" + at + detail, e);
        }
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, 0);
        return out.append('\n').toString();
    }

    private static void write(StringBuilder out, Object value, int indent) {
        switch (value) {
            case null -> out.append("null");
            case String text -> string(out, text);
            case Boolean bool -> out.append(bool);
            case Double number -> out.append(number(number));
            case Float number -> out.append(number(number.doubleValue()));
            case Number number -> out.append(number);
            case Map<?, ?> map -> {
                if (map.isEmpty()) {
                    out.append("{}");
                    return;
                }
                out.append("{\n");
                int i = 0;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    indent(out, indent + 1);
                    string(out, String.valueOf(entry.getKey()));
                    out.append(": ");
                    write(out, entry.getValue(), indent + 1);
                    out.append(++i < map.size() ? ",\n" : "\n");
                }
                indent(out, indent);
                out.append('}');
            }
            case List<?> list -> {
                if (list.isEmpty()) {
                    out.append("[]");
                    return;
                }
                out.append("[\n");
                for (int i = 0; i < list.size(); i++) {
                    indent(out, indent + 1);
                    write(out, list.get(i), indent + 1);
                    out.append(i + 1 < list.size() ? ",\n" : "\n");
                }
                indent(out, indent);
                out.append(']');
            }
            default -> throw new IllegalArgumentException("Cannot write " + value.getClass() + " as JSON");
        }
    }

    /** A number as JSON: whole numbers without ".0" (128, not 128.0), others in their shortest exact form. */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("JSON has no " + value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    private static void indent(StringBuilder out, int indent) {
        out.append("  ".repeat(indent));
    }

    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    boolean loneSurrogate = Character.isHighSurrogate(c)
                            ? i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))
                            : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
                    if (c < 0x20 || loneSurrogate) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
