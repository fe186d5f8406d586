/**
 * Item analysis of quiz attempts as Moodle's quiz statistics report computes it: facility, standard deviation,
 * discrimination index and discriminative efficiency per question, option shares and warning flags, and the
 * quiz-level mean, median, standard deviation and Cronbach's alpha. Pure computation; see {@link
 * org.latentlab.quiz.stats.ItemAnalysis}.
 */
package org.latentlab.quiz.stats;
