/** Lessons: the autoencoder lesson in six languages, its interactive widgets, progress, and the curriculum importer. */
package org.latentlab.lesson;
