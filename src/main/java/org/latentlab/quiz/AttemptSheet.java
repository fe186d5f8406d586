package org.latentlab.quiz;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.latentlab.base.ContentLanguage;

/**
 * An open attempt as the student sees it: the questions in the attempt's own order of options, the answers saved
 * so far and the deadline. It carries nothing that gives the right answers away (no correct flags, no explanations),
 * since everything in it may reach the browser. {@code content} is the language of a quiz in a language the
 * interface does not speak (see {@link Quiz#content()}), else null.
 */
public record AttemptSheet(AttemptSummary attempt, String title, List<SheetQuestion> questions,
        Map<String, GivenAnswer> saved, ContentLanguage content) {

    public AttemptSheet(AttemptSummary attempt, String title, List<SheetQuestion> questions,
            Map<String, GivenAnswer> saved) {
        this(attempt, title, questions, saved, null);
    }

    /** A question without its key. {@code items} are the options, or the steps to order, as shown. */
    public record SheetQuestion(String id, QuestionType type, int points, String text, List<Item> items,
            String unit) {
    }

    public record Item(String id, String text) {
    }

    public Instant deadline() {
        return attempt.deadline();
    }
}
