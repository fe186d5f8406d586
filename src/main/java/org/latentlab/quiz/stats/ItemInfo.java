package org.latentlab.quiz.stats;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A question of the quiz as item analysis needs it: its max points (its weight in the attempt's total), and for a
 * choice question its option ids in display order and which of them are correct ({@code optionIds} empty for any
 * other question type).
 */
public record ItemInfo(String questionId, double maxPoints, List<String> optionIds, Set<String> correctOptionIds) {

    public ItemInfo {
        Objects.requireNonNull(questionId, "questionId");
        if (!(maxPoints > 0) || !Double.isFinite(maxPoints)) {
            throw new IllegalArgumentException("Question " + questionId + ": max points must be > 0, not " + maxPoints);
        }
        optionIds = optionIds == null ? List.of() : List.copyOf(optionIds);
        correctOptionIds = correctOptionIds == null ? Set.of() : Set.copyOf(correctOptionIds);
    }

    /** A question that is not a choice question. */
    public static ItemInfo of(String questionId, double maxPoints) {
        return new ItemInfo(questionId, maxPoints, List.of(), Set.of());
    }

    public boolean isChoice() {
        return !optionIds.isEmpty();
    }
}
