/**
 * Music: two-bar melodies, the ABC corpus they come from, ABC and MIDI export, the melody VAE (a model family that
 * {@code ml}'s trainer trains) with its codec and shipped model, the scoring rules of the music challenges, and the
 * melody playground. The challenges use it; it knows nothing of them.
 */
package org.latentlab.music;
