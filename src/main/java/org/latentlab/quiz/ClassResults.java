package org.latentlab.quiz;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A class's results: one row per student, one column per quiz, the attempt that counts in each cell. */
public record ClassResults(long classId, List<Column> quizzes, List<Row> students) {

    public record Column(String quizId, String title) {
    }

    public record Row(long studentId, String username, String displayName, Map<String, Cell> cells) {

        public Optional<Cell> cell(String quizId) {
            return Optional.ofNullable(cells.get(quizId));
        }
    }

    /** {@code counted} is empty while no attempt is submitted; {@code time} is how long the counted one took. */
    public record Cell(Optional<AttemptSummary> counted, int attempts, boolean inProgress, Optional<Duration> time) {
    }
}
