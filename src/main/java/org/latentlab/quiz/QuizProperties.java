package org.latentlab.quiz;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Quiz settings.
 *
 * @param folder      a folder of quiz files to use instead of the ones packed in the jar (empty: the packed ones)
 * @param groupCommit whether quiz writes made at the same moment share one commit ({@link QuizWriter}); unset: on
 *                    the embedded H2 database yes, on PostgreSQL no
 */
@ConfigurationProperties("latentlab.quiz")
public record QuizProperties(String folder, Boolean groupCommit) {
}
