/**
 * The curriculum lesson importer: turns a machine-translated lesson file of the public AI curriculum into clean
 * Markdown for Latent Lab, with a report of every change. Pure Java (JDK only) so that it can be tested without
 * Spring and Vaadin; {@link org.latentlab.lesson.importer.LessonImporter} is the entry point.
 */
package org.latentlab.lesson.importer;
