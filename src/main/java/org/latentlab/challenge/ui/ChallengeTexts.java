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
import org.latentlab.music.MelodyCorpus;
import org.latentlab.music.MelodyRules;

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
            case MELODY -> page.getTranslation(MelodyRules.C_MAJOR_TITLE);
            case MELODY_MORPH -> page.getTranslation(MelodyRules.MORPH_TITLE) + ": "
                    + page.getTranslation("challenge.music.fromTo", tuneTitle(s.from()), tuneTitle(s.to()));
        };
    }

    /** How the server scores this kind, in full, as students see it before they submit. */
    static String rules(Component page, Challenge challenge) {
        if (challenge.kind() == org.latentlab.challenge.ChallengeKind.MELODY) {
            return page.getTranslation(MelodyRules.C_MAJOR_RULES);
        }
        if (challenge.kind() == org.latentlab.challenge.ChallengeKind.MELODY_MORPH) {
            return page.getTranslation(MelodyRules.MORPH_RULES);
        }
        return page.getTranslation("challenge.rules." + challenge.kind().name().toLowerCase(Locale.ROOT));
    }

    static String tuneTitle(int entry) {
        return MelodyCorpus.entries().get(entry).tune().fullTitle();
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
