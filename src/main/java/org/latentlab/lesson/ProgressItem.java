package org.latentlab.lesson;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One thing a student can do in a lesson, stored as {@code kind:key} ("section:vae", "widget:denoise", "quiz:pre",
 * "lab:conv-vae", "assignment:done").
 */
public record ProgressItem(Kind kind, String key) {

    public enum Kind {
        SECTION, WIDGET, QUIZ, LAB, ASSIGNMENT;

        String prefix() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static final Set<String> WIDGETS = Set.of("reconstruct", "denoise", "latent-walk", "anomaly");
    public static final Set<String> QUIZZES = Set.of("pre", "post");
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public ProgressItem {
        if (kind == null || key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a progress item: " + kind + ":" + key);
        }
    }

    public static ProgressItem section(String id) {
        return new ProgressItem(Kind.SECTION, id);
    }

    public static ProgressItem widget(String name) {
        return new ProgressItem(Kind.WIDGET, name);
    }

    public static ProgressItem preQuiz() {
        return new ProgressItem(Kind.QUIZ, "pre");
    }

    public static ProgressItem postQuiz() {
        return new ProgressItem(Kind.QUIZ, "post");
    }

    public static ProgressItem lab(String experiment) {
        return new ProgressItem(Kind.LAB, experiment);
    }

    public static ProgressItem assignment() {
        return new ProgressItem(Kind.ASSIGNMENT, "done");
    }

    String stored() {
        return kind.prefix() + ":" + key;
    }

    static Optional<ProgressItem> parse(String stored) {
        int colon = stored.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        try {
            Kind kind = Kind.valueOf(stored.substring(0, colon).toUpperCase(java.util.Locale.ROOT));
            return Optional.of(new ProgressItem(kind, stored.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
