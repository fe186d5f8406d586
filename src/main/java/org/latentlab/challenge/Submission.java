package org.latentlab.challenge;

import java.time.Instant;
import java.util.List;

/** A stored submission: the vectors as sent, the model that decoded them, and the server's score. */
public record Submission(long id, long challengeId, long studentId, String studentName, Instant submittedAt,
        String modelId, String modelVersion, List<float[]> vectors, double score, List<RuleResult> rules) {

    Submission withStudentName(String name) {
        return new Submission(id, challengeId, studentId, name, submittedAt, modelId, modelVersion, vectors, score,
                rules);
    }
}
