/**
 * Quiz file formats: our own JSON files ({@link org.latentlab.quiz.format.QuizFiles}, with the validator), and the
 * import and export of the open quiz-app JSON format ({@link org.latentlab.quiz.format.QuizAppFormat}) and of Moodle
 * GIFT ({@link org.latentlab.quiz.format.GiftFormat}). Pure Java: no Spring beans, no I/O beyond the bytes and strings
 * passed in.
 */
@org.springframework.modulith.NamedInterface("format")
package org.latentlab.quiz.format;
