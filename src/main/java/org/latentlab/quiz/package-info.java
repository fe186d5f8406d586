/** Quizzes: definitions, attempts with autosave, scoring, import and export, item statistics. */
package org.latentlab.quiz;
