package org.latentlab.quiz;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Quiz settings.
 *
 * @param folder a folder of quiz files to use instead of the ones packed in the jar (empty: the packed ones)
 */
@ConfigurationProperties("latentlab.quiz")
public record QuizProperties(String folder) {
}
