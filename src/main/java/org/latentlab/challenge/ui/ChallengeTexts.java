package org.latentlab.challenge.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;

import org.latentlab.challenge.Challenge;
import org.latentlab.challenge.ChallengeSettings;
import org.latentlab.challenge.RuleResult;

/** How challenges, their rules and results read on the pages. */
final class ChallengeTexts {

    private ChallengeTexts() {
    }

    static String title(Component page, Challenge challenge) {
        ChallengeSettings s = challenge.settings();
        return switch (challenge.kind()) {
            case DIGIT -> page.getTranslation("challenge.title.digit", s.digit(), s.threshold());
            case VARIED -> page.getTranslation("challenge.title.varied");
            case REPAIR -> page.getTranslation(s.lowResolution() ? "challenge.title.repairLow"
                    : "challenge.title.repairNoise");
            case MORPH -> page.getTranslation("challenge.title.morph", s.from(), s.to(), s.steps());
        };
    }

    /** How the server scores this kind, in full, as students see it before they submit. */
    static String rules(Component page, Challenge challenge) {
        return page.getTranslation("challenge.rules." + challenge.kind().name().toLowerCase(Locale.ROOT));
    }

    static String state(Component page, Challenge challenge) {
        return page.getTranslation("challenge.state." + challenge.state().name().toLowerCase(Locale.ROOT));
    }

    static String rule(Component page, RuleResult rule) {
        return page.getTranslation(rule.messageKey(), rule.arguments().toArray());
    }

    static String when(java.time.Instant instant) {
        UI ui = UI.getCurrent();
        Locale locale = ui == null ? Locale.ENGLISH : ui.getLocale();
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale)
                .withZone(ZoneId.systemDefault()).format(instant);
    }

    static String score(double score) {
        return String.format(Locale.ROOT, "%.1f", score);
    }
}
